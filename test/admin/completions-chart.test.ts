import { describe, expect, it } from "vitest";
import { completionsChart } from "../../src/http/admin/completions-chart.js";

/** Issue 14 §5: with one day of 8 reports and a target of 2,440, nobody may read "about 3,000 done". */
describe("completions chart", () => {
  it("one axis per chart: the total against the target, the day's count on its own scale; one day still shows", () => {
    const out = String(completionsChart([{ day: "2025-10-20", count: 8 }], 2440));
    const charts = out.split("<svg").slice(1);
    expect(charts).toHaveLength(2);
    // The total's chart: axis up to 3,000 (it holds the target), the day's 8 as a visible dot near the bottom.
    expect(charts[0]).toContain("Chỉ tiêu 2.440");
    expect(charts[0]).toMatch(/<circle /);
    expect(charts[0]).not.toMatch(/<rect /);
    // The daily chart: its own axis, no target line.
    expect(charts[1]).toMatch(/<rect /);
    expect(charts[1]).not.toContain("Chỉ tiêu");
    expect(charts[1]).not.toContain("3.000");
    // Drawn at a fixed pixel size: the same label size on a phone and a desktop.
    for (const c of charts) expect(c).toMatch(/^ class="chart" width="\d+" height="\d+"/);
  });
});
