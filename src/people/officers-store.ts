import type { Db } from "../db/database.js";

/** An officer's rights: over every unit, or over the listed unit codes. */
export interface OfficerRights {
  zaloUserId: string;
  all: boolean;
  units: string[];
  name: string | null;
}

export type Grant = { all: true } | { all?: false; units: string[] };

/** A grant named a unit code that is not imported. */
export class UnknownUnitError extends Error {
  override readonly name = "UnknownUnitError";
  constructor(readonly codes: string[]) {
    super(`unknown unit code${codes.length > 1 ? "s" : ""}: ${codes.join(", ")}`);
  }
}

/**
 * Who may use officer commands, over which units. No cache: each check is one indexed read, so a grant
 * made with the CLI counts at the next message.
 */
export class OfficersStore {
  private readonly getStmt;
  private readonly unitsStmt;
  private readonly canStmt;
  private readonly upsertStmt;
  private readonly addUnitStmt;
  private readonly clearUnitsStmt;
  private readonly removeStmt;
  private readonly listStmt;
  private readonly unitExistsStmt;
  private readonly unitOfficersStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare<[string], { zalo_user_id: string; all_units: number; name: string | null }>(
      "SELECT zalo_user_id, all_units, name FROM officers WHERE zalo_user_id = ?",
    );
    this.unitsStmt = db.prepare<[string], { unit_code: string }>(
      "SELECT unit_code FROM officer_units WHERE zalo_user_id = ? ORDER BY unit_code",
    );
    this.canStmt = db.prepare<[string, string, string], { ok: number }>(
      `SELECT 1 AS ok FROM officers o WHERE o.zalo_user_id = ? AND (o.all_units = 1 OR EXISTS
         (SELECT 1 FROM officer_units ou WHERE ou.zalo_user_id = ? AND ou.unit_code = ?))`,
    );
    this.upsertStmt = db.prepare(
      `INSERT INTO officers (zalo_user_id, all_units, name, created_at, updated_at) VALUES (@id, @all, @name, @at, @at)
       ON CONFLICT(zalo_user_id) DO UPDATE SET all_units = MAX(officers.all_units, excluded.all_units),
         name = COALESCE(excluded.name, officers.name), updated_at = excluded.updated_at`,
    );
    this.addUnitStmt = db.prepare("INSERT OR IGNORE INTO officer_units (zalo_user_id, unit_code) VALUES (?, ?)");
    this.clearUnitsStmt = db.prepare("DELETE FROM officer_units WHERE zalo_user_id = ?");
    this.removeStmt = db.prepare("DELETE FROM officers WHERE zalo_user_id = ?");
    this.listStmt = db.prepare<[], { zalo_user_id: string }>("SELECT zalo_user_id FROM officers ORDER BY zalo_user_id");
    this.unitExistsStmt = db.prepare<[string], { code: string }>("SELECT code FROM units WHERE code = ?");
    this.unitOfficersStmt = db.prepare<[string], { zalo_user_id: string; name: string | null; last_message_at: number | null }>(
      `SELECT o.zalo_user_id, o.name, o.last_message_at FROM officer_units ou JOIN officers o ON o.zalo_user_id = ou.zalo_user_id
       WHERE ou.unit_code = ? ORDER BY o.zalo_user_id`,
    );
  }

  /**
   * The officers granted this unit by code (`officers add … --units`; all-units officers are the ward's, not the
   * unit's) and when each last wrote to the OA 1:1 (kept by a trigger on the inbox; null = never seen).
   */
  unitOfficers(unitCode: string): { id: string; name: string | null; lastMessageAt: number | null }[] {
    return this.unitOfficersStmt.all(unitCode).map((r) => ({ id: r.zalo_user_id, name: r.name, lastMessageAt: r.last_message_at }));
  }

  isOfficer(userId: string): boolean {
    return this.getStmt.get(userId) !== undefined;
  }

  /** May this user act for this unit (report, link a group, send reminders)? */
  canManage(userId: string, unitCode: string): boolean {
    return this.canStmt.get(userId, userId, unitCode) !== undefined;
  }

  rightsOf(userId: string): OfficerRights | null {
    const o = this.getStmt.get(userId);
    if (!o) return null;
    return {
      zaloUserId: o.zalo_user_id,
      all: o.all_units === 1,
      units: this.unitsStmt.all(userId).map((r) => r.unit_code),
      name: o.name,
    };
  }

  /** Grants rights, adding to what the officer already has. Throws UnknownUnitError, writing nothing. */
  grant(userId: string, grant: Grant, at: Date, name?: string): OfficerRights {
    const units = grant.all ? [] : grant.units;
    const unknown = units.filter((c) => !this.unitExistsStmt.get(c));
    if (unknown.length) throw new UnknownUnitError(unknown);
    this.db
      .transaction(() => {
        this.upsertStmt.run({ id: userId, all: grant.all ? 1 : 0, name: name ?? null, at: at.getTime() });
        for (const c of units) this.addUnitStmt.run(userId, c);
      })
      .immediate();
    return this.rightsOf(userId)!;
  }

  /** Removes every right; returns false when the user was not an officer. */
  remove(userId: string): boolean {
    return this.db.transaction(() => {
      this.clearUnitsStmt.run(userId);
      return this.removeStmt.run(userId).changes > 0;
    })();
  }

  list(): OfficerRights[] {
    return this.listStmt.all().map((r) => this.rightsOf(r.zalo_user_id)!);
  }
}
