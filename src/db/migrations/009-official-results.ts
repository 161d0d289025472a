import type { Migration } from "./index.js";

const m: Migration = {
  name: "official results: per-unit figures and per-person lists imported by officers",
  sql: `
    -- One row per import applied (not per dry run): what, when, from which file.
    CREATE TABLE result_imports (
      id          INTEGER PRIMARY KEY,
      shape       TEXT NOT NULL CHECK (shape IN ('unit','person')),
      file_name   TEXT NOT NULL,
      rows        INTEGER NOT NULL,
      imported_at INTEGER NOT NULL
    );

    -- The latest official figure per unit; a later import covering the unit replaces it.
    -- chat_after: chat reports first made at or after this instant (the day after as_of, Vietnam time)
    -- count on top of the official figure.
    CREATE TABLE official_results (
      unit_code  TEXT PRIMARY KEY REFERENCES units(code) ON DELETE CASCADE,
      completed  INTEGER NOT NULL CHECK (completed >= 0),
      as_of      TEXT NOT NULL,
      chat_after INTEGER NOT NULL,
      shape      TEXT NOT NULL CHECK (shape IN ('unit','person')),
      import_id  INTEGER NOT NULL REFERENCES result_imports(id)
    ) WITHOUT ROWID;

    -- Per-person official lists (names only: a phone column is read to tell namesakes apart, never stored).
    -- name_key is the name folded (no marks, lower case) for matching with chat reports.
    CREATE TABLE official_people (
      id           INTEGER PRIMARY KEY,
      unit_code    TEXT NOT NULL REFERENCES units(code) ON DELETE CASCADE,
      full_name    TEXT NOT NULL,
      name_key     TEXT NOT NULL,
      completed_on TEXT NOT NULL,
      import_id    INTEGER NOT NULL REFERENCES result_imports(id)
    );
    CREATE INDEX official_people_unit ON official_people(unit_code, name_key);
  `,
};
export default m;
