import type { Migration } from "./index.js";

const m: Migration = {
  name: "people: units, officers, completions",
  sql: `
    CREATE TABLE units (
      code          TEXT PRIMARY KEY,
      name          TEXT NOT NULL,
      kind          TEXT NOT NULL CHECK (kind IN ('agency','residential')),
      ward          TEXT NOT NULL,
      base          INTEGER NOT NULL CHECK (base >= 0),
      target_ratio  REAL NOT NULL CHECK (target_ratio > 0 AND target_ratio <= 1),
      target        INTEGER NOT NULL CHECK (target >= 0),
      zalo_group_id TEXT,
      -- JSON array of strings
      aliases       TEXT NOT NULL DEFAULT '[]',
      updated_at    INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX units_group ON units(zalo_group_id) WHERE zalo_group_id IS NOT NULL;
    CREATE INDEX units_ward ON units(ward);

    CREATE TABLE officers (
      zalo_user_id TEXT PRIMARY KEY,
      all_units    INTEGER NOT NULL DEFAULT 0 CHECK (all_units IN (0,1)),
      name         TEXT,
      created_at   INTEGER NOT NULL,
      updated_at   INTEGER NOT NULL
    );
    CREATE TABLE officer_units (
      zalo_user_id TEXT NOT NULL REFERENCES officers(zalo_user_id) ON DELETE CASCADE,
      unit_code    TEXT NOT NULL REFERENCES units(code) ON DELETE CASCADE,
      PRIMARY KEY (zalo_user_id, unit_code)
    ) WITHOUT ROWID;

    -- One record per Zalo user: a second report updates it (first_at stays for the daily chart).
    CREATE TABLE completions (
      zalo_user_id TEXT PRIMARY KEY,
      full_name    TEXT NOT NULL,
      unit_code    TEXT NOT NULL REFERENCES units(code),
      source       TEXT NOT NULL,
      first_at     INTEGER NOT NULL,
      updated_at   INTEGER NOT NULL
    );
    CREATE INDEX completions_unit ON completions(unit_code);
    CREATE INDEX completions_first ON completions(first_at);

    -- Bumped by triggers on every change to units/officers, from any process (the CLI included):
    -- the running bot re-reads its unit index only when this number moved.
    CREATE TABLE people_version (id INTEGER PRIMARY KEY CHECK (id = 1), v INTEGER NOT NULL);
    INSERT INTO people_version (id, v) VALUES (1, 0);
    CREATE TRIGGER units_ins AFTER INSERT ON units BEGIN UPDATE people_version SET v = v + 1; END;
    CREATE TRIGGER units_upd AFTER UPDATE ON units BEGIN UPDATE people_version SET v = v + 1; END;
    CREATE TRIGGER units_del AFTER DELETE ON units BEGIN UPDATE people_version SET v = v + 1; END;
  `,
};
export default m;
