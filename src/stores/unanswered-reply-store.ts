import type { Db } from "../db/database.js";
import type { ErasureCounts, Person, PersonalDataOwner } from "../shared/personal-data.js";

export interface ReplyTarget {
  kind: "user" | "group";
  recipientId: string;
  /** queued: in the outbox; outside_window: the resident last wrote more than Zalo's 7 days ago (not sent). */
  status: "queued" | "outside_window";
  outboxId: number | null;
}

/** A target with how its outbox row went (pending, sending, sent, failed, dry_run; null when not queued). */
export interface ReplyTargetView extends ReplyTarget {
  delivery: string | null;
  error: string | null;
}

export interface OfficerReply {
  id: number;
  itemId: number;
  text: string;
  sentBy: string;
  createdAt: string;
  targets: ReplyTargetView[];
}

/** Officers' replies to the people who asked a question, one outbox row per recipient. */
export class UnansweredReplyStore implements PersonalDataOwner {
  private readonly insertReply;
  private readonly insertTarget;
  private readonly forItemStmt;
  private readonly targetsStmt;
  private readonly forgetStmt;

  constructor(private readonly db: Db) {
    this.insertReply = db.prepare("INSERT INTO unanswered_replies (item_id, text, sent_by, created_at) VALUES (?, ?, ?, ?)");
    this.insertTarget = db.prepare(
      "INSERT INTO unanswered_reply_targets (reply_id, kind, recipient_id, status, outbox_id) VALUES (?, ?, ?, ?, ?)",
    );
    this.forItemStmt = db.prepare<[number], { id: number; item_id: number; text: string; sent_by: string; created_at: number }>(
      "SELECT * FROM unanswered_replies WHERE item_id = ? ORDER BY id DESC",
    );
    this.targetsStmt = db.prepare<
      [number],
      {
        kind: "user" | "group";
        recipient_id: string;
        status: ReplyTarget["status"];
        outbox_id: number | null;
        delivery: string | null;
        error: string | null;
      }
    >(
      `SELECT t.kind, t.recipient_id, t.status, t.outbox_id, o.status AS delivery, o.error
       FROM unanswered_reply_targets t LEFT JOIN outbox o ON o.id = t.outbox_id WHERE t.reply_id = ?`,
    );
    this.forgetStmt = db.prepare("DELETE FROM unanswered_reply_targets WHERE kind = 'user' AND recipient_id = ?");
  }

  /** Records the reply and its targets; call inside the transaction that writes the outbox rows. */
  add(itemId: number, text: string, sentBy: string, at: Date, targets: ReplyTarget[]): number {
    const id = Number(this.insertReply.run(itemId, text, sentBy, at.getTime()).lastInsertRowid);
    for (const t of targets) this.insertTarget.run(id, t.kind, t.recipientId, t.status, t.outboxId);
    return id;
  }

  forItem(itemId: number): OfficerReply[] {
    return this.forItemStmt.all(itemId).map((r) => ({
      id: r.id,
      itemId: r.item_id,
      text: r.text,
      sentBy: r.sent_by,
      createdAt: new Date(r.created_at).toISOString(),
      targets: this.targetsStmt.all(r.id).map((t) => ({
        kind: t.kind,
        recipientId: t.recipient_id,
        status: t.status,
        outboxId: t.outbox_id,
        delivery: t.delivery,
        error: t.error,
      })),
    }));
  }

  /** #xoa / user_withdraw: the person is no longer listed as a recipient. */
  forget(p: Person): ErasureCounts {
    return { replyTargets: this.forgetStmt.run(p.id).changes };
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
