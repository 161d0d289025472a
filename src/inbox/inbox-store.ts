import type { Db } from "../db/database.js";

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
  private readonly pruneStmt;
  private readonly countStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO inbox (dedupe_key, event_name, conversation_key, user_id, body, status, received_at)
       VALUES (@dedupeKey, @eventName, @conversationKey, @userId, @body, @status, @receivedAt)
       ON CONFLICT(dedupe_key) DO NOTHING`,
    );
    this.getStmt = db.prepare<[number], InboxRow>("SELECT * FROM inbox WHERE id = ?");
    // Ids and keys only: after a crash under load there may be tens of thousands, and bodies are read one at a time.
    this.pendingStmt = db.prepare<[], Pick<InboxRow, "id" | "conversation_key">>(
      "SELECT id, conversation_key FROM inbox WHERE status = 'pending' ORDER BY id",
    );
    this.finishStmt = db.prepare("UPDATE inbox SET status = ?, last_error = ?, handled_at = ? WHERE id = ? AND status = 'pending'");
    this.attemptStmt = db.prepare("UPDATE inbox SET attempts = attempts + 1 WHERE id = ?");
    // Bodies of handled events are only needed for dedupe keys after a while; Zalo retries for ~2 h.
    this.pruneStmt = db.prepare("DELETE FROM inbox WHERE status != 'pending' AND received_at < ?");
    this.countStmt = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM inbox WHERE status = 'pending'");
  }

  /** Stores the event; returns its id, or null when the dedupe key was seen before (a redelivery). */
  insert(e: NewInboxEvent): number | null {
    const r = this.insertStmt.run(e);
    return r.changes === 1 ? Number(r.lastInsertRowid) : null;
  }

  get(id: number): InboxRow | undefined {
    return this.getStmt.get(id);
  }

  pending(): Array<Pick<InboxRow, "id" | "conversation_key">> {
    return this.pendingStmt.all();
  }

  pendingCount(): number {
    return this.countStmt.get()!.n;
  }

  markAttempt(id: number): void {
    this.attemptStmt.run(id);
  }

  finish(id: number, status: Exclude<InboxStatus, "pending">, error: string | null, at: number): void {
    this.finishStmt.run(status, error, at, id);
  }

  pruneOlderThan(cutoff: number): number {
    return this.pruneStmt.run(cutoff).changes;
  }

  /** Runs fn in one IMMEDIATE transaction (handler outcome + outbox rows + inbox status together). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn).immediate();
  }
}
