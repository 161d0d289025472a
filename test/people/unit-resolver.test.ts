import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseUnitsCsv } from "../../src/people/units-csv.js";
import { importExample, tmpPeople } from "./people-harness.js";

let t: ReturnType<typeof tmpPeople>;
beforeAll(() => {
  t = tmpPeople();
  importExample(t.people);
});
afterAll(() => t.close());

const codeOf = (text: string) => {
  const r = t.people.resolver.resolve(text);
  return r.kind === "found" ? r.unit.code : r.kind;
};
const choicesOf = (text: string) => {
  const r = t.people.resolver.resolve(text);
  return r.kind === "choices" ? r.units.map((u) => u.code).sort() : r.kind;
};

describe("unit resolver: what people type", () => {
  it.each([
    ["tdp 5", "AD-TDP05"],
    ["tổ 5", "AD-TDP05"],
    ["TDP số 5 An Dương", "AD-TDP05"],
    ["to dan pho so 05", "AD-TDP05"],
    ["Tổ dân phố số 5, phường An Dương", "AD-TDP05"],
    ["tổ5", "AD-TDP05"],
    ["AD-TDP05", "AD-TDP05"],
    ["ad tdp05", "AD-TDP05"],
    ["tổ 15", "AD-TDP15"],
    ["tổ 1", "AD-TDP01"],
    ["trường tiểu học An Dương", "AD-TH"],
    ["truong tieu hoc an duong", "AD-TH"],
    ["tiểu học", "AD-TH"],
    ["TH An Dương", "AD-TH"],
    ["THCS An Dương", "AD-THCS"],
    ["trường cấp 2", "AD-THCS"],
    ["mầm non", "AD-MN"],
    ["công an phường", "AD-CA"],
    ["Phòng VHXH", "AD-VHXH"],
    ["một cửa", "AD-HCC"],
    ["trường tiu học an dương", "choices"],
  ])("%s → %s", (typed, expected) => {
    expect(codeOf(typed)).toBe(expected);
  });

  it("numbers must match exactly: 'tổ 5' is never TDP 15, and an unknown number finds nothing", () => {
    expect(codeOf("tổ 5")).not.toBe("AD-TDP15");
    expect(codeOf("tổ 25")).toBe("none");
  });

  it("offers numbered choices when several units fit", () => {
    expect(choicesOf("trường An Dương")).toEqual(["AD-MN", "AD-TH", "AD-THCS"]);
    expect(choicesOf("phòng")).toEqual(["AD-KT", "AD-VHXH", "AD-VP"]);
    expect(t.people.resolver.resolve("tổ dân phố")).toEqual({ kind: "too_many", count: 15 });
  });

  it("finds nothing for text that names no unit", () => {
    expect(codeOf("xin chào")).toBe("none");
    expect(codeOf("")).toBe("none");
    expect(codeOf("!!!")).toBe("none");
  });

  it("tells units of different wards apart by the ward's name", () => {
    const other = parseUnitsCsv(
      "code,name,kind,ward,base,target_ratio,zalo_group_id,aliases\nTH-TDP05,Tổ dân phố số 5,residential,Thiên Hương,150,,,\n",
    );
    if (!other.ok) throw new Error("bad csv");
    const two = tmpPeople();
    try {
      importExample(two.people);
      two.people.units.upsertAll(other.units, new Date());
      const r = two.people.resolver.resolve("tổ 5");
      expect(r.kind === "choices" && r.units.map((u) => u.code).sort()).toEqual(["AD-TDP05", "TH-TDP05"]);
      const pick = (s: string) => {
        const x = two.people.resolver.resolve(s);
        return x.kind === "found" ? x.unit.code : x.kind;
      };
      expect(pick("tổ 5 Thiên Hương")).toBe("TH-TDP05");
      expect(pick("TDP số 5 An Dương")).toBe("AD-TDP05");
    } finally {
      two.close();
    }
  });

  it("sees units imported after it was first used (no stale cache)", () => {
    expect(codeOf("tổ 16")).toBe("none");
    const more = parseUnitsCsv(
      "code,name,kind,ward,base,target_ratio,zalo_group_id,aliases\nAD-TDP16,Tổ dân phố số 16,residential,An Dương,90,,,\n",
    );
    if (!more.ok) throw new Error("bad csv");
    t.people.units.upsertAll(more.units, new Date());
    expect(codeOf("tổ 16")).toBe("AD-TDP16");
  });
});
