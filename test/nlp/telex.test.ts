import { describe, expect, it } from "vitest";
import { isFoldedSyllable } from "../../src/nlp/syllable.js";
import { repairTelex } from "../../src/nlp/telex.js";

describe("repairTelex", () => {
  it.each([
    ["dawng", "dang"],
    ["kys", "ky"],
    ["ddax", "da"],
    ["hetes", "het"],
    ["thif", "thi"],
    ["khoong", "khong"],
    ["nhaanj", "nhan"],
    ["dduwowcj", "duoc"],
    ["ky1", "ky"],
    ["d9a8ng", "dang"],
  ])("%s → %s", (token, out) => {
    expect(repairTelex(token)).toBe(out);
  });

  it.each(["dang", "thi", "nghieng", "20", "zalo", "ab1c2x"])("leaves %s alone", (token) => {
    expect(repairTelex(token)).toBeNull();
  });
});

describe("isFoldedSyllable", () => {
  it.each(["a", "ngh", "nghieng", "khuyen", "truong", "quy", "gi"])("%s", (s) => {
    expect(isFoldedSyllable(s)).toBe(s !== "ngh");
  });
  it.each(["kys", "dawng", "hete", "zalo", "web"])("rejects %s", (s) => {
    expect(isFoldedSyllable(s)).toBe(false);
  });
});
