import type { Migration } from "./index.js";

const m: Migration = {
  name: "broadcasts: requests and per-target ledger",
  sql: `
    CREATE TABLE broadcasts (
      id            TEXT PRIMARY KEY,
      status        TEXT NOT NULL CHECK (status IN ('draft','queued','running','done')),
      scope         TEXT NOT NULL,
      message       TEXT,
      force         INTEGER NOT NULL DEFAULT 0,
      requested_by  TEXT NOT NULL,
      -- where the summary goes when the broadcast ends ("user:<id>" or "group:<id>"), if anyone asked in chat
      notify        TEXT,
      summary_sent  INTEGER NOT NULL DEFAULT 0,
      created_at    INTEGER NOT NULL,
      finished_at   INTEGER
    );
    CREATE INDEX broadcasts_created ON broadcasts(created_at);

    -- One row per (broadcast, group): written before and after each send, so a re-run job never sends twice.
    CREATE TABLE broadcast_targets (
      broadcast_id TEXT NOT NULL REFERENCES broadcasts(id) ON DELETE CASCADE,
      group_id     TEXT NOT NULL,
      unit_code    TEXT NOT NULL,
      unit_name    TEXT NOT NULL,
      text         TEXT NOT NULL,
      status       TEXT NOT NULL CHECK (status IN ('queued','sending','sent','failed','skipped')),
      error        TEXT,
      attempts     INTEGER NOT NULL DEFAULT 0,
      message_id   TEXT,
      updated_at   INTEGER NOT NULL,
      sent_at      INTEGER,
      PRIMARY KEY (broadcast_id, group_id)
    );
    CREATE INDEX broadcast_targets_group_sent ON broadcast_targets(group_id, sent_at) WHERE status = 'sent';
    CREATE INDEX broadcast_targets_open ON broadcast_targets(broadcast_id, status);
  `,
};
export default m;
