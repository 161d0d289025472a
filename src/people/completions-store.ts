import type { Db } from "../db/database.js";
import { VN_OFFSET_MS } from "../shared/vietnam-time.js";

/** How a completion was reported. */
export type CompletionSource = "command" | "dialog";

export interface Completion {
  zaloUserId: string;
  fullName: string;
  unitCode: string;
  source: CompletionSource;
  firstAt: Date;
  updatedAt: Date;
}

/** One day's first reports (day in Asia/Ho_Chi_Minh, YYYY-MM-DD). */
export interface DailyCount {
  day: string;
  count: number;
}

interface Row {
  zalo_user_id: string;
  full_name: string;
  unit_code: string;
  source: CompletionSource;
  first_at: number;
  updated_at: number;
}

/** Completion reports: one row per Zalo user, a second report updates it. */
export class CompletionsStore {
  private readonly getStmt;
  private readonly upsertStmt;
  private readonly deleteStmt;
  private readonly perDayStmt;
  private readonly countStmt;
  private readonly byUnitStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], Row>("SELECT * FROM completions WHERE zalo_user_id = ?");
    this.upsertStmt = db.prepare<[string, string, string, string, number, number]>(
      `INSERT INTO completions (zalo_user_id, full_name, unit_code, source, first_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(zalo_user_id) DO UPDATE SET full_name = excluded.full_name, unit_code = excluded.unit_code,
         source = excluded.source, updated_at = excluded.updated_at`,
    );
    this.deleteStmt = db.prepare("DELETE FROM completions WHERE zalo_user_id = ?");
    this.perDayStmt = db.prepare<[number], { day: string; count: number }>(
      `SELECT date(first_at / 1000 + ?, 'unixepoch') AS day, COUNT(*) AS count
       FROM completions GROUP BY day ORDER BY day`,
    );
    this.countStmt = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM completions");
    this.byUnitStmt = db.prepare<[string], Row>(
      "SELECT * FROM completions WHERE unit_code = ? ORDER BY full_name COLLATE NOCASE, zalo_user_id",
    );
  }

  get(userId: string): Completion | null {
    const r = this.getStmt.get(userId);
    return r ? toCompletion(r) : null;
  }

  /** Records or updates the user's report; `created` is false when it replaced an earlier one. */
  upsert(
    c: { zaloUserId: string; fullName: string; unitCode: string; source: CompletionSource },
    at: Date,
  ): {
    created: boolean;
    previous: Completion | null;
  } {
    // better-sqlite3 is synchronous: nothing runs between the read and the write in this process.
    const previous = this.get(c.zaloUserId);
    this.upsertStmt.run(c.zaloUserId, c.fullName, c.unitCode, c.source, at.getTime(), at.getTime());
    return { created: previous === null, previous };
  }

  /** Deletes the user's report; false when there was none. */
  delete(userId: string): boolean {
    return this.deleteStmt.run(userId).changes > 0;
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }

  /** First reports per day, for the dashboard's chart. */
  perDay(): DailyCount[] {
    return this.perDayStmt.all(VN_OFFSET_MS / 1000);
  }

  /** The people who reported for one unit, by name (official-results matching, the Excel report). */
  byUnit(unitCode: string): Completion[] {
    return this.byUnitStmt.all(unitCode).map(toCompletion);
  }
}

function toCompletion(r: Row): Completion {
  return {
    zaloUserId: r.zalo_user_id,
    fullName: r.full_name,
    unitCode: r.unit_code,
    source: r.source,
    firstAt: new Date(r.first_at),
    updatedAt: new Date(r.updated_at),
  };
}
