import type { Db } from "../db/database.js";
import type { CampaignWindow } from "../shared/campaign-window.js";
import { nameKey } from "./person-name.js";
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
  reported: number;
  official: number | null;
  official_as_of: string | null;
  official_shape: "unit" | "person" | null;
  chat_after: number | null;
}

/** The rule behind `completed`, in one line, as the dashboard and reports state it. */
export const COMPLETED_RULE =
  "Số hoàn thành = số chính thức (lần nhập gần nhất) + số báo qua chat sau ngày của số liệu đó (trừ người đã có tên trong danh sách); chưa có số chính thức thì là số báo qua chat.";

const ratioOf = (completed: number, target: number) => (target > 0 ? completed / target : 0);

/**
 * Completed / target per unit and per ward, and pace against the campaign window. One SQL aggregate.
 * `completed` is the one number pace and reminders use (COMPLETED_RULE).
 */
export class ProgressService {
  private readonly stmt;
  private readonly lateReportsStmt;
  private readonly listedStmt;

  constructor(
    db: Db,
    private readonly window: CampaignWindow,
  ) {
    this.stmt = db.prepare<[], Row>(
      `SELECT u.code, u.name, u.kind, u.ward, u.base, u.target, u.zalo_group_id, COALESCE(c.n, 0) AS reported,
         o.completed AS official, o.as_of AS official_as_of, o.shape AS official_shape, o.chat_after
       FROM units u LEFT JOIN (SELECT unit_code, COUNT(*) AS n FROM completions GROUP BY unit_code) c
         ON c.unit_code = u.code
       LEFT JOIN official_results o ON o.unit_code = u.code
       ORDER BY u.ward, u.kind, u.code`,
    );
    this.lateReportsStmt = db.prepare<[string, number], { full_name: string }>(
      "SELECT full_name FROM completions WHERE unit_code = ? AND first_at >= ?",
    );
    this.listedStmt = db.prepare<[string, string], { one: number }>(
      "SELECT 1 AS one FROM official_people WHERE unit_code = ? AND name_key = ? LIMIT 1",
    );
  }

  /** Chat reports that count on top of the official figure: made after its day, and not a name on its list. */
  private lateReports(r: Row): number {
    if (r.chat_after === null) return 0;
    const late = this.lateReportsStmt.all(r.code, r.chat_after);
    if (r.official_shape !== "person") return late.length;
    return late.filter((c) => this.listedStmt.get(r.code, nameKey(c.full_name)) === undefined).length;
  }

  get campaignWindow(): CampaignWindow {
    return this.window;
  }

  /** Progress of every unit and ward at `now` (expectedByNow = target × share of the campaign elapsed). */
  report(now: Date): ProgressReport {
    const share = elapsedShare(this.window, now);
    const units: UnitProgress[] = this.stmt.all().map((r) => {
      const expectedByNow = r.target * share;
      const completed = r.official === null ? r.reported : r.official + this.lateReports(r);
      return {
        code: r.code,
        name: r.name,
        kind: r.kind,
        ward: r.ward,
        base: r.base,
        target: r.target,
        completed,
        reported: r.reported,
        official: r.official,
        officialAsOf: r.official_as_of,
        ratio: ratioOf(completed, r.target),
        expectedByNow,
        behind: completed < expectedByNow,
        zaloGroupId: r.zalo_group_id,
      };
    });
    return { asOf: now.toISOString(), units, wards: rollUpWards(units, share) };
  }
}

/** Sums units per ward, in first-seen order (units come sorted by ward). */
function rollUpWards(units: UnitProgress[], share: number): WardProgress[] {
  const byWard = new Map<string, WardProgress>();
  for (const u of units) {
    let w = byWard.get(u.ward);
    if (!w) {
      w = {
        ward: u.ward,
        base: 0,
        target: 0,
        completed: 0,
        reported: 0,
        official: null,
        ratio: 0,
        expectedByNow: 0,
        behind: false,
        units: 0,
      };
      byWard.set(u.ward, w);
    }
    w.base += u.base;
    w.target += u.target;
    w.completed += u.completed;
    w.reported += u.reported;
    if (u.official !== null) w.official = (w.official ?? 0) + u.official;
    w.units += 1;
  }
  for (const w of byWard.values()) {
    w.ratio = ratioOf(w.completed, w.target);
    w.expectedByNow = w.target * share;
    w.behind = w.completed < w.expectedByNow;
  }
  return [...byWard.values()];
}
