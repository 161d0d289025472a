import Database from "better-sqlite3";
import { DatabaseOpenError } from "../errors.js";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { mentionsName } from "../text/name-mention.js";
import { migrations } from "./migrations/index.js";

export type Db = Database.Database;

/**
 * Opens (creating folder and file) the SQLite database and applies pending migrations.
 * WAL + synchronous=NORMAL: a process crash (even SIGKILL) loses no committed transaction; only an OS
 * crash or power loss may lose the last few. It keeps an inbox insert at tens of microseconds.
 */
export function openDatabase(path: string): Db {
  let db: Db;
  try {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    db = new Database(path);
    db.pragma("journal_mode = WAL");
    // A write now, so a read-only file or folder fails here with its name, not at the first message.
    db.pragma(`user_version = ${db.pragma("user_version", { simple: true }) as number}`);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new DatabaseOpenError(path, e.code ?? e.message);
  }
  db.pragma("synchronous = NORMAL");
  db.pragma("busy_timeout = 5000");
  db.pragma("foreign_keys = ON");
  // For erasing a person (#xoa): finds their name in stored texts whatever the case, marks or spacing.
  db.function("mentions_name", { deterministic: true }, (text: unknown, name: unknown) =>
    typeof text === "string" && typeof name === "string" && name !== "" && mentionsName(text, name) ? 1 : 0,
  );
  migrate(db);
  return db;
}

/** Applies migrations newer than PRAGMA user_version, all in one transaction. */
export function migrate(db: Db): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  if (current > migrations.length) {
    throw new Error(`database schema version ${current} is newer than this code knows (${migrations.length}); upgrade the bot`);
  }
  if (current === migrations.length) return;
  db.transaction(() => {
    for (let v = current; v < migrations.length; v++) {
      db.exec(migrations[v]!.sql);
      migrations[v]!.after?.(db);
    }
    db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
}

export function isDbHealthy(db: Db): boolean {
  try {
    return db.prepare("SELECT 1 AS ok").get() !== undefined;
  } catch {
    return false;
  }
}
