import type { Db } from "../db/database.js";
import type { Person, PersonalDataOwner } from "../shared/personal-data.js";

/** A conversation step in progress (e.g. "waiting for the full name"), with an expiry. */
export interface DialogState<T = unknown> {
  kind: string;
  data: T;
  expiresAt: number;
}

/** Conversation state in SQLite, so a restart does not forget what the bot just asked. */
export class DialogSessionStore implements PersonalDataOwner {
  private readonly getStmt;
  private readonly setStmt;
  private readonly delStmt;
  private readonly pruneStmt;
  private readonly clearSenderStmt;
  private readonly senderDataStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare<[string], { kind: string; data: string; expires_at: number }>(
      "SELECT kind, data, expires_at FROM dialog_sessions WHERE session_key = ?",
    );
    this.setStmt = db.prepare(
      `INSERT INTO dialog_sessions (session_key, kind, data, expires_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(session_key) DO UPDATE SET kind = excluded.kind, data = excluded.data, expires_at = excluded.expires_at`,
    );
    this.delStmt = db.prepare("DELETE FROM dialog_sessions WHERE session_key = ?");
    this.pruneStmt = db.prepare("DELETE FROM dialog_sessions WHERE expires_at <= ?");
    // Keys end with ":<senderId>" (see Bot.handle); compared by suffix, not LIKE, so ids need no escaping.
    this.clearSenderStmt = db.prepare<[string, string]>("DELETE FROM dialog_sessions WHERE substr(session_key, -length(?) - 1) = ':' || ?");
    this.senderDataStmt = db.prepare<[string, string], { data: string }>(
      "SELECT data FROM dialog_sessions WHERE substr(session_key, -length(?) - 1) = ':' || ?",
    );
  }

  /** Names a step in progress holds (the completion flow keeps the typed full name). */
  namesOf(senderId: string): string[] {
    return this.senderDataStmt
      .all(senderId, senderId)
      .map((r) => (JSON.parse(r.data) as { name?: unknown }).name)
      .filter((n): n is string => typeof n === "string" && n !== "");
  }

  forget(p: Person): { steps: number } {
    return { steps: this.clearSender(p.id) };
  }

  get<T>(key: string, now: number): DialogState<T> | null {
    const row = this.getStmt.get(key);
    if (!row) return null;
    if (row.expires_at <= now) {
      this.delStmt.run(key);
      return null;
    }
    return { kind: row.kind, data: JSON.parse(row.data) as T, expiresAt: row.expires_at };
  }

  set(key: string, kind: string, data: unknown, expiresAt: number): void {
    this.setStmt.run(key, kind, JSON.stringify(data), expiresAt);
  }

  clear(key: string): void {
    this.delStmt.run(key);
  }

  /** Drops every step of this sender, in every conversation (#xoa, user_withdraw). */
  clearSender(senderId: string): number {
    return this.clearSenderStmt.run(senderId, senderId).changes;
  }

  prune(now: number): number {
    return this.pruneStmt.run(now).changes;
  }
}

/** The dialog state of one sender in one conversation, as handlers see it. */
export interface DialogSession {
  get<T>(): DialogState<T> | null;
  /** Stores a step; expires after ttlMs (default 30 minutes). */
  set(kind: string, data: unknown, ttlMs?: number): void;
  clear(): void;
}

export function bindDialogSession(store: DialogSessionStore, key: string, now: () => number): DialogSession {
  return {
    get: <T>() => store.get<T>(key, now()),
    set: (kind, data, ttlMs = 30 * 60_000) => store.set(key, kind, data, now() + ttlMs),
    clear: () => store.clear(key),
  };
}
