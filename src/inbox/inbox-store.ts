import type { Db } from "../db/database.js";
import { type WriteBehind, writeBehind } from "../db/write-behind.js";

export type InboxStatus = "pending" | "done" | "failed" | "ignored";

export interface InboxRow {
  id: number;
  dedupe_key: string;
  event_name: string;
  conversation_key: string;
  body: string;
  status: InboxStatus;
  attempts: number;
  received_at: number;
}

/** A pending event as the dispatcher reads it: its body is the event as the edge parsed it. */
export type PendingEvent = Pick<InboxRow, "id" | "event_name" | "conversation_key" | "body" | "attempts" | "received_at">;

export interface NewInboxEvent {
  dedupeKey: string;
  eventName: string;
  conversationKey: string;
  /** The resident the event is from or about (see event-person.ts); null when none. */
  userId: string | null;
  body: string;
  status: "pending" | "ignored";
  receivedAt: number;
}

/** The durable webhook inbox: an event is here before Zalo gets its 200. */
export class InboxStore {
  private readonly insertStmt;
  private readonly getStmt;
  private readonly pendingStmt;
  private readonly finishStmt;
  private readonly attemptStmt;
  private readonly unmarkStmt;
  private readonly pendingIdStmt;
  private readonly pruneStmt;
  private readonly countStmt;
  private readonly lastIdStmt;
  private readonly later: WriteBehind;

  constructor(private readonly db: Db) {
    this.later = writeBehind(db);
    this.insertStmt = db.prepare(
      `INSERT INTO inbox (dedupe_key, event_name, conversation_key, user_id, body, status, received_at)
       VALUES (@dedupeKey, @eventName, @conversationKey, @userId, @body, @status, @receivedAt)
       ON CONFLICT(dedupe_key) DO NOTHING`,
    );
    this.getStmt = db.prepare<[number], InboxRow>("SELECT * FROM inbox WHERE id = ?");
    // A page at a time: the backlog stays on disk, whatever its size; the dispatcher holds one window of it.
    this.pendingStmt = db.prepare<[number, number], PendingEvent>(
      `SELECT id, event_name, conversation_key, body, attempts, received_at FROM inbox
       WHERE status = 'pending' AND id > ? ORDER BY id LIMIT ?`,
    );
    this.finishStmt = db.prepare("UPDATE inbox SET status = ?, last_error = ?, handled_at = ? WHERE id = ? AND status = 'pending'");
    this.attemptStmt = db.prepare("UPDATE inbox SET attempts = attempts + 1 WHERE id = ? AND status = 'pending'");
    this.unmarkStmt = db.prepare("UPDATE inbox SET attempts = attempts - 1 WHERE id = ? AND status = 'pending' AND attempts > 0");
    this.pendingIdStmt = db.prepare<[number], { n: number }>("SELECT 1 AS n FROM inbox WHERE id = ? AND status = 'pending'");
    // Bodies of handled events are only needed for dedupe keys after a while; Zalo retries for ~2 h.
    this.pruneStmt = db.prepare("DELETE FROM inbox WHERE status != 'pending' AND received_at < ?");
    this.countStmt = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM inbox WHERE status = 'pending'");
    this.lastIdStmt = db.prepare<[], { id: number | null }>("SELECT MAX(id) AS id FROM inbox");
  }

  /** Stores the event; returns its id, or null when the dedupe key was seen before (a redelivery). */
  insert(e: NewInboxEvent): number | null {
    const r = this.insertStmt.run(e);
    return r.changes === 1 ? Number(r.lastInsertRowid) : null;
  }

  get(id: number): InboxRow | undefined {
    return this.getStmt.get(id);
  }

  /** Pending events with an id above `afterId`, oldest first, at most `limit`. */
  pendingAfter(afterId: number, limit: number): PendingEvent[] {
    return this.pendingStmt.all(afterId, limit);
  }

  /** The newest event's id (0 when none): a cheap bound on what is waiting (no count over a backlog). */
  lastId(): number {
    return this.lastIdStmt.get()?.id ?? 0;
  }

  pendingCount(): number {
    return this.countStmt.get()!.n;
  }

  /** Counts a handling attempt (committed before handling starts); false when the event is no longer pending. */
  markAttempt(id: number): boolean {
    return this.attemptStmt.run(id).changes === 1;
  }

  /**
   * Counts a handling attempt for several events in one commit (the dispatcher's marks ahead); returns, for each,
   * whether it was still pending.
   */
  markAttempts(ids: readonly number[]): boolean[] {
    return this.transaction(() => ids.map((id) => this.attemptStmt.run(id).changes === 1));
  }

  /** Takes back attempts counted ahead for events that were not started after all (a graceful stop). */
  unmarkAttempts(ids: readonly number[]): void {
    if (ids.length === 0) return;
    this.transaction(() => {
      for (const id of ids) this.unmarkStmt.run(id);
    });
  }

  isPending(id: number): boolean {
    return this.pendingIdStmt.get(id) !== undefined;
  }

  finish(id: number, status: Exclude<InboxStatus, "pending">, error: string | null, at: number): void {
    this.finishStmt.run(status, error, at, id);
  }

  pruneOlderThan(cutoff: number): number {
    return this.pruneStmt.run(cutoff).changes;
  }

  /**
   * Runs fn in one IMMEDIATE transaction (handler outcome + outbox rows + inbox status together), with the writes
   * waiting for a transaction on this connection (write-behind.ts: quality counts, earlier replies' 'sent').
   */
  transaction<T>(fn: () => T): T {
    return this.db
      .transaction(() => {
        this.later.drain();
        return fn();
      })
      .immediate();
  }

  /** Commits the writes waiting for a transaction (the dispatcher going idle, shutdown). */
  flushLater(): void {
    this.later.flush();
  }
}
