import type { OfficialPerson, ResultShape } from "../people/official-results-store.js";
import { checkFullName, nameKey } from "../people/person-name.js";
import type { Resolution } from "../people/unit-resolver.js";
import type { Unit } from "../people/units-store.js";
import { closestUnits } from "../people/unit-suggest.js";
import { ResultFileError } from "../errors.js";
import { foldKey } from "../text/fold.js";
import { cellText, parseCount, parseDay, parsePhone } from "./result-cells.js";
import { EXPECTED_HEADERS, recogniseHeader, type Header } from "./result-columns.js";
import type { CellValue, SheetRow } from "./result-file.js";
import type { RowProblem, RowReason } from "./row-problems.js";

export interface PlanDeps {
  /** Resolves a unit as chat does (UnitResolver.resolve). */
  resolve(text: string): Resolution;
  /** Every unit, for "closest matches" of an unknown one. */
  units: Unit[];
  /** Today in Vietnam, YYYY-MM-DD: later dates are refused. */
  today: string;
  /** Called every PROGRESS_EVERY data rows read. */
  onProgress?(rowsRead: number): void;
}

export interface PlannedFigure {
  unitCode: string;
  completed: number;
  asOf: string;
}

/** What a file says, checked: the figures per unit it would write, and every row it cannot use. */
export interface ReadPlan {
  shape: ResultShape;
  /** Data rows read (not counting titles, headers and empty rows). */
  rowsRead: number;
  /** Rows used. */
  usable: number;
  problems: RowProblem[];
  ignoredColumns: string[];
  /** Sheets of a workbook without a recognisable header (not read). */
  skippedSheets: string[];
  figures: PlannedFigure[];
  /** Per-person shape: the people, per unit (phones are not kept). */
  people: OfficialPerson[];
}

export const PROGRESS_EVERY = 10_000;
/** A header is looked for in the first rows of each sheet (titles often stand above it). */
const HEADER_SEARCH_ROWS = 20;

type Where = { sheet: string | null; line: number };

/** Resolves each distinct unit text once: a file of 100,000 people names a few hundred units. */
function unitLookup(deps: PlanDeps): (text: string) => { code: string } | RowReason {
  const cache = new Map<string, { code: string } | RowReason>();
  const label = (u: Unit) => `${u.code} (${u.name})`;
  return (text) => {
    const key = foldKey(text);
    let hit = cache.get(key);
    if (hit) return hit;
    const r = deps.resolve(text);
    if (r.kind === "found") hit = { code: r.unit.code };
    else if (r.kind === "choices") hit = { kind: "ambiguous_unit", text, candidates: r.units.slice(0, 5).map(label) };
    else hit = { kind: "unknown_unit", text, closest: closestUnits(text, deps.units).map(label) };
    cache.set(key, hit);
    return hit;
  };
}

const isEmptyRow = (cells: CellValue[]) => cells.every((c) => cellText(c) === "");

/**
 * Reads the rows of an official-results file into a plan (pure: no writes). The header row (Vietnamese or
 * English) decides the shape; each sheet of a workbook is read when it has one. Throws ResultFileError
 * when no sheet has a header or no row can be used.
 */
export async function planImport(rows: AsyncIterable<SheetRow>, deps: PlanDeps): Promise<ReadPlan> {
  const lookup = unitLookup(deps);
  const problems: RowProblem[] = [];
  const ignored = new Set<string>();
  const skippedSheets: string[] = [];
  let shape: ResultShape | null = null;
  let rowsRead = 0;

  // Per unit: the figure kept (latest date) and where it came from.
  const figures = new Map<string, PlannedFigure & Where>();
  // Per person: unit|name → rows seen (with phone, in memory only, to tell namesakes apart).
  const people: OfficialPerson[] = [];
  const seen = new Map<string, { line: number; phone: string | null }[]>();
  let maxDay = "";

  let sheet: string | null | undefined;
  let header: Header | null = null;
  let searched = 0;
  const sheetOrder = new Map<string | null, number>();

  const problem = (w: Where, reason: RowReason) => problems.push({ sheet: w.sheet, line: w.line, reason });

  const unitRow = (h: Header, w: Where, cells: CellValue[]) => {
    const unitText = cellText(cells[h.columns.unit!] ?? null);
    const countCell = cells[h.columns.completed!] ?? null;
    const dateCell = cells[h.columns.date!] ?? null;
    if (!unitText) return problem(w, { kind: "empty", column: "unit" });
    if (cellText(countCell) === "") return problem(w, { kind: "empty", column: "completed" });
    if (cellText(dateCell) === "") return problem(w, { kind: "empty", column: "date" });
    const unit = lookup(unitText);
    if ("kind" in unit) return problem(w, unit);
    const completed = parseCount(countCell);
    if (completed === null) return problem(w, { kind: "bad_number", text: cellText(countCell) });
    const asOf = parseDay(dateCell);
    if (asOf === null) return problem(w, { kind: "bad_date", text: cellText(dateCell) });
    if (asOf > deps.today) return problem(w, { kind: "future_date", day: asOf, today: deps.today });
    const kept = figures.get(unit.code);
    if (kept) {
      if (asOf < kept.asOf) return problem(w, { kind: "older_figure", unit: unit.code, keptLine: kept.line });
      if (asOf === kept.asOf) {
        return problem(
          w,
          kept.completed === completed
            ? { kind: "duplicate_row", firstLine: kept.line }
            : { kind: "conflicting_figure", unit: unit.code, otherLine: kept.line },
        );
      }
      problem(kept, { kind: "older_figure", unit: unit.code, keptLine: w.line });
    }
    figures.set(unit.code, { unitCode: unit.code, completed, asOf, ...w });
  };

  const personRow = (h: Header, w: Where, cells: CellValue[]) => {
    const nameText = cellText(cells[h.columns.fullName!] ?? null);
    const unitText = cellText(cells[h.columns.unit!] ?? null);
    const dateCell = cells[h.columns.date!] ?? null;
    if (!nameText) return problem(w, { kind: "empty", column: "fullName" });
    if (!unitText) return problem(w, { kind: "empty", column: "unit" });
    if (cellText(dateCell) === "") return problem(w, { kind: "empty", column: "date" });
    const name = checkFullName(nameText, { fromList: true });
    if (!name.ok) return problem(w, { kind: "bad_name", text: nameText });
    const unit = lookup(unitText);
    if ("kind" in unit) return problem(w, unit);
    const day = parseDay(dateCell);
    if (day === null) return problem(w, { kind: "bad_date", text: cellText(dateCell) });
    if (day > deps.today) return problem(w, { kind: "future_date", day, today: deps.today });
    const phone = h.columns.phone === undefined ? null : parsePhone(cells[h.columns.phone] ?? null);
    const key = nameKey(name.name);
    const id = `${unit.code}|${key}`;
    const earlier = seen.get(id);
    // Same name in the same unit is one person unless both rows carry different phone numbers.
    const same = earlier?.find((e) => e.phone === null || phone === null || e.phone === phone);
    if (same) return problem(w, { kind: "duplicate_person", firstLine: same.line });
    if (earlier) earlier.push({ line: w.line, phone });
    else seen.set(id, [{ line: w.line, phone }]);
    people.push({ unitCode: unit.code, fullName: name.name, nameKey: key, completedOn: day });
    if (day > maxDay) maxDay = day;
  };

  for await (const row of rows) {
    if (row.sheet !== sheet) {
      if (sheet !== undefined && header === null && sheet !== null) skippedSheets.push(sheet);
      sheet = row.sheet;
      sheetOrder.set(sheet, sheetOrder.size);
      header = null;
      searched = 0;
    }
    if (isEmptyRow(row.cells)) continue;
    if (header === null) {
      if (searched++ >= HEADER_SEARCH_ROWS) continue;
      header = recogniseHeader(row.cells);
      if (header) {
        if (shape !== null && header.shape !== shape) {
          throw new ResultFileError(
            `sheet "${row.sheet}" is per ${header.shape}, an earlier sheet per ${shape}: import them as separate files`,
            `Trang "${row.sheet}" khác dạng với trang trước (theo đơn vị / theo người): hãy nhập thành hai tệp riêng.`,
          );
        }
        shape = header.shape;
        for (const c of header.ignored) ignored.add(c);
      }
      continue;
    }
    if (recogniseHeader(row.cells)) continue; // the header repeated (printed lists repeat it per page)
    rowsRead++;
    if (deps.onProgress && rowsRead % PROGRESS_EVERY === 0) deps.onProgress(rowsRead);
    const w = { sheet: row.sheet, line: row.line };
    if (header.shape === "unit") unitRow(header, w, row.cells);
    else personRow(header, w, row.cells);
  }
  if (sheet !== undefined && sheet !== null && header === null) skippedSheets.push(sheet);

  if (shape === null) {
    throw new ResultFileError(
      `no header row found: expected ${EXPECTED_HEADERS.en}`,
      `Không tìm thấy dòng tiêu đề. Cần có các cột ${EXPECTED_HEADERS.vi}.`,
    );
  }
  const planned =
    shape === "unit"
      ? [...figures.values()].map(({ unitCode, completed, asOf }) => ({ unitCode, completed, asOf }))
      : countPeople(people, maxDay);
  const usable = shape === "unit" ? planned.length : people.length;
  if (usable === 0) {
    throw new ResultFileError(
      `no usable row (${rowsRead} read, ${problems.length} with problems)`,
      `Không có dòng nào dùng được (đọc ${rowsRead} dòng, ${problems.length} dòng có lỗi).`,
    );
  }
  problems.sort((a, b) => sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! || a.line - b.line);
  return { shape, rowsRead, usable, problems, ignoredColumns: [...ignored], skippedSheets, figures: planned, people };
}

/** A per-person file's figures: people per unit, as of the latest date in the file. */
function countPeople(people: OfficialPerson[], asOf: string): PlannedFigure[] {
  const counts = new Map<string, number>();
  for (const p of people) counts.set(p.unitCode, (counts.get(p.unitCode) ?? 0) + 1);
  return [...counts].map(([unitCode, completed]) => ({ unitCode, completed, asOf }));
}
