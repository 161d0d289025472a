import { vnDate } from "../shared/vietnam-time.js";
import type { Db } from "../db/database.js";
import { type WriteBehind, writeBehind } from "../db/write-behind.js";

export type FaqOutcome = "answered" | "suggested" | "fallback";

export interface OutcomeDay {
  day: string;
  answered: number;
  suggested: number;
  fallback: number;
}

/** How many questions were answered, offered a choice or fell back, per day (Asia/Ho_Chi_Minh). */
export class FaqOutcomeStore {
  private readonly bumpStmt;
  private readonly sinceStmt;
  private readonly later: WriteBehind;

  constructor(db: Db) {
    this.later = writeBehind(db);
    this.bumpStmt = db.prepare(
      "INSERT INTO faq_outcomes_daily (day, outcome, n) VALUES (?, ?, 1) ON CONFLICT(day, outcome) DO UPDATE SET n = n + 1",
    );
    this.sinceStmt = db.prepare<[string], { day: string; outcome: FaqOutcome; n: number }>(
      "SELECT day, outcome, n FROM faq_outcomes_daily WHERE day >= ? ORDER BY day",
    );
  }

  /** Counted with the next transaction on this connection (the event's outcome), not a commit of its own. */
  count(outcome: FaqOutcome, at: Date): void {
    const day = vnDate(at);
    this.later.add(() => this.bumpStmt.run(day, outcome));
  }

  /** Days from `since` (YYYY-MM-DD) on that have any count, oldest first. */
  since(since: string): OutcomeDay[] {
    this.later.flush();
    const days = new Map<string, OutcomeDay>();
    for (const r of this.sinceStmt.all(since)) {
      const d = days.get(r.day) ?? { day: r.day, answered: 0, suggested: 0, fallback: 0 };
      d[r.outcome] = r.n;
      days.set(r.day, d);
    }
    return [...days.values()];
  }
}
