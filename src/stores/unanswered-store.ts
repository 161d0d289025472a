import type { Db } from "../db/database.js";
import { NAME_PLACEHOLDER, type Person, type PersonalDataOwner } from "../shared/personal-data.js";
import { replaceName } from "../text/name-mention.js";
import { phonesAsToken, redactPhones } from "../text/phone.js";

export interface UnansweredQuestion {
  /** Normalised (folded, shorthand expanded) text, phone numbers as one token: questions alike share it. */
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

/**
 * Questions the bot could not answer, counted, for officers to improve content/faq.yaml. Each ask is kept
 * (unanswered_asks: who, where, the words with phones masked) so a person who asks to be forgotten is taken
 * out of the counts and samples, and a question only they asked disappears.
 */
export class UnansweredStore implements PersonalDataOwner {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      upsert: db.prepare<[string, string, string, number, number]>(
        `INSERT INTO unanswered_questions (key, conversation_kind, sample, count, first_seen, last_seen)
         VALUES (?, ?, ?, 1, ?, ?)
         ON CONFLICT(key, conversation_kind) DO UPDATE SET
           count = count + 1, sample = excluded.sample, last_seen = excluded.last_seen`,
      ),
      ask: db.prepare(
        `INSERT INTO unanswered_asks (question_key, conversation_kind, conversation_id, user_id, text, asked_at)
         VALUES (@key, @kind, @conversationId, @userId, @text, @at)`,
      ),
      list: db.prepare<[number], Row>(
        `SELECT key, conversation_kind, sample, count, first_seen, last_seen FROM unanswered_questions
         ORDER BY count DESC, last_seen DESC LIMIT ?`,
      ),
      askedBy: db.prepare<[string], { question_key: string; conversation_kind: string }>(
        "SELECT DISTINCT question_key, conversation_kind FROM unanswered_asks WHERE user_id = ?",
      ),
      deleteAsks: db.prepare("DELETE FROM unanswered_asks WHERE user_id = ?"),
      remaining: db.prepare<[string, string], { n: number; first: number | null; last: number | null }>(
        `SELECT COUNT(*) AS n, MIN(asked_at) AS first, MAX(asked_at) AS last FROM unanswered_asks
         WHERE question_key = ? AND conversation_kind = ?`,
      ),
      latestText: db.prepare<[string, string], { text: string }>(
        `SELECT text FROM unanswered_asks WHERE question_key = ? AND conversation_kind = ?
         ORDER BY asked_at DESC, id DESC LIMIT 1`,
      ),
      recount: db.prepare(
        "UPDATE unanswered_questions SET count = ?, first_seen = ?, last_seen = ?, sample = ? WHERE key = ? AND conversation_kind = ?",
      ),
      deleteQuestion: db.prepare("DELETE FROM unanswered_questions WHERE key = ? AND conversation_kind = ?"),
      questionMentions: db.prepare<{ name: string }, Row>(
        "SELECT * FROM unanswered_questions WHERE mentions_name(sample, @name) OR mentions_name(key, @name)",
      ),
      mergeQuestion: db.prepare(
        `INSERT INTO unanswered_questions (key, conversation_kind, sample, count, first_seen, last_seen)
         VALUES (@key, @conversation_kind, @sample, @count, @first_seen, @last_seen)
         ON CONFLICT(key, conversation_kind) DO UPDATE SET count = count + excluded.count,
           first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`,
      ),
      exists: db.prepare<[string, string], { n: number }>(
        "SELECT 1 AS n FROM unanswered_questions WHERE key = ? AND conversation_kind = ?",
      ),
      rename: db.prepare("UPDATE unanswered_questions SET key = ?, sample = ? WHERE key = ? AND conversation_kind = ?"),
      moveAsks: db.prepare("UPDATE unanswered_asks SET question_key = ? WHERE question_key = ? AND conversation_kind = ?"),
      askMentions: db.prepare<{ name: string }, { id: number; text: string }>(
        "SELECT id, text FROM unanswered_asks WHERE mentions_name(text, @name)",
      ),
      setAskText: db.prepare("UPDATE unanswered_asks SET text = ? WHERE id = ?"),
    };
  }

  record(q: { key: string; text: string; conversationKind: "user" | "group"; conversationId: string; userId: string; at: Date }): void {
    const key = phonesAsToken(q.key.trim() || q.text.trim().toLowerCase()).slice(0, MAX_SAMPLE);
    if (!key) return;
    const sample = redactPhones(q.text.trim()).slice(0, MAX_SAMPLE);
    const at = q.at.getTime();
    this.db.transaction(() => {
      this.s.upsert.run(key, q.conversationKind, sample, at, at);
      this.s.ask.run({ key, kind: q.conversationKind, conversationId: q.conversationId, userId: q.userId, text: sample, at });
    })();
  }

  /** Most asked first, then most recent. */
  list(limit = 50): UnansweredQuestion[] {
    return this.s.list.all(limit).map((r) => ({
      key: r.key,
      text: r.sample,
      conversationKind: r.conversation_kind,
      count: r.count,
      firstSeenAt: new Date(r.first_seen).toISOString(),
      lastSeenAt: new Date(r.last_seen).toISOString(),
    }));
  }

  forget(p: Person): { questions: number; mentions: number } {
    const asked = this.s.askedBy.all(p.id);
    const questions = this.s.deleteAsks.run(p.id).changes;
    for (const q of asked) {
      const left = this.s.remaining.get(q.question_key, q.conversation_kind)!;
      if (left.n === 0) this.s.deleteQuestion.run(q.question_key, q.conversation_kind);
      else {
        const sample = this.s.latestText.get(q.question_key, q.conversation_kind)!.text;
        this.s.recount.run(left.n, left.first, left.last, sample, q.question_key, q.conversation_kind);
      }
    }
    let mentions = 0;
    for (const name of p.names) {
      for (const r of this.s.askMentions.all({ name })) {
        this.s.setAskText.run(replaceName(r.text, name, NAME_PLACEHOLDER), r.id);
        mentions++;
      }
      for (const r of this.s.questionMentions.all({ name })) {
        // The key names them too: rename it (merging with a question that already has the new key).
        const key = replaceName(r.key, name, NAME_PLACEHOLDER);
        const sample = replaceName(r.sample, name, NAME_PLACEHOLDER);
        if (!this.s.exists.get(key, r.conversation_kind)) {
          this.s.rename.run(key, sample, r.key, r.conversation_kind); // asks follow (ON UPDATE CASCADE)
        } else {
          this.s.moveAsks.run(key, r.key, r.conversation_kind);
          this.s.deleteQuestion.run(r.key, r.conversation_kind);
          this.s.mergeQuestion.run({ ...r, key, sample });
        }
        mentions++;
      }
    }
    return { questions, mentions };
  }
}
