import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { parseUnitsCsv } from "../../src/people/units-csv.js";
import { EXAMPLE_CSV, tmpPeople } from "./people-harness.js";

const HEADER = "code,name,kind,ward,base,target_ratio,zalo_group_id,aliases";
let t: ReturnType<typeof tmpPeople> | undefined;
afterEach(() => t?.close());

describe("units CSV", () => {
  it("reads the example ward: agencies at 100% of staff, tổ dân phố at 70% of households", () => {
    const r = parseUnitsCsv(readFileSync(EXAMPLE_CSV));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.units.length).toBeGreaterThanOrEqual(20);
    const tdp = r.units.filter((u) => u.kind === "residential");
    expect(tdp.length).toBeGreaterThanOrEqual(15);
    expect(tdp.find((u) => u.code === "AD-TDP01")?.targetRatio).toBe(0.7);
    expect(r.units.find((u) => u.code === "AD-TH")).toMatchObject({ targetRatio: 1, zaloGroupId: "f414c8f7a1b2c3d4e5f6" });
    expect(r.units.find((u) => u.code === "AD-TDP05")?.aliases).toEqual(["TDP 5", "Tổ 5"]);
  });

  it("computes target = ceil(base × ratio) and upserts by code (idempotent)", () => {
    t = tmpPeople();
    const csv = `${HEADER}\nx-1,Tổ dân phố số 1,residential,An Dương,101,,,\nX-2,Trường Mầm non,agency,An Dương,30,,,\n`;
    const r = parseUnitsCsv(csv);
    if (!r.ok) throw new Error("expected ok");
    expect(t.people.units.upsertAll(r.units, new Date())).toEqual({ inserted: 2, updated: 0 });
    expect(t.people.units.upsertAll(r.units, new Date())).toEqual({ inserted: 0, updated: 2 });
    expect(t.people.units.byCode("x-1")).toMatchObject({ code: "X-1", target: 71 });
    expect(t.people.units.byCode("X-2")?.target).toBe(30);
    expect(t.people.units.all()).toHaveLength(2);
  });

  it("reports every bad row with its line number and reason", () => {
    const csv = [
      HEADER,
      "A1,Tổ 1,residential,An Dương,100,,,", // 2 ok
      "", // 3 empty: skipped
      'B1,"Tổ\nhai",residential,An Dương,-5,,,', // 4 (spans 4–5): bad base
      "C1,Phòng X,office,An Dương,10,,,", // 6 bad kind
      "D1,Phòng Y,agency,An Dương,10,1.5,,", // 7 ratio over 1
      "A1,Tổ 1 lặp,residential,An Dương,100,,,", // 8 duplicate code
      "E1,Tổ 2,residential,An Dương,100", // 9 too few fields
      "F1,Tổ 3,residential,,100,,,", // 10 empty ward
      "có dấu,Tổ 4,residential,An Dương,100,,,", // 11 bad code
      "G1,Tổ 5,residential,An Dương,100,,grp1,", // 12 ok
      "H1,Tổ 6,residential,An Dương,100,,grp1,", // 13 same group as line 12
      "I1,Tổ 7,residential,An Dương,100,<b>,g!,", // 14 bad ratio and group id
    ].join("\n");
    const r = parseUnitsCsv(csv);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byLine = Object.fromEntries(r.problems.map((p) => [p.line, p.reason]));
    expect(Object.keys(byLine).map(Number)).toEqual([4, 6, 7, 8, 9, 10, 11, 13, 14]);
    expect(byLine[4]).toMatch(/base/);
    expect(byLine[6]).toMatch(/kind/);
    expect(byLine[7]).toMatch(/target_ratio/);
    expect(byLine[8]).toMatch(/A1 already used on line 2/);
    expect(byLine[9]).toMatch(/5 fields/);
    expect(byLine[10]).toMatch(/ward is empty/);
    expect(byLine[11]).toMatch(/code/);
    expect(byLine[13]).toMatch(/grp1 already used on line 12/);
    expect(byLine[14]).toMatch(/target_ratio.*zalo_group_id/);
  });

  it("rejects a wrong header and an empty file", () => {
    const wrong = parseUnitsCsv("code,name,kind,ward,base\nA,B,agency,W,1\n");
    expect(wrong).toMatchObject({ ok: false, problems: [{ line: 1 }] });
    if (!wrong.ok) expect(wrong.problems[0]!.reason).toMatch(/missing column\(s\) target_ratio, zalo_group_id, aliases/);
    expect(parseUnitsCsv("")).toMatchObject({ ok: false, problems: [{ line: 1 }] });
    expect(parseUnitsCsv(`${HEADER}\n`)).toMatchObject({ ok: false });
  });

  it("accepts any column order, a BOM, percentages and CRLF", () => {
    const csv = "\uFEFFname,code,kind,ward,base,target_ratio,aliases,zalo_group_id\r\nTổ 9,T9,residential,An Dương,200,80%,Tổ chín|  ,\r\n";
    const r = parseUnitsCsv(csv);
    expect(r).toMatchObject({ ok: true, units: [{ code: "T9", name: "Tổ 9", targetRatio: 0.8, aliases: ["Tổ chín"], zaloGroupId: null }] });
  });

  it("keeps a group linked in chat when the CSV leaves zalo_group_id empty, and moves a group the CSV gives to another unit", () => {
    t = tmpPeople();
    const first = parseUnitsCsv(`${HEADER}\nA,Tổ 1,residential,W,10,,,\nB,Tổ 2,residential,W,10,,,\n`);
    if (!first.ok) throw new Error("expected ok");
    t.people.units.upsertAll(first.units, new Date());
    t.people.units.linkGroup("A", "group-1", new Date());
    t.people.units.upsertAll(first.units, new Date());
    expect(t.people.units.byGroupId("group-1")?.code).toBe("A");
    const moved = parseUnitsCsv(`${HEADER}\nB,Tổ 2,residential,W,10,,group-1,\n`);
    if (!moved.ok) throw new Error("expected ok");
    t.people.units.upsertAll(moved.units, new Date());
    expect(t.people.units.byGroupId("group-1")?.code).toBe("B");
    expect(t.people.units.byCode("A")?.zaloGroupId).toBeNull();
  });
});
