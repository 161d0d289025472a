import type { Cell, Workbook, Worksheet } from "exceljs";
import type { ProgressReport, UnitKind, UnitProgress, WardProgress } from "../people/progress-types.js";
import { neutraliseFormula } from "../text/spreadsheet-cell.js";

/** A name reported in chat, for the sheet tổ trưởng check against their lists. */
export interface ChatName {
  unitCode: string;
  fullName: string;
  reportedAt: Date;
  /** On the unit's official list (per-person import): true/false; null when the unit has no list. */
  listed: boolean | null;
}

export interface WorkbookInput {
  report: ProgressReport;
  chatNames: ChatName[];
  /** The rule behind "completed", printed under each title. */
  rule: string;
}

export const WHOLE_SHEET = "Toàn bộ";
export const NAMES_SHEET = "Danh sách báo qua chat";

const KIND: Record<UnitKind, string> = { agency: "Cơ quan, trường học", residential: "Tổ dân phố, thôn" };
const HEADER_ROW = 3;
const BEHIND_FILL = "FFFDE2DF";
const HEADER_FILL = "FF0B4F8A";
const TZ = "Asia/Ho_Chi_Minh";

const vnDateTime = (iso: string) =>
  new Intl.DateTimeFormat("vi-VN", { timeZone: TZ, dateStyle: "short", timeStyle: "short" }).format(new Date(iso));
const vnDate = (d: Date) => new Intl.DateTimeFormat("vi-VN", { timeZone: TZ, dateStyle: "short" }).format(d);
const dmy = (day: string | null) => (day ? day.split("-").reverse().join("/") : "");

interface Column {
  header: string;
  width: number;
  kind?: "int" | "percent";
}

type Row = (string | number | null)[];

/** Text cells are neutralised (a name starting with "=" stays text in every spreadsheet, as in the CSV exports). */
const safe = (v: string | number | null) => (typeof v === "string" ? neutraliseFormula(v) : v);

/** Title, rule, a bold coloured header (frozen, filtered, repeated on each printed page), rows, column formats. */
function fillSheet(
  ws: Worksheet,
  title: string,
  rule: string,
  columns: Column[],
  rows: { values: Row; behind?: boolean; total?: boolean }[],
) {
  ws.getCell(1, 1).value = title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = rule;
  ws.getCell(2, 1).font = { italic: true, size: 10, color: { argb: "FF4B5565" } };
  const header = ws.getRow(HEADER_ROW);
  header.values = columns.map((c) => c.header);
  header.font = { bold: true, color: { argb: "FFFFFFFF" } };
  header.alignment = { vertical: "middle", wrapText: true };
  header.height = 32;
  header.eachCell((cell: Cell) => {
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: HEADER_FILL } };
  });
  columns.forEach((c, i) => {
    const col = ws.getColumn(i + 1);
    col.width = c.width;
    if (c.kind === "percent") col.numFmt = "0.0%";
    if (c.kind === "int") col.numFmt = "#,##0";
  });
  for (const r of rows) {
    const row = ws.addRow(r.values.map(safe));
    if (r.behind) {
      row.eachCell({ includeEmpty: true }, (cell: Cell) => {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: BEHIND_FILL } };
        cell.font = { color: { argb: "FF8A1C12" } };
      });
    }
    if (r.total) row.font = { bold: true };
  }
  ws.views = [{ state: "frozen", ySplit: HEADER_ROW }];
  ws.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: columns.length } };
  ws.pageSetup = {
    orientation: "landscape",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
  };
}

const PACE_COLUMNS: Column[] = [
  { header: "Chỉ tiêu", width: 10, kind: "int" },
  { header: "Báo qua chat", width: 11, kind: "int" },
  { header: "Chính thức", width: 11, kind: "int" },
  { header: "Ngày số liệu chính thức", width: 13 },
  { header: "Hoàn thành", width: 11, kind: "int" },
  { header: "Tỉ lệ", width: 9, kind: "percent" },
  { header: "Cần đạt đến nay", width: 11, kind: "int" },
  { header: "Tiến độ", width: 10 },
];

const paceValues = (p: UnitProgress | WardProgress, officialAsOf: string | null): Row => [
  p.target,
  p.reported,
  p.official,
  dmy(officialAsOf),
  p.completed,
  p.ratio,
  Math.ceil(p.expectedByNow),
  p.behind ? "Chậm" : "Đạt",
];

/** Excel sheet names: at most 31 characters, none of : \ / ? * [ ], unique. */
function sheetName(name: string, used: Set<string>): string {
  const base =
    name
      .replace(/[:\\/?*[\]]/g, " ")
      .trim()
      .slice(0, 31) || "Sheet";
  let out = base;
  for (let i = 2; used.has(out.toLowerCase()); i++) out = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  used.add(out.toLowerCase());
  return out;
}

function totalRow(label: string, wards: WardProgress[], lead: number): { values: Row; total: true; behind: boolean } {
  const sum = (f: (w: WardProgress) => number) => wards.reduce((s, w) => s + f(w), 0);
  const target = sum((w) => w.target);
  const completed = sum((w) => w.completed);
  const expected = sum((w) => w.expectedByNow);
  const official = wards.some((w) => w.official !== null) ? sum((w) => w.official ?? 0) : null;
  return {
    values: [
      label,
      ...Array<null>(lead).fill(null),
      target,
      sum((w) => w.reported),
      official,
      "",
      completed,
      target > 0 ? completed / target : 0,
      Math.ceil(expected),
      completed < expected ? "Chậm" : "Đạt",
    ],
    total: true,
    behind: completed < expected,
  };
}

/**
 * The progress workbook officers hand to the ward: a sheet for the whole (one row per ward), one per ward
 * (one row per unit), and the names reported in chat per unit. Formatted to print or send as it is.
 */
export async function progressWorkbook(input: WorkbookInput): Promise<Buffer> {
  // Loaded on first use: exceljs takes ~0.5 s of CPU to load.
  const { default: ExcelJS } = await import("exceljs");
  const wb: Workbook = new ExcelJS.Workbook();
  wb.created = new Date(input.report.asOf);
  const used = new Set<string>();
  const { report } = input;
  const asOf = vnDateTime(report.asOf);

  fillSheet(
    wb.addWorksheet(sheetName(WHOLE_SHEET, used)),
    `Tiến độ cuộc thi theo phường, xã — số liệu lúc ${asOf}`,
    input.rule,
    [{ header: "Phường/xã", width: 24 }, { header: "Số đơn vị", width: 9, kind: "int" }, ...PACE_COLUMNS],
    [
      ...report.wards.map((w) => ({ values: [w.ward, w.units, ...paceValues(w, null)], behind: w.behind })),
      totalRow("Tổng cộng", report.wards, 1),
    ],
  );

  for (const ward of report.wards) {
    const units = report.units.filter((u) => u.ward === ward.ward);
    fillSheet(
      wb.addWorksheet(sheetName(ward.ward, used)),
      `Tiến độ các đơn vị — ${ward.ward} — số liệu lúc ${asOf}`,
      input.rule,
      [{ header: "Mã", width: 12 }, { header: "Đơn vị", width: 36 }, { header: "Loại", width: 18 }, ...PACE_COLUMNS],
      [
        ...units.map((u) => ({ values: [u.code, u.name, KIND[u.kind] ?? u.kind, ...paceValues(u, u.officialAsOf)], behind: u.behind })),
        totalRow("Cả phường/xã", [ward], 2),
      ],
    );
  }

  const unitOf = new Map(report.units.map((u) => [u.code, u]));
  const seq = new Map<string, number>();
  fillSheet(
    wb.addWorksheet(sheetName(NAMES_SHEET, used)),
    `Người đã báo hoàn thành qua Zalo, theo đơn vị — đến ${asOf}`,
    "Để tổ trưởng, đơn vị đối chiếu với danh sách của mình. Cột cuối: có tên trong danh sách chính thức đã nhập hay không.",
    [
      { header: "Phường/xã", width: 20 },
      { header: "Mã đơn vị", width: 12 },
      { header: "Đơn vị", width: 32 },
      { header: "STT", width: 6, kind: "int" },
      { header: "Họ và tên", width: 28 },
      { header: "Ngày báo", width: 12 },
      { header: "Có trong danh sách chính thức", width: 16 },
    ],
    input.chatNames.map((c) => {
      const u = unitOf.get(c.unitCode);
      const n = (seq.get(c.unitCode) ?? 0) + 1;
      seq.set(c.unitCode, n);
      const listed = c.listed === null ? "" : c.listed ? "Có" : "Không";
      return { values: [u?.ward ?? "", c.unitCode, u?.name ?? "", n, c.fullName, vnDate(c.reportedAt), listed] };
    }),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}
