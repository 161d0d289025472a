import type { Db } from "../db/database.js";
import { redactPhones } from "../observability/logger.js";

export interface UnansweredQuestion {
  /** Normalised (folded, shorthand expanded) text: questions typed differently but alike share it. */
  key: string;
  /** The latest raw question with this key, phone numbers masked. */
  text: string;
  conversationKind: "user" | "group";
  count: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

interface Row {
  key: string;
  conversation_kind: "user" | "group";
  sample: string;
  count: number;
  first_seen: number;
  last_seen: number;
}

const MAX_SAMPLE = 500;

/** Questions the bot could not answer, counted, for officers to improve content/faq.yaml. */
export class UnansweredStore {
  private readonly upsert;
  private readonly listStmt;

  constructor(db: Db) {
    this.upsert = db.prepare<[string, string, string, number, number]>(
      `INSERT INTO unanswered_questions (key, conversation_kind, sample, count, first_seen, last_seen)
       VALUES (?, ?, ?, 1, ?, ?)
       ON CONFLICT(key, conversation_kind) DO UPDATE SET
         count = count + 1, sample = excluded.sample, last_seen = excluded.last_seen`,
    );
    this.listStmt = db.prepare<[number], Row>(
      `SELECT key, conversation_kind, sample, count, first_seen, last_seen FROM unanswered_questions
       ORDER BY count DESC, last_seen DESC LIMIT ?`,
    );
  }

  record(q: { key: string; text: string; conversationKind: "user" | "group"; at: Date }): void {
    const key = q.key.trim() || q.text.trim().toLowerCase();
    if (!key) return;
    const sample = redactPhones(q.text.trim()).slice(0, MAX_SAMPLE);
    this.upsert.run(key.slice(0, MAX_SAMPLE), q.conversationKind, sample, q.at.getTime(), q.at.getTime());
  }

  /** Most asked first, then most recent. */
  list(limit = 50): UnansweredQuestion[] {
    return this.listStmt.all(limit).map((r) => ({
      key: r.key,
      text: r.sample,
      conversationKind: r.conversation_kind,
      count: r.count,
      firstSeenAt: new Date(r.first_seen).toISOString(),
      lastSeenAt: new Date(r.last_seen).toISOString(),
    }));
  }
}
