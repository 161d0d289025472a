import { phonesAsToken, redactPhones } from "../../text/phone.js";
import type { Migration } from "./index.js";

interface QuestionRow {
  key: string;
  conversation_kind: string;
  sample: string;
  count: number;
  first_seen: number;
  last_seen: number;
}

const m: Migration = {
  name: "personal data: who each inbox event is from, who asked each unanswered question; no phone in a key",
  sql: `
    -- The resident an event is from (or, for the OA's own echo, written to): #xoa and user_withdraw find
    -- the person's events by this column instead of reading every JSON body.
    ALTER TABLE inbox ADD COLUMN user_id TEXT;
    UPDATE inbox SET user_id = CASE
        WHEN event_name LIKE 'oa_send_%' THEN json_extract(body, '$.recipient.id')
        ELSE COALESCE(json_extract(body, '$.sender.id'), json_extract(body, '$.follower.id'), json_extract(body, '$.user_id'))
      END
      WHERE json_valid(body);
    CREATE INDEX inbox_user ON inbox(user_id) WHERE user_id IS NOT NULL;
    -- The replies to one event (group replies to a person who asks to be forgotten).
    CREATE INDEX outbox_inbox ON outbox(inbox_id) WHERE inbox_id IS NOT NULL;

    -- One row per time an unanswered question was asked: who asked, where, the words (phones masked).
    CREATE TABLE unanswered_asks (
      id                INTEGER PRIMARY KEY,
      question_key      TEXT NOT NULL,
      conversation_kind TEXT NOT NULL CHECK (conversation_kind IN ('user','group')),
      conversation_id   TEXT NOT NULL,
      user_id           TEXT NOT NULL,
      text              TEXT NOT NULL,
      asked_at          INTEGER NOT NULL,
      FOREIGN KEY (question_key, conversation_kind) REFERENCES unanswered_questions(key, conversation_kind)
        ON DELETE CASCADE ON UPDATE CASCADE
    );
    CREATE INDEX unanswered_asks_user ON unanswered_asks(user_id);
    CREATE INDEX unanswered_asks_question ON unanswered_asks(question_key, conversation_kind);
  `,
  // Keys written before this migration may hold phone numbers: mask them, merging rows that become one.
  after(db) {
    const rows = db.prepare<[], QuestionRow>("SELECT * FROM unanswered_questions").all();
    const del = db.prepare("DELETE FROM unanswered_questions WHERE key = ? AND conversation_kind = ?");
    const put = db.prepare(
      `INSERT INTO unanswered_questions (key, conversation_kind, sample, count, first_seen, last_seen)
       VALUES (@key, @conversation_kind, @sample, @count, @first_seen, @last_seen)
       ON CONFLICT(key, conversation_kind) DO UPDATE SET count = count + excluded.count,
         first_seen = min(first_seen, excluded.first_seen), last_seen = max(last_seen, excluded.last_seen)`,
    );
    for (const r of rows) {
      const key = phonesAsToken(r.key);
      const sample = redactPhones(r.sample);
      if (key === r.key && sample === r.sample) continue;
      del.run(r.key, r.conversation_kind);
      put.run({ ...r, key, sample });
    }
  },
};
export default m;
