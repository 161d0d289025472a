import type { Conversation } from "../shared/conversation.js";
import type { Db } from "../db/database.js";
import { type WriteBehind, writeBehind } from "../db/write-behind.js";

/** dropped: a bot reply not yet sent when an OA admin answered the resident by hand (never sent). */
export type OutboxStatus = "pending" | "sending" | "sent" | "failed" | "dry_run" | "dropped";

export interface OutboxRow {
  id: number;
  inbox_id: number | null;
  recipient_kind: "user" | "group";
  recipient_id: string;
  text: string;
  status: OutboxStatus;
  attempts: number;
  error: string | null;
  message_id: string | null;
  created_at: number;
  /** Sent: when. Still 'sending': when the current attempt started (a crash left it there). */
  sent_at: number | null;
  /** What paid for the send, from Zalo's data.quota ("reply" = the free replies within 48 h, "sub_quota", ...). */
  quota_type?: string | null;
  quota_remain?: number | null;
  quota_total?: number | null;
  /** Zalo's code when it refused the reply for quota or window reasons (-211, -218, -230, -232). */
  refusal_code?: number | null;
}

/** Replies waiting to go out, and the record of what went out (or would have, in dry-run). */
export class OutboxStore {
  private readonly insertStmt;
  private readonly insertClaimedStmt;
  private readonly openStmt;
  private readonly getStmt;
  private readonly setStatusStmt;
  private readonly claimStmt;
  private readonly recentStmt;
  private readonly quotaStmt;
  private readonly sentStmt;
  private readonly dryRunStmt;
  private readonly refusedStmt;
  private readonly refusalsStmt;
  private readonly dropStmt;
  private readonly later: WriteBehind;

  constructor(db: Db) {
    this.later = writeBehind(db);
    this.insertStmt = db.prepare(
      `INSERT INTO outbox (inbox_id, recipient_kind, recipient_id, text, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    this.insertClaimedStmt = db.prepare(
      `INSERT INTO outbox (inbox_id, recipient_kind, recipient_id, text, status, attempts, created_at, sent_at)
       VALUES (?, ?, ?, ?, 'sending', 1, ?, ?)`,
    );
    this.openStmt = db.prepare<[], OutboxRow>("SELECT * FROM outbox WHERE status IN ('pending','sending') ORDER BY id");
    this.getStmt = db.prepare<[number], OutboxRow>("SELECT * FROM outbox WHERE id = ?");
    this.setStatusStmt = db.prepare(
      "UPDATE outbox SET status = ?, error = ?, message_id = COALESCE(?, message_id), sent_at = ? WHERE id = ?",
    );
    // While a row is 'sending', sent_at holds when this attempt started (finish overwrites it, release clears it).
    // Only a row still due: one dropped meanwhile (an OA admin answered by hand) is never sent.
    this.claimStmt = db.prepare(
      "UPDATE outbox SET status = 'sending', attempts = attempts + 1, sent_at = ? WHERE id = ? AND status IN ('pending','sending')",
    );
    // Bot replies only (inbox_id set): an officer's own reply from the dashboard is never dropped.
    this.dropStmt = db.prepare(
      `UPDATE outbox SET status = 'dropped', error = ?, sent_at = ?
       WHERE recipient_kind = 'user' AND recipient_id = ? AND status = 'pending' AND inbox_id IS NOT NULL`,
    );
    this.recentStmt = db.prepare<[number], OutboxRow>("SELECT * FROM outbox ORDER BY id DESC LIMIT ?");
    this.quotaStmt = db.prepare("UPDATE outbox SET quota_type = ?, quota_remain = ?, quota_total = ? WHERE id = ?");
    // One write per sent reply: status, message id and what paid for it together.
    this.sentStmt = db.prepare(
      `UPDATE outbox SET status = 'sent', error = NULL, message_id = ?, sent_at = ?,
         quota_type = COALESCE(?, quota_type), quota_remain = COALESCE(?, quota_remain), quota_total = COALESCE(?, quota_total)
       WHERE id = ?`,
    );
    this.dryRunStmt = db.prepare("UPDATE outbox SET status = 'dry_run', sent_at = ? WHERE id = ? AND status IN ('pending','sending')");
    this.refusedStmt = db.prepare("UPDATE outbox SET refusal_code = ? WHERE id = ?");
    this.refusalsStmt = db.prepare<[number], { code: number; n: number }>(
      "SELECT refusal_code AS code, COUNT(*) AS n FROM outbox WHERE refusal_code IS NOT NULL AND created_at >= ? GROUP BY refusal_code",
    );
  }

  /** Keeps what Zalo said paid for the send (data.quota). */
  recordQuota(id: number, q: { type: string; remain: number | null; total: number | null }): void {
    this.quotaStmt.run(q.type, q.remain, q.total, id);
  }

  /**
   * A reply Zalo took: sent, its message ids and Zalo's data.quota (when given) in one write. `later`: committed
   * with the next transaction on this connection (write-behind.ts; the dispatcher's replies); until then it reads
   * 'sending', and a crash meanwhile leaves it to be looked up in the conversation at the next start, never sent
   * twice.
   */
  finishSent(
    id: number,
    now: number,
    messageId: string,
    quota?: { type: string; remain: number | null; total: number | null },
    o: { later?: boolean } = {},
  ): void {
    const args = [messageId, now, quota?.type ?? null, quota?.remain ?? null, quota?.total ?? null, id] as const;
    if (o.later) this.later.add(() => this.sentStmt.run(...args));
    else this.sentStmt.run(...args);
  }

  /** Dry run: recorded as what would have been sent; false when the row is no longer due (dropped meanwhile). */
  finishDryRun(id: number, now: number): boolean {
    return this.dryRunStmt.run(now, id).changes === 1;
  }

  /** Marks a reply Zalo refused for quota or window reasons (after finish(..., "failed")). */
  markRefused(id: number, code: number): void {
    this.refusedStmt.run(code, id);
  }

  /** Replies Zalo refused for quota or window reasons since `since`, by code. */
  refusalsSince(since: number): Map<number, number> {
    return new Map(this.refusalsStmt.all(since).map((r) => [r.code, r.n]));
  }

  enqueue(inboxId: number | null, to: Conversation, text: string, now: number): number {
    return Number(this.insertStmt.run(inboxId, to.kind, to.id, text, "pending", now).lastInsertRowid);
  }

  /**
   * A reply written already claimed for its first attempt ('sending', attempts 1, sent_at now), for a caller that
   * sends it as soon as the transaction commits: one write less than enqueue + claim. A crash before the send
   * leaves it 'sending', settled at the next start like any send cut off (looked up, then sent if not there).
   */
  enqueueClaimed(inboxId: number | null, to: Conversation, text: string, now: number): number {
    return Number(this.insertClaimedStmt.run(inboxId, to.kind, to.id, text, now, now).lastInsertRowid);
  }

  recordDryRun(to: Conversation, text: string, now: number): number {
    return Number(this.insertStmt.run(null, to.kind, to.id, text, "dry_run", now).lastInsertRowid);
  }

  open(): OutboxRow[] {
    this.later.flush();
    return this.openStmt.all();
  }

  get(id: number): OutboxRow | undefined {
    this.later.flush();
    return this.getStmt.get(id);
  }

  recent(limit = 50): OutboxRow[] {
    this.later.flush();
    return this.recentStmt.all(limit);
  }

  /** Written before the HTTP call, so a restart knows the send may have happened; false: no longer due (dropped). */
  claim(id: number, now = Date.now()): boolean {
    return this.claimStmt.run(now, id).changes === 1;
  }

  /** Bot replies to this user still waiting to go out are dropped (not sent); returns how many. */
  dropPendingTo(userId: string, reason: string, now: number): number {
    return this.dropStmt.run(reason, now, userId).changes;
  }

  finish(
    id: number,
    status: Exclude<OutboxStatus, "pending" | "sending" | "dropped">,
    now: number,
    detail: { error?: string; messageId?: string } = {},
  ): void {
    this.setStatusStmt.run(status, detail.error ?? null, detail.messageId ?? null, now, id);
  }

  /** Back to pending after a retryable failure. */
  release(id: number, error: string): void {
    this.setStatusStmt.run("pending", error, null, null, id);
  }
}
