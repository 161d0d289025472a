import ExcelJS from "exceljs";
import type { PeopleServices } from "../../src/people/people-services.js";
import { parseUnitsCsv } from "../../src/people/units-csv.js";

/** Inside the campaign (11/10 → 11/11/2025): about two thirds of each target is expected by now. */
export const NOW = new Date("2025-11-01T10:00:00+07:00");

/** Two tổ dân phố (target 70 each) in one ward and a school (target 20) in another, each with an OA group. */
export const UNITS_CSV = [
  "code,name,kind,ward,base,target_ratio,zalo_group_id,aliases",
  "TDP-A,Tổ dân phố số 1,residential,Phường An Dương,100,,g-a,Tổ 1",
  "TDP-B,Tổ dân phố số 2,residential,Phường An Dương,100,,g-b,Tổ 2",
  "THCS,Trường THCS Hồng Bàng,agency,Phường Hồng Bàng,20,,g-c,",
].join("\n");

export function seedUnits(people: PeopleServices): void {
  const parsed = parseUnitsCsv(UNITS_CSV);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  people.units.upsertAll(parsed.units, new Date("2025-10-12T00:00:00+07:00"));
}

let userSeq = 0;
/** A chat report ("#xong") made at `at` (Vietnam time, e.g. "2025-10-28T09:00"). */
export function chatReport(people: PeopleServices, fullName: string, unitCode: string, at: string): void {
  people.completions.upsert({ zaloUserId: `u-${++userSeq}`, fullName, unitCode, source: "command" }, new Date(`${at}:00+07:00`));
}

/** An .xlsx made with exceljs: one sheet per entry, rows as given (first row may be a title). */
export async function workbook(sheets: Record<string, unknown[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name);
    for (const r of rows) ws.addRow(r);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An Excel date cell for a Vietnam calendar day (Excel dates carry no time zone: UTC midnight). */
export const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
