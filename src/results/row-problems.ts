/** Why a row of an official-results file was not used; described in English (CLI) or Vietnamese (dashboard). */
export type RowReason =
  | { kind: "unknown_unit"; text: string; closest: string[] }
  | { kind: "ambiguous_unit"; text: string; candidates: string[] }
  | { kind: "empty"; column: "unit" | "completed" | "date" | "fullName" }
  | { kind: "bad_number"; text: string }
  | { kind: "bad_date"; text: string }
  | { kind: "future_date"; day: string; today: string }
  | { kind: "bad_name"; text: string }
  | { kind: "duplicate_person"; firstLine: number }
  | { kind: "duplicate_row"; firstLine: number }
  | { kind: "older_figure"; unit: string; keptLine: number }
  | { kind: "conflicting_figure"; unit: string; otherLine: number };

export interface RowProblem {
  sheet: string | null;
  /** 1-based line (CSV) or row number (sheet). */
  line: number;
  reason: RowReason;
}

export type Lang = "en" | "vi";

const COLUMN_NAMES: Record<Lang, Record<"unit" | "completed" | "date" | "fullName", string>> = {
  en: { unit: "unit", completed: "number completed", date: "date", fullName: "full name" },
  vi: { unit: "đơn vị", completed: "số người hoàn thành", date: "ngày", fullName: "họ và tên" },
};

const dmy = (day: string) => day.split("-").reverse().join("/");

export function describeReason(r: RowReason, lang: Lang): string {
  const vi = lang === "vi";
  switch (r.kind) {
    case "unknown_unit": {
      const near = r.closest.length ? r.closest.join("; ") : "";
      if (vi) return `không có đơn vị "${r.text}"${near ? ` (gần giống: ${near})` : ""}`;
      return `unknown unit "${r.text}"${near ? ` (closest: ${near})` : ""}`;
    }
    case "ambiguous_unit":
      return vi
        ? `"${r.text}" khớp nhiều đơn vị: ${r.candidates.join("; ")}; hãy ghi mã đơn vị`
        : `"${r.text}" fits several units: ${r.candidates.join("; ")}; write the unit code`;
    case "empty":
      return vi ? `thiếu ${COLUMN_NAMES.vi[r.column]}` : `${COLUMN_NAMES.en[r.column]} is empty`;
    case "bad_number":
      return vi ? `"${r.text}" không phải số người (số nguyên từ 0)` : `"${r.text}" is not a number of people (a whole number, 0 or more)`;
    case "bad_date":
      return vi ? `"${r.text}" không phải ngày (dd/mm/yyyy)` : `"${r.text}" is not a date (dd/mm/yyyy or yyyy-mm-dd)`;
    case "future_date":
      return vi
        ? `ngày ${dmy(r.day)} chưa đến (hôm nay ${dmy(r.today)})`
        : `date ${dmy(r.day)} is in the future (today is ${dmy(r.today)})`;
    case "bad_name":
      return vi
        ? `"${r.text}" không phải họ và tên (2–6 chữ, không có số hay ký hiệu)`
        : `"${r.text}" is not a full name (2–6 words of letters)`;
    case "duplicate_person":
      return vi ? `trùng tên và đơn vị với dòng ${r.firstLine}` : `same name and unit as line ${r.firstLine}`;
    case "duplicate_row":
      return vi ? `trùng với dòng ${r.firstLine}` : `same as line ${r.firstLine}`;
    case "older_figure":
      return vi
        ? `${r.unit}: số liệu cũ hơn dòng ${r.keptLine} (dùng dòng đó)`
        : `${r.unit}: older than line ${r.keptLine} (that one is used)`;
    case "conflicting_figure":
      return vi
        ? `${r.unit}: cùng ngày với dòng ${r.otherLine} nhưng khác số; hãy giữ một dòng`
        : `${r.unit}: same date as line ${r.otherLine} with another number; keep one`;
  }
}

/** "Sheet1:12" or "12". */
export function whereOf(p: { sheet: string | null; line: number }): string {
  return p.sheet === null ? String(p.line) : `${p.sheet}:${p.line}`;
}
