import type { Db } from "../db/database.js";
import type { CampaignWindow } from "../shared/campaign-window.js";
import type { ProgressReport, UnitKind, UnitProgress, WardProgress } from "./progress-types.js";

/** Share of the campaign elapsed at `now`: 0 before the start, 1 from the end on. */
export function elapsedShare(window: CampaignWindow, now: Date): number {
  const span = window.end.getTime() - window.start.getTime();
  if (span <= 0) return 1;
  const share = (now.getTime() - window.start.getTime()) / span;
  return Math.min(1, Math.max(0, share));
}

interface Row {
  code: string;
  name: string;
  kind: UnitKind;
  ward: string;
  base: number;
  target: number;
  zalo_group_id: string | null;
  completed: number;
}

const ratioOf = (completed: number, target: number) => (target > 0 ? completed / target : 0);

/** Completed / target per unit and per ward, and pace against the campaign window. One SQL aggregate. */
export class ProgressService {
  private readonly stmt;

  constructor(
    db: Db,
    private readonly window: CampaignWindow,
  ) {
    this.stmt = db.prepare<[], Row>(
      `SELECT u.code, u.name, u.kind, u.ward, u.base, u.target, u.zalo_group_id, COALESCE(c.n, 0) AS completed
       FROM units u LEFT JOIN (SELECT unit_code, COUNT(*) AS n FROM completions GROUP BY unit_code) c
         ON c.unit_code = u.code
       ORDER BY u.ward, u.kind, u.code`,
    );
  }

  get campaignWindow(): CampaignWindow {
    return this.window;
  }

  /** Progress of every unit and ward at `now` (expectedByNow = target × share of the campaign elapsed). */
  report(now: Date): ProgressReport {
    const share = elapsedShare(this.window, now);
    const units: UnitProgress[] = this.stmt.all().map((r) => {
      const expectedByNow = r.target * share;
      return {
        code: r.code,
        name: r.name,
        kind: r.kind,
        ward: r.ward,
        base: r.base,
        target: r.target,
        completed: r.completed,
        ratio: ratioOf(r.completed, r.target),
        expectedByNow,
        behind: r.completed < expectedByNow,
        zaloGroupId: r.zalo_group_id,
      };
    });
    return { asOf: now.toISOString(), units, wards: rollUpWards(units, share) };
  }

  /** Units behind pace (the broadcast's "behind" scope); withGroup keeps only those with a linked OA group. */
  behind(now: Date, opts: { withGroup?: boolean } = {}): UnitProgress[] {
    return this.report(now).units.filter((u) => u.behind && (!opts.withGroup || u.zaloGroupId !== null));
  }
}

/** Sums units per ward, in first-seen order (units come sorted by ward). */
export function rollUpWards(units: UnitProgress[], share: number): WardProgress[] {
  const byWard = new Map<string, WardProgress>();
  for (const u of units) {
    let w = byWard.get(u.ward);
    if (!w) {
      w = { ward: u.ward, base: 0, target: 0, completed: 0, ratio: 0, expectedByNow: 0, behind: false, units: 0 };
      byWard.set(u.ward, w);
    }
    w.base += u.base;
    w.target += u.target;
    w.completed += u.completed;
    w.units += 1;
  }
  for (const w of byWard.values()) {
    w.ratio = ratioOf(w.completed, w.target);
    w.expectedByNow = w.target * share;
    w.behind = w.completed < w.expectedByNow;
  }
  return [...byWard.values()];
}
