import type { Migration } from "./index.js";

const m: Migration = {
  name: "core: webhook inbox, outbox, tokens, dialog sessions",
  sql: `
    CREATE TABLE inbox (
      id               INTEGER PRIMARY KEY,
      dedupe_key       TEXT NOT NULL UNIQUE,
      event_name       TEXT NOT NULL,
      conversation_key TEXT NOT NULL,
      body             TEXT NOT NULL,
      status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','done','failed','ignored')),
      attempts         INTEGER NOT NULL DEFAULT 0,
      last_error       TEXT,
      received_at      INTEGER NOT NULL,
      handled_at       INTEGER
    );
    CREATE INDEX inbox_pending ON inbox(status, id) WHERE status = 'pending';
    CREATE INDEX inbox_received ON inbox(received_at);

    CREATE TABLE outbox (
      id              INTEGER PRIMARY KEY,
      inbox_id        INTEGER REFERENCES inbox(id) ON DELETE SET NULL,
      recipient_kind  TEXT NOT NULL CHECK (recipient_kind IN ('user','group')),
      recipient_id    TEXT NOT NULL,
      text            TEXT NOT NULL,
      status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','sending','sent','failed','dry_run')),
      attempts        INTEGER NOT NULL DEFAULT 0,
      error           TEXT,
      message_id      TEXT,
      created_at      INTEGER NOT NULL,
      sent_at         INTEGER
    );
    CREATE INDEX outbox_open ON outbox(status, id) WHERE status IN ('pending','sending');
    CREATE INDEX outbox_recipient ON outbox(recipient_kind, recipient_id);

    CREATE TABLE zalo_tokens (
      id            INTEGER PRIMARY KEY CHECK (id = 1),
      access_token  TEXT NOT NULL,
      refresh_token TEXT,
      expires_at    INTEGER NOT NULL,
      updated_at    INTEGER NOT NULL,
      -- fingerprint of the env tokens this row was seeded from: new env tokens (a re-authorisation) win
      env_fingerprint TEXT,
      -- cross-process refresh lease: refresh tokens are single-use, so only one refresher at a time
      lock_owner    TEXT,
      lock_until    INTEGER
    );

    CREATE TABLE dialog_sessions (
      session_key TEXT PRIMARY KEY,
      kind        TEXT NOT NULL,
      data        TEXT NOT NULL,
      expires_at  INTEGER NOT NULL
    );
  `,
};
export default m;
