import type { PeopleServices } from "../../src/people/people-services.js";

/** BOT_NOW inside the campaign (11/10 → 11/11/2025): about two thirds of each target is expected by now. */
export const CAMPAIGN_NOW = "2025-11-01T10:00:00+07:00";

/**
 * Four units in two wards: TDP-AD2 (1 of 35) and TDP-AD3 (2 of 14) behind pace, the others ahead;
 * the school has no Zalo group.
 * Completions are spread over three days for the chart.
 */
export function seedPeople(people: PeopleServices): void {
  const at = new Date("2025-10-20T00:00:00Z");
  people.units.upsertAll(
    [
      {
        code: "TDP-AD1",
        name: "Tổ dân phố Số 1",
        kind: "residential",
        ward: "Phường An Dương",
        base: 20,
        targetRatio: 0.7,
        zaloGroupId: "9000000000000000001",
        aliases: [],
      },
      {
        code: "TDP-AD2",
        name: "Tổ dân phố Số 2",
        kind: "residential",
        ward: "Phường An Dương",
        base: 50,
        targetRatio: 0.7,
        zaloGroupId: "9000000000000000002",
        aliases: [],
      },
      {
        code: "TDP-AD3",
        name: "Tổ dân phố Số 3",
        kind: "residential",
        ward: "Phường An Dương",
        base: 20,
        targetRatio: 0.7,
        zaloGroupId: "9000000000000000003",
        aliases: [],
      },
      {
        code: "THCS-TH",
        name: "Trường THCS Thiên Hương",
        kind: "agency",
        ward: "Phường Thiên Hương",
        base: 6,
        targetRatio: 1,
        zaloGroupId: null,
        aliases: [],
      },
    ],
    at,
  );
  const report = (n: number, unitCode: string, day: string) => {
    for (let i = 0; i < n; i++) {
      people.completions.upsert(
        { zaloUserId: `${unitCode}-${day}-${i}`, fullName: `Người ${i}`, unitCode, source: "command" },
        new Date(`${day}T09:00:00+07:00`),
      );
    }
  };
  report(6, "TDP-AD1", "2025-10-25");
  report(6, "TDP-AD1", "2025-10-28");
  report(1, "TDP-AD2", "2025-10-28");
  report(5, "THCS-TH", "2025-10-31");
  report(2, "TDP-AD3", "2025-10-31");
}
