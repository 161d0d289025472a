import { describe, expect, it } from "vitest";
import { spokenNumbers } from "../../src/nlp/spoken-numbers.js";

describe("numbers said as words (voice typing)", () => {
  it.each([
    ["hai mươi câu", "20 câu"],
    ["ba mươi mốt", "31"],
    ["hai mươi tư", "24"],
    ["bảy mươi phần trăm", "70 phần trăm"],
    ["mười một", "11"],
    ["hai muoi cau", "20 cau"],
    ["năm hai nghìn không trăm hai mươi lăm", "năm 2025"],
    ["năm hai không hai sáu", "năm 2026"],
    ["số không chín không bốn năm bốn không bốn chín không nhé", "số 0904540490 nhé"],
  ])("%s → %s", (said, meant) => {
    expect(spokenNumbers(said)).toBe(meant);
  });

  it("leaves words that only look like digits alone", () => {
    expect(spokenNumbers("bà năm nay ba người")).toBe("bà năm nay ba người");
    expect(spokenNumbers("một hai ba")).toBe("một hai ba");
  });
});
