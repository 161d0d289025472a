import type { Migration } from "./index.js";

const m: Migration = {
  name: "faq: unanswered questions, by normalised text and conversation kind",
  sql: `
    CREATE TABLE unanswered_questions (
      key               TEXT NOT NULL,
      conversation_kind TEXT NOT NULL CHECK (conversation_kind IN ('user','group')),
      sample            TEXT NOT NULL,
      count             INTEGER NOT NULL DEFAULT 1,
      first_seen        INTEGER NOT NULL,
      last_seen         INTEGER NOT NULL,
      PRIMARY KEY (key, conversation_kind)
    );
    CREATE INDEX unanswered_by_count ON unanswered_questions(count DESC, last_seen DESC);
  `,
};
export default m;
