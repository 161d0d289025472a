import type { Db } from "../db/database.js";
import { NAME_PLACEHOLDER } from "../shared/personal-data.js";

export type ResultShape = "unit" | "person";

/** A unit's latest official figure. */
export interface OfficialFigure {
  unitCode: string;
  completed: number;
  /** Day of the figures, YYYY-MM-DD (Vietnam). */
  asOf: string;
  shape: ResultShape;
  importId: number;
}

/** One person on an official list (a per-person import). */
export interface OfficialPerson {
  unitCode: string;
  fullName: string;
  nameKey: string;
  completedOn: string;
}

/** What an import writes: the figures of the units it covers and, per-person shape, their lists. */
export interface OfficialImport {
  shape: ResultShape;
  fileName: string;
  rows: number;
  figures: { unitCode: string; completed: number; asOf: string }[];
  people: OfficialPerson[];
}

const DAY_MS = 86_400_000;

/** Chat reports first made from this instant on count on top of figures as of `asOf` (the next Vietnam day). */
function chatCountsFrom(asOf: string): number {
  return Date.parse(`${asOf}T00:00:00+07:00`) + DAY_MS;
}

interface FigureRow {
  unit_code: string;
  completed: number;
  as_of: string;
  shape: ResultShape;
  import_id: number;
}

/** Official results imported by officers: the latest figure per unit, and per-person lists. */
export class OfficialResultsStore {
  private readonly figuresStmt;
  private readonly peopleOfStmt;
  private readonly allKeysStmt;
  private readonly hasNameStmt;
  private readonly insertImportStmt;
  private readonly upsertFigureStmt;
  private readonly deletePeopleStmt;
  private readonly insertPersonStmt;
  private readonly deleteFigureStmt;
  private readonly forgetStmt;

  constructor(private readonly db: Db) {
    this.figuresStmt = db.prepare<[], FigureRow>("SELECT * FROM official_results ORDER BY unit_code");
    this.peopleOfStmt = db.prepare<[string], { full_name: string; name_key: string; completed_on: string }>(
      "SELECT full_name, name_key, completed_on FROM official_people WHERE unit_code = ? ORDER BY name_key, id",
    );
    this.allKeysStmt = db.prepare<[], { unit_code: string; name_key: string }>("SELECT unit_code, name_key FROM official_people");
    this.hasNameStmt = db.prepare<[string, string], { one: number }>(
      "SELECT 1 AS one FROM official_people WHERE unit_code = ? AND name_key = ? LIMIT 1",
    );
    this.insertImportStmt = db.prepare<[string, string, number, number]>(
      "INSERT INTO result_imports (shape, file_name, rows, imported_at) VALUES (?, ?, ?, ?)",
    );
    this.upsertFigureStmt = db.prepare<[string, number, string, number, string, number]>(
      `INSERT INTO official_results (unit_code, completed, as_of, chat_after, shape, import_id) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(unit_code) DO UPDATE SET completed = excluded.completed, as_of = excluded.as_of,
         chat_after = excluded.chat_after, shape = excluded.shape, import_id = excluded.import_id`,
    );
    this.deletePeopleStmt = db.prepare<[string]>("DELETE FROM official_people WHERE unit_code = ?");
    this.insertPersonStmt = db.prepare<[string, string, string, string, number]>(
      "INSERT INTO official_people (unit_code, full_name, name_key, completed_on, import_id) VALUES (?, ?, ?, ?, ?)",
    );
    this.deleteFigureStmt = db.prepare<[string]>("DELETE FROM official_results WHERE unit_code = ?");
    this.forgetStmt = db.prepare<[string, string, string]>(
      "UPDATE official_people SET full_name = ?, name_key = '' WHERE unit_code = ? AND name_key = ?",
    );
  }

  /**
   * A person who asked to be forgotten: their name on their unit's official list becomes a placeholder (the
   * row, and so the official count, stays: it is the ward's record). Returns how many rows were masked.
   */
  forgetName(unitCode: string, key: string): number {
    return this.forgetStmt.run(NAME_PLACEHOLDER, unitCode, key).changes;
  }

  /** The latest figure per unit code. */
  figures(): Map<string, OfficialFigure> {
    return new Map(
      this.figuresStmt
        .all()
        .map((r) => [r.unit_code, { unitCode: r.unit_code, completed: r.completed, asOf: r.as_of, shape: r.shape, importId: r.import_id }]),
    );
  }

  peopleOf(unitCode: string): OfficialPerson[] {
    return this.peopleOfStmt
      .all(unitCode)
      .map((r) => ({ unitCode, fullName: r.full_name, nameKey: r.name_key, completedOn: r.completed_on }));
  }

  /** Every listed name key per unit (for matching with chat reports). */
  nameKeysByUnit(): Map<string, string[]> {
    const out = new Map<string, string[]>();
    for (const r of this.allKeysStmt.iterate()) {
      const list = out.get(r.unit_code);
      if (list) list.push(r.name_key);
      else out.set(r.unit_code, [r.name_key]);
    }
    return out;
  }

  /** Whether the unit's official list has this name key. */
  listed(unitCode: string, key: string): boolean {
    return this.hasNameStmt.get(unitCode, key) !== undefined;
  }

  /**
   * Writes an import in one transaction: each covered unit's figure is replaced, and its per-person list
   * (from an earlier import) is replaced by this one's (empty for a per-unit import). Returns the import's id.
   */
  apply(imp: OfficialImport, at: Date): number {
    return this.db
      .transaction(() => {
        const importId = Number(this.insertImportStmt.run(imp.shape, imp.fileName, imp.rows, at.getTime()).lastInsertRowid);
        for (const f of imp.figures) {
          this.deletePeopleStmt.run(f.unitCode);
          this.upsertFigureStmt.run(f.unitCode, f.completed, f.asOf, chatCountsFrom(f.asOf), imp.shape, importId);
        }
        for (const p of imp.people) this.insertPersonStmt.run(p.unitCode, p.fullName, p.nameKey, p.completedOn, importId);
        return importId;
      })
      .immediate();
  }

  /** Removes the official figures and lists of these units (all units when none given); returns how many. */
  clear(unitCodes: string[] | null): number {
    return this.db
      .transaction(() => {
        const codes = unitCodes ?? [...this.figures().keys()];
        let n = 0;
        for (const c of codes) {
          this.deletePeopleStmt.run(c);
          n += this.deleteFigureStmt.run(c).changes;
        }
        return n;
      })
      .immediate();
  }
}
