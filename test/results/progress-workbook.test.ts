import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importResults } from "../../src/results/results-import.js";
import { runCli } from "../helpers/run-cli.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { chatReport, day, NOW, seedUnits, workbook } from "./results-harness.js";

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ BOT_NOW: NOW.toISOString(), ADMIN_TOKEN: "results-admin-token-1234" });
  const people = bot.rt.services.people;
  seedUnits(people);
  chatReport(people, "Nguyễn Văn An", "TDP-A", "2025-10-20T09:00");
  chatReport(people, '=HYPERLINK("http://x")', "TDP-B", "2025-10-21T09:00");
  chatReport(people, "Lê Thị Hoa", "TDP-B", "2025-10-22T09:00");
  const list = await workbook({
    Sheet1: [
      ["Họ và tên", "Đơn vị", "Ngày hoàn thành"],
      ...Array.from({ length: 50 }, (_, i) => [
        `Nguyễn Văn ${"ABCDEGHIKLMNOPQRSTUVXY"[i % 22]}${"abcdeg"[Math.floor(i / 22)]}`,
        "TDP-A",
        day("2025-10-30"),
      ]),
      ["Nguyễn Văn An", "TDP-A", day("2025-10-30")],
    ],
  });
  await importResults(list, { fileName: "ds.xlsx", apply: true, now: NOW }, { db: bot.rt.db, people });
});
afterAll(async () => {
  await bot.close();
});

async function read(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Data rows of a sheet (below the title, the rule and the header), as plain values. */
function rows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row, n) => {
    if (n > 3) out.push((row.values as unknown[]).slice(1));
  });
  return out;
}

describe("report --xlsx", () => {
  it("writes a workbook with the whole, one sheet per ward and the chat names, formatted", async () => {
    const file = join(bot.dir, "tien-do.xlsx");
    const r = await runCli({ DATABASE_PATH: bot.config.DATABASE_PATH, BOT_NOW: NOW.toISOString() }, "report", "--xlsx", file);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(file);
    const wb = await read(readFileSync(file));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Toàn bộ", "Phường An Dương", "Phường Hồng Bàng", "Danh sách báo qua chat"]);

    const whole = wb.getWorksheet("Toàn bộ")!;
    expect(whole.getRow(3).values).toEqual([
      undefined,
      "Phường/xã",
      "Số đơn vị",
      "Chỉ tiêu",
      "Báo qua chat",
      "Chính thức",
      "Ngày số liệu chính thức",
      "Hoàn thành",
      "Tỉ lệ",
      "Cần đạt đến nay",
      "Tiến độ",
    ]);
    // TDP-A: 51 on the official list (as of 30/10), TDP-B: 2 chat reports; THCS nothing. Two thirds of the time gone.
    const wholeRows = rows(whole);
    expect(wholeRows[0]!.slice(0, 8)).toEqual(["Phường An Dương", 2, 140, 3, 51, "", 53, 53 / 140]);
    expect(wholeRows[2]!.slice(0, 3)).toEqual(["Tổng cộng", undefined, 160]);

    const ward = wb.getWorksheet("Phường An Dương")!;
    const [a, b] = rows(ward);
    expect(a!.slice(0, 11)).toEqual(["TDP-A", "Tổ dân phố số 1", "Tổ dân phố, thôn", 70, 1, 51, "30/10/2025", 51, 51 / 70, 47, "Đạt"]);
    expect(b!.slice(0, 11)).toEqual(["TDP-B", "Tổ dân phố số 2", "Tổ dân phố, thôn", 70, 2, undefined, "", 2, 2 / 70, 47, "Chậm"]);
    expect(ward.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    expect(ward.getColumn(9).numFmt).toBe("0.0%");
    expect(ward.getColumn(2).width).toBeGreaterThan(20);
    expect(ward.getRow(3).font?.bold).toBe(true);
    const fill = (row: number) => (ward.getCell(row, 1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
    expect(fill(5)).toBe("FFFDE2DF");
    expect(fill(4)).toBeUndefined();

    const names = rows(wb.getWorksheet("Danh sách báo qua chat")!);
    expect(names.map((n) => [n[1], n[3], n[4], n[6]])).toEqual([
      ["TDP-A", 1, "Nguyễn Văn An", "Có"],
      ["TDP-B", 1, '\'=HYPERLINK("http://x")', ""],
      ["TDP-B", 2, "Lê Thị Hoa", ""],
    ]);
  }, 60_000);

  it("the dashboard downloads the same workbook", async () => {
    const res = await fetch(`${bot.url}/admin/export/progress.xlsx`, { headers: { authorization: "Bearer results-admin-token-1234" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="tien-do-2025-11-01\.xlsx"/);
    const wb = await read(Buffer.from(await res.arrayBuffer()));
    expect(wb.worksheets).toHaveLength(4);
  });
});
