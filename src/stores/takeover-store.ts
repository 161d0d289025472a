import type { Db } from "../db/database.js";
import type { ErasureCounts, Person, PersonalDataOwner } from "../shared/personal-data.js";

/** A 1:1 conversation an OA admin answers by hand: the bot stays silent in it until `heldUntil`. */
export interface Takeover {
  userId: string;
  adminId: string;
  startedAt: string;
  lastReplyAt: string;
  heldUntil: string;
  /** Bot replies dropped because the admin answered first. */
  dropped: number;
}

interface Row {
  user_id: string;
  admin_id: string;
  started_at: number;
  last_reply: number;
  held_until: number;
  dropped: number;
}

const toTakeover = (r: Row): Takeover => ({
  userId: r.user_id,
  adminId: r.admin_id,
  startedAt: new Date(r.started_at).toISOString(),
  lastReplyAt: new Date(r.last_reply).toISOString(),
  heldUntil: new Date(r.held_until).toISOString(),
  dropped: r.dropped,
});

/** Conversations held by a human (an OA admin answering from Zalo's OA chat). */
export class TakeoverStore implements PersonalDataOwner {
  private readonly holdStmt;
  private readonly untilStmt;
  private readonly activeStmt;
  private readonly releaseStmt;
  private readonly droppedStmt;

  constructor(db: Db) {
    // Each human reply renews the hold; a hold that had ended starts afresh.
    this.holdStmt = db.prepare(
      `INSERT INTO human_takeovers (user_id, admin_id, started_at, last_reply, held_until)
       VALUES (@userId, @adminId, @at, @at, @until)
       ON CONFLICT(user_id) DO UPDATE SET
         admin_id = excluded.admin_id, last_reply = excluded.last_reply, held_until = excluded.held_until,
         started_at = CASE WHEN held_until > excluded.last_reply THEN started_at ELSE excluded.started_at END,
         dropped = CASE WHEN held_until > excluded.last_reply THEN dropped ELSE 0 END`,
    );
    this.untilStmt = db.prepare<[string], { held_until: number }>("SELECT held_until FROM human_takeovers WHERE user_id = ?");
    this.activeStmt = db.prepare<[number], Row>("SELECT * FROM human_takeovers WHERE held_until > ? ORDER BY last_reply DESC");
    this.releaseStmt = db.prepare("DELETE FROM human_takeovers WHERE user_id = ?");
    this.droppedStmt = db.prepare("UPDATE human_takeovers SET dropped = dropped + ? WHERE user_id = ?");
  }

  hold(userId: string, adminId: string, at: Date, until: Date): void {
    this.holdStmt.run({ userId, adminId, at: at.getTime(), until: until.getTime() });
  }

  isHeld(userId: string, now: Date): boolean {
    const r = this.untilStmt.get(userId);
    return r !== undefined && r.held_until > now.getTime();
  }

  active(now: Date): Takeover[] {
    return this.activeStmt.all(now.getTime()).map(toTakeover);
  }

  addDropped(userId: string, n: number): void {
    if (n > 0) this.droppedStmt.run(n, userId);
  }

  /** Hands the conversation back to the bot. */
  release(userId: string): boolean {
    return this.releaseStmt.run(userId).changes === 1;
  }

  /** #xoa / user_withdraw: no record of a hold on their chat remains. */
  forget(p: Person): ErasureCounts {
    return { takeovers: this.releaseStmt.run(p.id).changes };
  }
}
