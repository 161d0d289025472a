import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * README's folder sketch ("How it works") names every top-level folder of the repository and every folder
 * and file directly under src/, and names nothing that is not there. A line of the sketch is
 * `names  description`: the names (separated by single spaces, `*` as a wildcard) before two spaces.
 */
const root = join(import.meta.dirname, "../..");
/** Not in git: the build output (named in the sketch), installed packages, test screenshots. */
const UNTRACKED = new Set(["dist", "node_modules", "test-artifacts"]);

function sketch(): { top: string[]; src: string[] } {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## How it works"));
  const block = section.slice(section.indexOf("```\n") + 4, section.indexOf("\n```", section.indexOf("```\n") + 4));
  const top: string[] = [];
  const src: string[] = [];
  for (const line of block.split("\n")) {
    const nested = line.startsWith("  ");
    const names = line.trim().split(/ {2,}/)[0]!.split(" ");
    (nested ? src : top).push(...names.map((n) => n.replace(/\/$/, "")));
  }
  return { top, src };
}

const matches = (pattern: string, name: string) =>
  new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[^/]*")}$`).test(name);

function entries(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .filter((e) => !e.name.startsWith(".") && (e.isDirectory() || (dir === "src" && e.name.endsWith(".ts"))))
    .map((e) => e.name)
    .filter((n) => !UNTRACKED.has(n));
}

describe("README's folder sketch", () => {
  const { top, src } = sketch();

  it("names every folder and file under src/, and nothing that is not there", () => {
    const real = entries("src");
    expect(
      real.filter((n) => !src.some((p) => matches(p, n))),
      "missing from the sketch",
    ).toEqual([]);
    expect(
      src.filter((p) => !real.some((n) => matches(p, n))),
      "in the sketch, not in src/",
    ).toEqual([]);
  });

  it("names every top-level folder, and nothing that is not there (dist/ is the build's)", () => {
    const real = entries(".");
    expect(
      real.filter((n) => !top.includes(n)),
      "missing from the sketch",
    ).toEqual([]);
    expect(
      top.filter((n) => n !== "dist" && !real.includes(n)),
      "in the sketch, not in the repository",
    ).toEqual([]);
  });
});
