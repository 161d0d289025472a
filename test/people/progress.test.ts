import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { elapsedShare } from "../../src/people/progress-service.js";
import { parseUnitsCsv } from "../../src/people/units-csv.js";
import { tmpPeople, WINDOW } from "./people-harness.js";

let t: ReturnType<typeof tmpPeople>;
beforeEach(() => {
  t = tmpPeople();
  const csv = [
    "code,name,kind,ward,base,target_ratio,zalo_group_id,aliases",
    "A,Trường Mầm non A,agency,Phường Một,10,,g-a,",
    "T1,Tổ dân phố 1,residential,Phường Một,100,,,",
    "T2,Tổ dân phố 2,residential,Phường Hai,50,0.5,g-t2,",
  ].join("\n");
  const r = parseUnitsCsv(csv);
  if (!r.ok) throw new Error("bad csv");
  t.people.units.upsertAll(r.units, new Date());
});
afterEach(() => t.close());

function complete(n: number, unit: string, prefix = unit) {
  for (let i = 0; i < n; i++) {
    t.people.completions.upsert({ zaloUserId: `${prefix}-${i}`, fullName: "Nguyễn Văn An", unitCode: unit, source: "command" }, new Date());
  }
}

describe("progress", () => {
  it("pace: nothing expected before the start, half at mid-campaign, the whole target after the end", () => {
    const mid = new Date((WINDOW.start.getTime() + WINDOW.end.getTime()) / 2);
    expect(elapsedShare(WINDOW, new Date("2025-10-01T00:00:00+07:00"))).toBe(0);
    expect(elapsedShare(WINDOW, mid)).toBeCloseTo(0.5, 10);
    expect(elapsedShare(WINDOW, new Date("2025-12-01T00:00:00+07:00"))).toBe(1);
  });

  it("per unit: completed / target, expectedByNow and behind as contract.md defines them", () => {
    complete(5, "A");
    complete(40, "T1");
    const mid = new Date((WINDOW.start.getTime() + WINDOW.end.getTime()) / 2);
    const r = t.people.progress.report(mid);
    expect(r.asOf).toBe(mid.toISOString());
    const a = r.units.find((u) => u.code === "A")!;
    expect(a).toMatchObject({
      name: "Trường Mầm non A",
      kind: "agency",
      ward: "Phường Một",
      base: 10,
      target: 10,
      completed: 5,
      ratio: 0.5,
      behind: false,
      zaloGroupId: "g-a",
    });
    expect(a.expectedByNow).toBeCloseTo(5, 6);
    const t1 = r.units.find((u) => u.code === "T1")!;
    expect(t1).toMatchObject({ target: 70, completed: 40, behind: false });
    const t2 = r.units.find((u) => u.code === "T2")!;
    expect(t2).toMatchObject({ target: 25, completed: 0, ratio: 0, behind: true });
    expect(t2.expectedByNow).toBeCloseTo(12.5, 6);

    const end = t.people.progress.report(new Date("2025-11-20T00:00:00+07:00"));
    expect(end.units.find((u) => u.code === "T1")).toMatchObject({ expectedByNow: 70, behind: true });
    const before = t.people.progress.report(new Date("2025-10-01T00:00:00+07:00"));
    expect(before.units.every((u) => u.expectedByNow === 0 && !u.behind)).toBe(true);
  });

  it("wards roll their units up", () => {
    complete(5, "A");
    complete(40, "T1");
    complete(10, "T2");
    const r = t.people.progress.report(new Date("2025-11-20T00:00:00+07:00"));
    expect(r.wards).toEqual([
      {
        ward: "Phường Hai",
        base: 50,
        target: 25,
        completed: 10,
        reported: 10,
        official: null,
        ratio: 0.4,
        expectedByNow: 25,
        behind: true,
        units: 1,
      },
      {
        ward: "Phường Một",
        base: 110,
        target: 80,
        completed: 45,
        reported: 45,
        official: null,
        ratio: 45 / 80,
        expectedByNow: 80,
        behind: true,
        units: 2,
      },
    ]);
  });

  it("behind units with a linked group are what reminders target", () => {
    complete(10, "A");
    const now = new Date("2025-11-20T00:00:00+07:00");
    const behind = t.people.progress.report(now).units.filter((u) => u.behind);
    expect(behind.map((u) => u.code).sort()).toEqual(["T1", "T2"]);
    expect(behind.filter((u) => u.zaloGroupId !== null).map((u) => u.code)).toEqual(["T2"]);
  });

  it("counts first reports per day in Vietnam time, for the dashboard chart", () => {
    const c = t.people.completions;
    const rec = (id: string, iso: string) =>
      c.upsert({ zaloUserId: id, fullName: "Lê Thu Hà", unitCode: "T1", source: "dialog" }, new Date(iso));
    rec("u1", "2025-10-20T23:30:00+07:00");
    rec("u2", "2025-10-21T00:30:00+07:00"); // 20/10 17:30 UTC, still 21/10 in Hải Phòng
    rec("u3", "2025-10-21T08:00:00+07:00");
    rec("u1", "2025-10-25T08:00:00+07:00"); // an update keeps the first day
    expect(c.perDay()).toEqual([
      { day: "2025-10-20", count: 1 },
      { day: "2025-10-21", count: 2 },
    ]);
  });

  it("stays a few aggregates: 20,000 completions over 1,000 units report quickly", () => {
    const units = Array.from({ length: 1000 }, (_, i) => ({
      code: `U${i}`,
      name: `Tổ dân phố ${i}`,
      kind: "residential" as const,
      ward: `Phường ${i % 10}`,
      base: 100,
      targetRatio: 0.7,
      zaloGroupId: null,
      aliases: [],
    }));
    t.people.units.upsertAll(units, new Date());
    t.db.transaction(() => {
      for (let i = 0; i < 20_000; i++) {
        t.people.completions.upsert(
          { zaloUserId: `z${i}`, fullName: "Lê Thu Hà", unitCode: `U${i % 1000}`, source: "command" },
          new Date(),
        );
      }
    })();
    const r = t.people.progress.report(new Date("2025-10-27T00:00:00+07:00"));
    expect(r.units).toHaveLength(1003);
    expect(r.units.reduce((n, u) => n + u.completed, 0)).toBe(20_000);
    expect(r.wards).toHaveLength(12);
  });
});
