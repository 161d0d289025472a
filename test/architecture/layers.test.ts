import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * house-style.md's layers, bottom up. An import only points down (or sideways within a layer): when a lower
 * layer needs something from a higher one, the thing belongs lower.
 */
const LAYERS: string[][] = [
  ["src/shared/", "src/clock.ts", "src/errors.ts", "src/config.ts", "src/observability/", "src/db/", "src/text/", "src/redis/"],
  ["src/nlp/", "src/content/", "src/zalo/", "src/stores/"],
  ["src/faq/", "src/people/", "src/results/", "src/inbox/", "src/broadcasts/", "src/privacy/", "src/loop/"],
  ["src/webhook/"],
  ["src/bot/"],
  ["handlers/"],
  ["src/http/", "src/cli/"],
  ["src/runtime.ts", "src/main.ts", "src/worker.ts", "src/wiring/", "src/answer-thread.ts", "src/answer-thread-host.ts"],
];

const root = join(import.meta.dirname, "../..");

function layerOf(file: string): number {
  let best = -1;
  let bestLen = 0;
  LAYERS.forEach((prefixes, i) => {
    for (const p of prefixes) {
      if ((file === p || file.startsWith(p)) && p.length > bestLen) {
        best = i;
        bestLen = p.length;
      }
    }
  });
  return best;
}

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

const IMPORT = /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)\.js["']/g;

describe("layers", () => {
  const files = [...tsFiles("src"), ...tsFiles("handlers")];

  it("every source file has a layer", () => {
    expect(files.filter((f) => layerOf(f) < 0)).toEqual([]);
  });

  it("no import points from a lower layer to a higher one", () => {
    const upward: string[] = [];
    for (const file of files) {
      for (const m of readFileSync(join(root, file), "utf8").matchAll(IMPORT)) {
        const target = normalize(join(dirname(file), `${m[1]}.ts`));
        if (layerOf(target) > layerOf(file)) upward.push(`${file} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
