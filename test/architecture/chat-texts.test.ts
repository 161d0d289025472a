import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/**
 * Chat texts live in content/ (messages.yaml, faq.yaml, templates/): a Vietnamese sentence written as a
 * string literal in src/ or handlers/ is a text an officer cannot edit. Vietnamese is recognised by its
 * letters with diacritics. The places below may keep Vietnamese literals, each for the reason given.
 */
const ALLOWED: Record<string, string> = {
  "src/nlp/": "normaliser tables: shorthand, stopwords, number words",
  "src/people/person-name.ts": "words that are not a name (a table read by the name check)",
  "src/http/": "the dashboard's own page labels, banners and form errors (not chat)",
  "src/cli/": "terminal output and usage lines for whoever runs the CLI (not chat)",
  "src/results/": "import problems shown on the dashboard and the CLI, Excel column headers",
  "src/webhook/webhook-refusals.ts": "a dashboard banner about refused webhooks",
  "src/loop/unanswered-queue.ts": "the dashboard's label for a group without a unit",
  "src/people/progress-service.ts": "the completed rule as the dashboard and the progress API explain it",
  "src/content/taught-file.ts": "the header comment of the generated taught.yaml",
  "src/stores/taught-store.ts": "the mask SQL writes over an erased phrasing",
  "src/shared/personal-data.ts": "the masks written over erased names and messages in stored rows",
  "src/privacy/personal-data-registry.ts": "a Vietnamese term in an English description of a table",
};

const VIETNAMESE = /[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]/i;
const root = join(import.meta.dirname, "../..");

function tsFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => relative(root, join(e.parentPath, e.name)));
}

/** "file:line: text" for each string or template literal part with Vietnamese letters. */
function vietnameseLiterals(file: string, source: string): string[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (n: ts.Node): void => {
    if ((ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n) || ts.isTemplateLiteralToken(n)) && VIETNAMESE.test(n.text)) {
      found.push(`${file}:${sf.getLineAndCharacterOfPosition(n.getStart()).line + 1}: ${n.text.slice(0, 80)}`);
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return found;
}

const allowed = (file: string) => Object.keys(ALLOWED).some((p) => file === p || (p.endsWith("/") && file.startsWith(p)));

describe("chat texts are content", () => {
  const files = [...tsFiles("src"), ...tsFiles("handlers")];

  it("no Vietnamese sentence is a string literal in src/ or handlers/ (outside the places allowed)", () => {
    const found = files.filter((f) => !allowed(f)).flatMap((f) => vietnameseLiterals(f, readFileSync(join(root, f), "utf8")));
    expect(found, "move these to content/messages.yaml (chat:) and say them with ChatTexts").toEqual([]);
  });

  it("the check sees a sentence in a string, a template and a template part", () => {
    const hole = (name: string) => `$${"{"}${name}}`;
    const src = `const a = "Đã huỷ."; const b = \`Cảm ơn ${hole("x")}!\`; const c = \`${hole("n")} đơn vị\`; const d = "ok"; const e = /ốo/;`;
    expect(vietnameseLiterals("x.ts", src).map((l) => l.replace(/^x\.ts:1: /, ""))).toEqual(["Đã huỷ.", "Cảm ơn ", " đơn vị"]);
  });

  it("every allowed place exists and still has Vietnamese literals (else drop it from the list)", () => {
    for (const place of Object.keys(ALLOWED)) {
      const inPlace = files.filter((f) => f === place || (place.endsWith("/") && f.startsWith(place)));
      expect(inPlace.length, place).toBeGreaterThan(0);
      const literals = inPlace.flatMap((f) => vietnameseLiterals(f, readFileSync(join(root, f), "utf8")));
      expect(literals.length, place).toBeGreaterThan(0);
    }
  });
});
