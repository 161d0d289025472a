import type { CellValue } from "./result-file.js";

/** A cell as the officer sees it (for messages): dates as dd/mm/yyyy. */
export function cellText(v: CellValue): string {
  if (v === null) return "";
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? "" : fromUtcParts(v).split("-").reverse().join("/");
  return String(v).normalize("NFC").replace(/\s+/g, " ").trim();
}

const MAX_COUNT = 10_000_000;

/** A whole number of people: 12, "12", "1.234" or "1,234" (grouped thousands); null when it is not one. */
export function parseCount(v: CellValue): number | null {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v < MAX_COUNT ? v : null;
  if (typeof v !== "string") return null;
  const s = v.replace(/[\s\u00a0\u202f]/g, "");
  if (/^\d+$/.test(s) || /^\d{1,3}([.,])\d{3}(\1\d{3})*$/.test(s)) {
    const n = Number(s.replace(/[.,]/g, ""));
    return n < MAX_COUNT ? n : null;
  }
  return null;
}

function fromUtcParts(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function ymd(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  if (y < 2000 || y > 2100) return null;
  return fromUtcParts(date);
}

// Excel's day 0 is 1899-12-30 (its serial numbers count days from there).
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A calendar day, YYYY-MM-DD: Excel date cells (their wall-clock day), Excel serial numbers, ISO
 * "2025-11-03", or day first as written in Vietnam "03/11/2025", "3-11-25" (a time after it is ignored).
 */
export function parseDay(v: CellValue): string | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : fromUtcParts(v);
  if (typeof v === "number") {
    if (v < 20_000 || v > 80_000) return null;
    return fromUtcParts(new Date(EXCEL_EPOCH + Math.floor(v) * 86_400_000));
  }
  if (typeof v !== "string") return null;
  const s = v.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T\s].*)?$/.exec(s);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:\s.*)?$/.exec(s);
  if (m) {
    const y = m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    return ymd(y, Number(m[2]), Number(m[1]));
  }
  if (/^\d+(\.\d+)?$/.test(s)) return parseDay(Number(s));
  return null;
}

/**
 * A Vietnamese phone number reduced to its digits with a leading 0 ("+84 912 345 678" → "0912345678");
 * Excel drops the leading 0 of numbers typed as numbers, so nine digits get it back. Null when not a phone.
 */
export function parsePhone(v: CellValue): string | null {
  if (v === null || v instanceof Date) return null;
  let digits = String(v).replace(/[\s.()-]/g, "");
  if (digits.startsWith("+84")) digits = `0${digits.slice(3)}`;
  else if (digits.startsWith("84") && digits.length === 11) digits = `0${digits.slice(2)}`;
  if (/^\d{9}$/.test(digits)) digits = `0${digits}`;
  return /^0\d{9,10}$/.test(digits) ? digits : null;
}
