import type { ResultShape } from "../people/official-results-store.js";
import { foldKey } from "../text/fold.js";
import { cellText } from "./result-cells.js";
import type { CellValue } from "./result-file.js";

export type Role = "unit" | "completed" | "date" | "fullName" | "phone";

/** Header words per role, folded (no marks, lower case); Vietnamese and English. */
const HEADERS: Record<Role, string[]> = {
  unit: [
    "unit",
    "unit code",
    "unit name",
    "code",
    "don vi",
    "ma don vi",
    "ten don vi",
    "ma",
    "to dan pho",
    "to",
    "thon",
    "to dan pho thon",
    "co quan",
    "co quan don vi",
    "don vi to dan pho",
    "to thon",
    "khu dan cu",
  ],
  completed: [
    "completed",
    "number completed",
    "done",
    "count",
    "total",
    "so nguoi hoan thanh",
    "so hoan thanh",
    "hoan thanh",
    "da hoan thanh",
    "so luong",
    "so nguoi",
    "so luong hoan thanh",
    "so nguoi da hoan thanh",
    "tong so",
    "ket qua",
  ],
  date: [
    "as of",
    "date",
    "ngay",
    "ngay cap nhat",
    "tinh den ngay",
    "den ngay",
    "ngay so lieu",
    "ngay bao cao",
    "cap nhat",
    "updated",
    "date completed",
    "completed on",
    "completed at",
    "completion date",
    "ngay hoan thanh",
    "ngay thi",
    "ngay du thi",
    "thoi gian hoan thanh",
    "thoi gian",
    "ngay nop bai",
    "thoi gian nop bai",
  ],
  fullName: ["full name", "name", "ho ten", "ho va ten", "ten", "ho ten nguoi du thi", "nguoi du thi", "ten nguoi du thi"],
  phone: ["phone", "phone number", "mobile", "so dien thoai", "sdt", "dien thoai", "dt", "so dt"],
};

const ROLE_OF = new Map<string, Role>();
for (const [role, words] of Object.entries(HEADERS) as [Role, string[]][]) for (const w of words) ROLE_OF.set(w, role);

/** "Số người hoàn thành (người)" → "so nguoi hoan thanh"; "as_of" → "as of". */
function headerKey(cell: CellValue): string {
  return foldKey(
    cellText(cell)
      .replace(/\([^)]*\)/g, " ")
      .replace(/[^\p{L}\p{N}]+/gu, " "),
  );
}

export interface Header {
  shape: ResultShape;
  /** Column index of each role the sheet has. */
  columns: Partial<Record<Role, number>>;
  /** Header cells not used (extra columns officers keep: STT, notes…). */
  ignored: string[];
}

/**
 * Recognises a header row: per person when it has a full name, a unit and a date; per unit when it has a
 * unit, a number completed and a date. Null when the row is neither (a title above the header, data).
 */
export function recogniseHeader(cells: CellValue[]): Header | null {
  const columns: Partial<Record<Role, number>> = {};
  const ignored: string[] = [];
  cells.forEach((cell, i) => {
    const role = ROLE_OF.get(headerKey(cell));
    if (role && columns[role] === undefined) columns[role] = i;
    else if (cellText(cell) !== "") ignored.push(cellText(cell));
  });
  if (columns.unit === undefined || columns.date === undefined) return null;
  if (columns.fullName !== undefined) {
    if (columns.completed !== undefined) ignored.push(cellText(cells[columns.completed] ?? null));
    delete columns.completed;
    return { shape: "person", columns, ignored };
  }
  if (columns.completed === undefined) return null;
  if (columns.phone !== undefined) ignored.push(cellText(cells[columns.phone] ?? null));
  delete columns.phone;
  return { shape: "unit", columns, ignored };
}

/** The headers each shape needs, for the message when none is found. */
export const EXPECTED_HEADERS = {
  en: "per unit: unit, completed, as_of (date); per person: full name, unit, date completed (phone optional)",
  vi: "theo đơn vị: Đơn vị, Số người hoàn thành, Ngày; theo người: Họ và tên, Đơn vị, Ngày hoàn thành (Số điện thoại nếu có)",
};
