import { describe, expect, it } from "vitest";
import { splitText } from "../../src/zalo/text-splitter.js";

describe("splitText", () => {
  it("leaves short text alone", () => {
    expect(splitText("Xin chào")).toEqual(["Xin chào"]);
  });

  it("splits a long paragraph at sentence ends, never over the limit", () => {
    const text = "Câu thứ nhất khá dài để thử. ".repeat(10);
    const chunks = splitText(text, 100);
    expect(chunks.every((c) => c.length <= 100)).toBe(true);
    expect(chunks.every((c) => c.endsWith("."))).toBe(true);
  });

  it("hard-cuts a word longer than the limit without breaking an emoji", () => {
    const chunks = splitText(`${"a".repeat(99)}😀${"b".repeat(50)}`, 100);
    expect(chunks.every((c) => c.length <= 100)).toBe(true);
    expect(chunks.join("")).toContain("😀");
  });
});
