import type { Db } from "../db/database.js";
import type { UnitKind } from "./progress-types.js";

/** A unit as stored: an agency, school or tổ dân phố, with its target. */
export interface Unit {
  code: string;
  name: string;
  kind: UnitKind;
  ward: string;
  base: number;
  targetRatio: number;
  /** ceil(base × targetRatio) */
  target: number;
  zaloGroupId: string | null;
  aliases: string[];
}

interface UnitRow {
  code: string;
  name: string;
  kind: UnitKind;
  ward: string;
  base: number;
  target_ratio: number;
  target: number;
  zalo_group_id: string | null;
  aliases: string;
}

function toUnit(r: UnitRow): Unit {
  return {
    code: r.code,
    name: r.name,
    kind: r.kind,
    ward: r.ward,
    base: r.base,
    targetRatio: r.target_ratio,
    target: r.target,
    zaloGroupId: r.zalo_group_id,
    aliases: JSON.parse(r.aliases) as string[],
  };
}

/** target = ceil(base × ratio), guarded against float noise (100 × 0.7 = 70.00000000000001). */
export function targetOf(base: number, ratio: number): number {
  return Math.ceil(Math.round(base * ratio * 1e6) / 1e6);
}

/** Unit codes are compared upper-case, without spaces: " ad-tdp05" → "AD-TDP05". */
export function normaliseCode(code: string): string {
  return code.normalize("NFC").replace(/\s+/g, "").toUpperCase();
}

/** What an import writes for one unit; an empty zaloGroupId keeps a link made in chat (#lienket). */
export type UnitInput = Omit<Unit, "target">;

/** Units and their OA group links. Reads go to SQLite each time: the CLI may change them under a running bot. */
export class UnitsStore {
  private readonly allStmt;
  private readonly byCodeStmt;
  private readonly byGroupStmt;
  private readonly versionStmt;
  private readonly countStmt;
  private readonly upsertStmt;
  private readonly unlinkGroupStmt;
  private readonly linkStmt;

  constructor(private readonly db: Db) {
    this.allStmt = db.prepare<[], UnitRow>("SELECT * FROM units ORDER BY ward, kind, code");
    this.byCodeStmt = db.prepare<[string], UnitRow>("SELECT * FROM units WHERE code = ?");
    this.byGroupStmt = db.prepare<[string], UnitRow>("SELECT * FROM units WHERE zalo_group_id = ?");
    this.countStmt = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM units");
    this.versionStmt = db.prepare<[], { v: number }>("SELECT v FROM people_version WHERE id = 1");
    this.upsertStmt = db.prepare(
      `INSERT INTO units (code, name, kind, ward, base, target_ratio, target, zalo_group_id, aliases, updated_at)
       VALUES (@code, @name, @kind, @ward, @base, @targetRatio, @target, @zaloGroupId, @aliases, @at)
       ON CONFLICT(code) DO UPDATE SET name = excluded.name, kind = excluded.kind, ward = excluded.ward,
         base = excluded.base, target_ratio = excluded.target_ratio, target = excluded.target,
         zalo_group_id = COALESCE(excluded.zalo_group_id, units.zalo_group_id),
         aliases = excluded.aliases, updated_at = excluded.updated_at`,
    );
    this.unlinkGroupStmt = db.prepare("UPDATE units SET zalo_group_id = NULL, updated_at = ? WHERE zalo_group_id = ? AND code != ?");
    this.linkStmt = db.prepare("UPDATE units SET zalo_group_id = ?, updated_at = ? WHERE code = ?");
  }

  all(): Unit[] {
    return this.allStmt.all().map(toUnit);
  }

  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }

  /** By code, case-insensitive (codes are stored upper-case). */
  byCode(code: string): Unit | null {
    const r = this.byCodeStmt.get(normaliseCode(code));
    return r ? toUnit(r) : null;
  }

  /** The unit an OA group is linked to, if any. */
  byGroupId(groupId: string): Unit | null {
    const r = this.byGroupStmt.get(groupId);
    return r ? toUnit(r) : null;
  }

  /** Changes whenever any process changes a unit (a trigger bumps it); cheap enough to read per message. */
  version(): number {
    return this.versionStmt.get()?.v ?? 0;
  }

  /** Upserts every unit in one transaction: all or nothing. A group id moves to the unit that now claims it. */
  upsertAll(units: UnitInput[], at: Date): { inserted: number; updated: number } {
    let inserted = 0;
    let updated = 0;
    this.db
      .transaction(() => {
        for (const u of units) {
          const existed = this.byCodeStmt.get(u.code) !== undefined;
          if (u.zaloGroupId) this.unlinkGroupStmt.run(at.getTime(), u.zaloGroupId, u.code);
          this.upsertStmt.run({
            code: u.code,
            name: u.name,
            kind: u.kind,
            ward: u.ward,
            base: u.base,
            targetRatio: u.targetRatio,
            target: targetOf(u.base, u.targetRatio),
            zaloGroupId: u.zaloGroupId,
            aliases: JSON.stringify(u.aliases),
            at: at.getTime(),
          });
          if (existed) updated++;
          else inserted++;
        }
      })
      .immediate();
    return { inserted, updated };
  }

  /**
   * Links an OA group to a unit (one group, one unit); returns the unit it was linked to before, if another.
   */
  linkGroup(code: string, groupId: string, at: Date): { previous: Unit | null } {
    return this.db
      .transaction(() => {
        const prev = this.byGroupStmt.get(groupId);
        this.unlinkGroupStmt.run(at.getTime(), groupId, code);
        this.linkStmt.run(groupId, at.getTime(), code);
        return { previous: prev && prev.code !== code ? toUnit(prev) : null };
      })
      .immediate();
  }
}
