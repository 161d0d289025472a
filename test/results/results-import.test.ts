import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ResultFileError } from "../../src/errors.js";
import { importResults } from "../../src/results/results-import.js";
import { describeReason } from "../../src/results/row-problems.js";
import { tmpPeople } from "../people/people-harness.js";
import { chatReport, day, NOW, seedUnits, workbook } from "./results-harness.js";

let t: ReturnType<typeof tmpPeople>;
beforeEach(() => {
  t = tmpPeople();
  seedUnits(t.people);
});
afterEach(() => t.close());

const run = (input: string | Buffer, apply: boolean, fileName = "results.csv") =>
  importResults(Buffer.from(input), { fileName, apply, now: NOW }, { db: t.db, people: t.people });
const unit = (code: string) => t.people.progress.report(NOW).units.find((u) => u.code === code)!;
const reasons = (r: Awaited<ReturnType<typeof run>>) => r.problems.map((p) => `${p.line}: ${describeReason(p.reason, "en")}`);

describe("results import, per unit", () => {
  const CSV = [
    "unit,completed,as_of",
    "TDP-A,60,2025-10-31",
    "Tổ 2,abc,2025-10-31",
    "Tổ 9,5,2025-10-31",
    "THCS,10,01/12/2025",
    "tổ dân phố số 2,12,30/10/2025",
  ].join("\n");

  it("reports every unusable row with its line and reason, and writes nothing without apply", async () => {
    const r = await run(CSV, false);
    expect(r.shape).toBe("unit");
    expect(r.applied).toBe(false);
    expect(reasons(r)).toEqual([
      '3: "abc" is not a number of people (a whole number, 0 or more)',
      expect.stringMatching(/^4: unknown unit "Tổ 9" \(closest: .*TDP-A \(Tổ dân phố số 1\)/),
      "5: date 01/12/2025 is in the future (today is 01/11/2025)",
    ]);
    expect(r.changes.map((c) => [c.code, c.before.official, c.after.official, c.after.behind])).toEqual([
      ["TDP-A", null, 60, false],
      ["TDP-B", null, 12, true],
    ]);
    expect(t.people.official.figures().size).toBe(0);
    expect(unit("TDP-A")).toMatchObject({ official: null, officialAsOf: null, completed: 0 });
  });

  it("with apply, the official count drives completed; later chat reports add to it", async () => {
    chatReport(t.people, "Nguyễn Văn An", "TDP-A", "2025-10-20T09:00");
    chatReport(t.people, "Lê Thị Hoa", "TDP-A", "2025-10-31T20:00");
    expect(unit("TDP-A")).toMatchObject({ reported: 2, completed: 2, behind: true });
    const r = await run(CSV, true);
    expect(r.applied).toBe(true);
    expect(r.importId).toBeGreaterThan(0);
    // Reports up to the official day are in the official count; later ones come on top.
    expect(unit("TDP-A")).toMatchObject({ reported: 2, official: 60, officialAsOf: "2025-10-31", completed: 60, behind: false });
    chatReport(t.people, "Trần Văn Bình", "TDP-A", "2025-11-01T08:00");
    expect(unit("TDP-A")).toMatchObject({ reported: 3, official: 60, completed: 61 });
    // Units without an official figure keep counting chat reports.
    expect(unit("THCS")).toMatchObject({ official: null, completed: 0 });
    const ward = t.people.progress.report(NOW).wards.find((w) => w.ward === "Phường An Dương")!;
    expect(ward).toMatchObject({ reported: 3, official: 72, completed: 73 });
  });

  it("reads an .xlsx with a title row, Vietnamese headers, date cells and formulas", async () => {
    const xlsx = await workbook({
      "Tổng hợp": [
        ["BÁO CÁO KẾT QUẢ CUỘC THI"],
        [],
        ["STT", "Tên đơn vị", "Số người hoàn thành (người)", "Tính đến ngày", "Ghi chú"],
        [1, "Tổ dân phố số 1", 65, day("2025-10-30"), ""],
        [2, "TDP-B", { formula: "30+5", result: 35 }, "30/10/2025", "đã rà soát"],
        [3, "THCS", "", day("2025-10-30"), ""],
        [4, "Trường THCS Hồng Bàng", "1.5", day("2025-10-30"), ""],
      ],
    });
    const r = await run(xlsx, true, "tong-hop.xlsx");
    expect(r.problems.map((p) => [p.sheet, p.line, p.reason.kind])).toEqual([
      ["Tổng hợp", 6, "empty"],
      ["Tổng hợp", 7, "bad_number"],
    ]);
    expect(r.ignoredColumns).toEqual(["STT", "Ghi chú"]);
    expect(unit("TDP-A")).toMatchObject({ official: 65, officialAsOf: "2025-10-30", completed: 65 });
    expect(unit("TDP-B")).toMatchObject({ official: 35, completed: 35 });
  });

  it("a later import replaces the unit's figure; an unreadable file is refused as a whole", async () => {
    await run("Đơn vị;Số người hoàn thành;Ngày\nTDP-A;40;25/10/2025\n", true);
    expect(unit("TDP-A").official).toBe(40);
    await run("unit,completed,as_of\nTDP-A,55,2025-10-29\n", true);
    expect(unit("TDP-A")).toMatchObject({ official: 55, officialAsOf: "2025-10-29" });
    await expect(run("a,b,c\n1,2,3\n", true)).rejects.toThrow(ResultFileError);
    await expect(run("unit,completed,as_of\nNope,1,2025-10-01\n", true)).rejects.toThrow(/no usable row/);
    await expect(run(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), true)).rejects.toThrow(/old Excel \.xls/);
    expect(unit("TDP-A").official).toBe(55);
  });
});

describe("results import, per person", () => {
  async function personFile(): Promise<Buffer> {
    return workbook({
      "Danh sách": [
        ["No.", "Full name", "Unit", "Date completed", "Phone"],
        [1, "NGUYỄN VĂN AN", "TDP-A", day("2025-10-20"), "0912345678"],
        [2, "Trần Thị Bình", "Tổ 1", "25/10/2025", ""],
        [3, "Lê Văn Cường", "TDP-A", day("2025-10-21"), 912000111],
        [4, "Phạm Minh Anh", "TDP-A", day("2025-10-22"), ""],
        [5, "Nguyễn Văn An", "TDP-A", day("2025-10-23"), ""],
        [6, "Hoàng Văn Em", "TDP-A", day("2025-10-24"), "0900000001"],
        [7, "Hoàng Văn Em", "TDP-A", day("2025-10-24"), "0900000002"],
        [8, "Tổ 1 xong 123", "TDP-A", day("2025-10-24"), ""],
        [9, "Vũ Thị Lan", "TDP-A", day("2025-12-24"), ""],
        [10, "Đặng Văn Hải", "Tổ 99", day("2025-10-24"), ""],
        [11, "Bùi Thị Mai", "TDP-B", day("2025-10-28"), ""],
      ],
    });
  }

  it("counts people per unit, reports bad rows, and matches chat reports by folded name", async () => {
    chatReport(t.people, "Nguyễn Văn An", "TDP-A", "2025-10-20T09:00");
    chatReport(t.people, "Le Van Cuong", "TDP-A", "2025-10-21T09:00");
    chatReport(t.people, "Phạm Minh An", "TDP-A", "2025-10-22T09:00");
    chatReport(t.people, "Đỗ Thị Thu", "TDP-A", "2025-10-22T09:00");
    const r = await run(await personFile(), false, "danh-sach.xlsx");
    expect(r.shape).toBe("person");
    expect(r.usable).toBe(7);
    expect(reasons(r)).toEqual([
      "6: same name and unit as line 2",
      '9: "Tổ 1 xong 123" is not a full name (2–6 words of letters)',
      "10: date 24/12/2025 is in the future (today is 01/11/2025)",
      expect.stringMatching(/^11: unknown unit "Tổ 99"/),
    ]);
    const a = r.matching.find((m) => m.code === "TDP-A")!.summary;
    // The list: An, Bình, Cường, Phạm Minh Anh, Hoàng Văn Em ×2 (different phones); chat: An, Cuong, Phạm Minh An, Đỗ Thị Thu.
    expect(a).toEqual({
      confirmed: 2,
      chatOnly: 2,
      officialOnly: 4,
      near: [{ chat: "Phạm Minh An", official: "Phạm Minh Anh" }],
    });
    expect(r.changes.find((c) => c.code === "TDP-A")!.after).toMatchObject({ official: 6, officialAsOf: "2025-10-28" });
    expect(t.people.official.figures().size).toBe(0);
  });

  it("after apply, later chat reports count unless the name is already on the list; phones are not stored", async () => {
    await run(await personFile(), true, "danh-sach.xlsx");
    expect(unit("TDP-A")).toMatchObject({ official: 6, officialAsOf: "2025-10-28", completed: 6 });
    chatReport(t.people, "Trần Thị Bình", "TDP-A", "2025-10-31T09:00");
    chatReport(t.people, "Đỗ Thị Thu", "TDP-A", "2025-10-31T10:00");
    expect(unit("TDP-A")).toMatchObject({ reported: 2, completed: 7 });
    const stored = JSON.stringify(t.db.prepare("SELECT * FROM official_people").all());
    expect(stored).toContain("Nguyễn Văn An");
    expect(stored).not.toMatch(/0912345678|912000111|0900000001/);
  });
});
