import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../src/content/campaign.js";
import { loadFaqContent } from "../../src/content/faq-content.js";
import { ContentError } from "../../src/errors.js";

const campaign = loadCampaign("content");

function brokenCopy(edit: (faq: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "faq-content-"));
  cpSync("content", dir, { recursive: true });
  writeFileSync(join(dir, "faq.yaml"), edit(readFileSync("content/faq.yaml", "utf8")));
  return dir;
}

function problemsOf(dir: string): string {
  try {
    loadFaqContent(dir, loadCampaign(dir));
  } catch (err) {
    expect(err).toBeInstanceOf(ContentError);
    return (err as ContentError).problems.join("\n");
  }
  throw new Error("expected a ContentError");
}

describe("content/faq.yaml", () => {
  const content = loadFaqContent("content", campaign);

  it("has at least 40 entries, each with several phrasings and its seed sources", () => {
    expect(content.entries.length).toBeGreaterThanOrEqual(40);
    for (const e of content.entries) {
      expect(e.ask.length, e.id).toBeGreaterThanOrEqual(3);
      expect(e.source.length, e.id).toBeGreaterThan(0);
    }
  });

  it("reports an unknown placeholder, an unknown link and a duplicate id", () => {
    const dir = brokenCopy((t) =>
      t
        .replace("{{links.video}}", "{{links.vidoe}}")
        .replace("links: [guide, video]", "links: [guide, youtube]")
        .replace("- id: muc-dich", "- id: gioi-thieu"),
    );
    const problems = problemsOf(dir);
    expect(problems).toContain("unknown placeholder {{links.vidoe}}");
    expect(problems).toContain('unknown link "youtube"');
    expect(problems).toContain("entry gioi-thieu: duplicate id");
  });

  it("reports a shape error with the file and the path", () => {
    const dir = brokenCopy((t) => t.replace("  - id: hotline\n    title: Số điện thoại hỗ trợ\n", "  - id: Hotline!\n"));
    const problems = problemsOf(dir);
    expect(problems).toMatch(/faq\.yaml: entries\.\d+\.id: lowercase words/);
    expect(problems).toMatch(/faq\.yaml: entries\.\d+\.title/);
  });
});
