import type { Migration } from "./index.js";

const m: Migration = {
  name: "loop: unanswered work queue, taught phrasings and entries, officer replies, human takeover, daily FAQ outcomes",
  sql: `
    -- The officers' work queue: each question moves new → answered / taught / dismissed (its rowid is its id).
    ALTER TABLE unanswered_questions ADD COLUMN state TEXT NOT NULL DEFAULT 'new';
    ALTER TABLE unanswered_questions ADD COLUMN state_at INTEGER;
    ALTER TABLE unanswered_questions ADD COLUMN state_by TEXT;
    CREATE INDEX unanswered_questions_queue ON unanswered_questions(state, count DESC, last_seen DESC);

    -- What officers taught from the dashboard: a phrasing of an entry, or a new entry. Undo keeps the row.
    CREATE TABLE taught_items (
      id            INTEGER PRIMARY KEY,
      kind          TEXT NOT NULL CHECK (kind IN ('phrasing','entry')),
      entry_id      TEXT NOT NULL,
      -- the question taught (a phrasing of entry_id), as a resident wrote it
      phrasing      TEXT NOT NULL,
      -- a new entry: JSON {title, answer, links}
      entry         TEXT,
      -- rowid of the unanswered question it came from
      unanswered_id INTEGER,
      -- the resident whose words the phrasing quotes (cleared with the phrasing on #xoa / user_withdraw)
      quoted_user   TEXT,
      taught_by     TEXT NOT NULL,
      taught_at     INTEGER NOT NULL,
      undone_at     INTEGER,
      undone_by     TEXT
    );
    CREATE INDEX taught_items_quoted ON taught_items(quoted_user);

    -- An officer's reply to the people who asked a question: one row per recipient, each sent through the outbox.
    CREATE TABLE unanswered_replies (
      id            INTEGER PRIMARY KEY,
      -- rowid of the unanswered question
      item_id       INTEGER NOT NULL,
      text          TEXT NOT NULL,
      sent_by       TEXT NOT NULL,
      created_at    INTEGER NOT NULL
    );
    CREATE TABLE unanswered_reply_targets (
      reply_id      INTEGER NOT NULL REFERENCES unanswered_replies(id) ON DELETE CASCADE,
      kind          TEXT NOT NULL CHECK (kind IN ('user','group')),
      recipient_id  TEXT NOT NULL,
      -- queued: in the outbox (outbox_id); outside_window: a resident's last message is older than Zalo's 7 days
      status        TEXT NOT NULL CHECK (status IN ('queued','outside_window')),
      outbox_id     INTEGER,
      PRIMARY KEY (reply_id, kind, recipient_id)
    ) WITHOUT ROWID;
    CREATE INDEX unanswered_reply_targets_recipient ON unanswered_reply_targets(kind, recipient_id);

    -- A conversation an OA admin answers by hand: the bot stays silent in it until held_until.
    CREATE TABLE human_takeovers (
      user_id     TEXT PRIMARY KEY,
      admin_id    TEXT NOT NULL,
      started_at  INTEGER NOT NULL,
      last_reply  INTEGER NOT NULL,
      held_until  INTEGER NOT NULL,
      dropped     INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX human_takeovers_until ON human_takeovers(held_until);

    -- Per day (Asia/Ho_Chi_Minh): questions answered, offered a choice, fallen back.
    CREATE TABLE faq_outcomes_daily (
      day     TEXT NOT NULL,
      outcome TEXT NOT NULL CHECK (outcome IN ('answered','suggested','fallback')),
      n       INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (day, outcome)
    ) WITHOUT ROWID;

    -- Days the officers' digest went out (so it goes once a day, whichever process sends it).
    CREATE TABLE unanswered_digests (
      day      TEXT PRIMARY KEY,
      sent_at  INTEGER NOT NULL,
      count    INTEGER NOT NULL
    );

    -- A reply dropped because an OA admin answered by hand first: 'dropped' joins the outbox statuses.
    CREATE TABLE outbox_next (
      id              INTEGER PRIMARY KEY,
      inbox_id        INTEGER REFERENCES inbox(id) ON DELETE SET NULL,
      recipient_kind  TEXT NOT NULL CHECK (recipient_kind IN ('user','group')),
      recipient_id    TEXT NOT NULL,
      text            TEXT NOT NULL,
      status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','failed','dry_run','dropped')),
      attempts        INTEGER NOT NULL DEFAULT 0,
      error           TEXT,
      message_id      TEXT,
      created_at      INTEGER NOT NULL,
      sent_at         INTEGER,
      quota_type      TEXT,
      quota_remain    INTEGER,
      quota_total     INTEGER,
      refusal_code    INTEGER
    );
    INSERT INTO outbox_next (id, inbox_id, recipient_kind, recipient_id, text, status, attempts, error, message_id, created_at, sent_at,
        quota_type, quota_remain, quota_total, refusal_code)
      SELECT id, inbox_id, recipient_kind, recipient_id, text, status, attempts, error, message_id, created_at, sent_at,
        quota_type, quota_remain, quota_total, refusal_code FROM outbox;
    DROP TABLE outbox;
    ALTER TABLE outbox_next RENAME TO outbox;
    CREATE INDEX outbox_open ON outbox(status, id) WHERE status IN ('pending','sending');
    CREATE INDEX outbox_recipient ON outbox(recipient_kind, recipient_id);
    CREATE INDEX outbox_inbox ON outbox(inbox_id) WHERE inbox_id IS NOT NULL;
    CREATE INDEX outbox_refused ON outbox(created_at) WHERE refusal_code IS NOT NULL;
  `,
};
export default m;
