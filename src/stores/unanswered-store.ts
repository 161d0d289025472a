import type { Db } from "../db/database.js";
import { NAME_PLACEHOLDER, type Person, type PersonalDataOwner } from "../shared/personal-data.js";
import { replaceName } from "../text/name-mention.js";
import { phonesAsToken, redactPhones } from "../text/phone.js";

export type UnansweredState = "new" | "answered" | "taught" | "dismissed";

/** Where a question was asked: a resident's 1:1 chat, or an OA group. */
export interface AskedIn {
  kind: "user" | "group";
  /** The user id (1:1) or the group id. */
  id: string;
  count: number;
  lastAskedAt: string;
}

export interface UnansweredQuestion {
  /** The question's row id: the officers' queue and the admin API name it by this. */
  id: number;
  /** Normalised (folded, shorthand expanded) text, phone numbers as one token: questions alike share it. */
  key: string;
  /** The latest raw question with this key, phone numbers masked. */
  text: string;
  conversationKind: "user" | "group";
  count: number;
  firstSeenAt: string;
  lastSeenAt: string;
  state: UnansweredState;
}

interface Row {
  id: number;
  state: UnansweredState;
  key: string;
  conversation_kind: "user" | "group";
  sample: string;
  count: number;
  first_seen: number;
  last_seen: number;
}

const MAX_SAMPLE = 500;
const COLS = "rowid AS id, state, key, conversation_kind, sample, count, first_seen, last_seen";

function toQuestion(r: Row): UnansweredQuestion {
  return {
    id: r.id,
    key: r.key,
    text: r.sample,
    conversationKind: r.conversation_kind,
    count: r.count,
    firstSeenAt: new Date(r.first_seen).toISOString(),
    lastSeenAt: new Date(r.last_seen).toISOString(),
    state: r.state,
  };
}

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
           count = count + 1, sample = excluded.sample, last_seen = excluded.last_seen,
           state = CASE WHEN state = 'taught' THEN state ELSE 'new' END`,
      ),
      ask: db.prepare(
        `INSERT INTO unanswered_asks (question_key, conversation_kind, conversation_id, user_id, text, asked_at)
         VALUES (@key, @kind, @conversationId, @userId, @text, @at)`,
      ),
      // The officers' queue: new first, then most asked, then most recent.
      list: db.prepare<[number], Row>(
        `SELECT ${COLS} FROM unanswered_questions ORDER BY state = 'new' DESC, count DESC, last_seen DESC LIMIT ?`,
      ),
      listState: db.prepare<[string, number], Row>(
        `SELECT ${COLS} FROM unanswered_questions WHERE state = ? ORDER BY count DESC, last_seen DESC LIMIT ?`,
      ),
      get: db.prepare<[number], Row>(`SELECT ${COLS} FROM unanswered_questions WHERE rowid = ?`),
      askedIn: db.prepare<[number], { kind: "user" | "group"; conversation_id: string; n: number; last: number }>(
        `SELECT a.conversation_kind AS kind, a.conversation_id, COUNT(*) AS n, MAX(a.asked_at) AS last
         FROM unanswered_asks a JOIN unanswered_questions q ON q.key = a.question_key AND q.conversation_kind = a.conversation_kind
         WHERE q.rowid = ? GROUP BY a.conversation_kind, a.conversation_id ORDER BY last DESC`,
      ),
      latestAsker: db.prepare<[number], { user_id: string }>(
        `SELECT a.user_id FROM unanswered_asks a JOIN unanswered_questions q ON q.key = a.question_key AND q.conversation_kind = a.conversation_kind
         WHERE q.rowid = ? ORDER BY a.asked_at DESC, a.id DESC LIMIT 1`,
      ),
      setState: db.prepare("UPDATE unanswered_questions SET state = ?, state_at = ?, state_by = ? WHERE rowid = ?"),
      countNewSince: db.prepare<[number], { n: number }>(
        "SELECT COUNT(*) AS n FROM unanswered_questions WHERE state = 'new' AND first_seen >= ?",
      ),
      digest: db.prepare("INSERT INTO unanswered_digests (day, sent_at, count) VALUES (?, ?, ?) ON CONFLICT(day) DO NOTHING"),
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

  /** The queue: new first, then most asked, then most recent. With `state`, only those. */
  list(limit = 50, state?: UnansweredState): UnansweredQuestion[] {
    return (state ? this.s.listState.all(state, limit) : this.s.list.all(limit)).map(toQuestion);
  }

  get(id: number): UnansweredQuestion | null {
    const r = this.s.get.get(id);
    return r ? toQuestion(r) : null;
  }

  /** Where it was asked, most recent first. */
  askedIn(id: number): AskedIn[] {
    return this.s.askedIn
      .all(id)
      .map((a) => ({ kind: a.kind, id: a.conversation_id, count: a.n, lastAskedAt: new Date(a.last).toISOString() }));
  }

  /** The resident whose words `text` is (the latest ask); null when unknown. */
  latestAsker(id: number): string | null {
    return this.s.latestAsker.get(id)?.user_id || null;
  }

  setState(id: number, state: UnansweredState, by: string, at: Date): void {
    this.s.setState.run(state, at.getTime(), by, id);
  }

  /** New questions first asked at or after `since` (the daily digest). */
  countNewSince(since: Date): number {
    return this.s.countNewSince.get(since.getTime())!.n;
  }

  /** Marks today's officers' digest as sent; false when some process already sent it. */
  claimDigestDay(day: string, at: Date, count: number): boolean {
    return this.s.digest.run(day, at.getTime(), count).changes === 1;
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
