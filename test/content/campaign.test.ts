import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../src/content/campaign.js";
import { ContentError } from "../../src/errors.js";

describe("loadCampaign", () => {
  const c = loadCampaign("content");

  it("gives the campaign window in Asia/Ho_Chi_Minh", () => {
    expect(c.window.start.toISOString()).toBe("2025-10-10T17:00:00.000Z");
    expect(c.window.end.toISOString()).toBe("2025-11-11T16:59:59.000Z");
  });

  it("has the hotline, links and the facts from the seed letters", () => {
    expect(c.hotline).toEqual({ display: "0904 540 490", digits: "0904540490" });
    expect(c.links.course).toMatch(/^https:\/\/onetouch\.mic\.gov\.vn\/khoa-hoc\//);
    expect(c.links.supportGroup).toBe("https://zalo.me/g/motzcq639");
    expect(c.links.bandoso).toBe("https://bandoso.haiphong.gov.vn/");
    expect(c.file.topics?.items).toHaveLength(4);
    expect(c.file.exam?.questions).toBe(20);
    expect(c.targets).toEqual({ agency: 1, residential: 0.7 });
    expect(c.file.prizes?.individual.map((p) => p.count)).toEqual([1, 2, 3, 5]);
  });

  it("reports every problem in a broken file with the file name", () => {
    const dir = mkdtempSync(join(tmpdir(), "campaign-"));
    const text = readFileSync("content/campaign.yaml", "utf8")
      .replace('display: "0904 540 490"', 'display: "hotline"')
      .replace(/start: "2025-10-11T00:00:00\+07:00"/, 'start: "11/10/2025"');
    writeFileSync(join(dir, "campaign.yaml"), text);
    try {
      loadCampaign(dir);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ContentError);
      const problems = (err as ContentError).problems.join("\n");
      expect(problems).toContain("hotline.display");
      expect(problems).toContain("dates.start");
      expect(problems).toContain("campaign.yaml");
    }
  });
});
