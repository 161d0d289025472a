import { existsSync, mkdtempSync, rmSync } from "node:fs";
import Database from "better-sqlite3";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildHandlers, fallback } from "../../handlers/index.js";
import { Bot } from "../bot/bot.js";
import { buildServices } from "../bot/build-services.js";
import type { Services } from "../bot/services.js";
import { clockFromEnv } from "../clock.js";
import { loadCampaign } from "../content/campaign.js";
import { loadConfig, loadDotEnv, type Config } from "../config.js";
import { openDatabase, type Db } from "../db/database.js";
import { createLogger } from "../observability/logger.js";
import { userMessageEvent, type ZaloEvent } from "../zalo/zalo-events.js";

export interface OfflineBot {
  bot: Bot;
  services: Services;
  config: Config;
  db: Db;
  /** The bot's database (DATABASE_PATH), and whether this one is a copy of it (false: it did not exist yet). */
  source: { path: string; copied: boolean };
  /** Closes the database and deletes the throwaway folder. */
  close(): void;
}

/**
 * The same Bot, handlers and services as the webhook, on a throwaway SQLite file, without Redis and
 * without Zalo (dry-run outbound). When the bot's database (DATABASE_PATH) exists, the throwaway file is a
 * copy of it, so units, officers and what officers taught are there; nothing is ever written to the real one.
 * Logs go to stderr, and only when LOG_LEVEL is set. `overrides` win over the environment (CONTENT_DIR, BOT_NOW).
 */
export function createOfflineBot(overrides: Readonly<Record<string, string>> = {}): OfflineBot {
  loadDotEnv();
  const source = loadConfig({ ...process.env, ...overrides }).DATABASE_PATH;
  const dir = mkdtempSync(join(tmpdir(), "zalo-bot-ask-"));
  const copied = source !== ":memory:" && existsSync(source);
  if (copied) copyWithoutTranscripts(source, join(dir, "bot.db"));
  const config = loadConfig({ ...process.env, ...overrides, DATABASE_PATH: join(dir, "bot.db") });
  const logger = createLogger(process.env.LOG_LEVEL ? config.LOG_LEVEL : "silent", process.stderr);
  const db = openDatabase(config.DATABASE_PATH);
  const clock = clockFromEnv(config.BOT_NOW);
  const services = buildServices({ config, db, clock, logger, campaign: loadCampaign(config.CONTENT_DIR), broadcastQueue: null });
  const bot = new Bot(services, buildHandlers(), fallback, logger);
  return {
    bot,
    services,
    config,
    db,
    source: { path: source, copied },
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A consistent snapshot of the bot's database (read-only: the running bot may be writing), without the
 * conversations it holds (inbox, outbox, dialog steps): a terminal session needs units, not people's messages.
 */
function copyWithoutTranscripts(source: string, target: string): void {
  const src = new Database(source, { readonly: true, fileMustExist: true });
  try {
    src.exec(`VACUUM INTO '${target.replaceAll("'", "''")}'`);
  } finally {
    src.close();
  }
  const copy = new Database(target);
  copy.pragma("secure_delete = ON");
  for (const t of ["inbox", "outbox", "dialog_sessions"]) {
    if (copy.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t)) copy.exec(`DELETE FROM ${t}`);
  }
  copy.close();
}

let seq = 0;

/** A `user_send_text` event as Zalo would deliver it, from the given user. */
function textEvent(userId: string, text: string, at: Date): ZaloEvent {
  const data = userMessageEvent.parse({
    app_id: "offline",
    event_name: "user_send_text",
    timestamp: String(at.getTime()),
    sender: { id: userId },
    recipient: { id: "offline-oa" },
    message: { msg_id: `offline-${process.pid}-${++seq}`, text },
  });
  return { family: "user_message", data };
}

/** Asks one question as the given user; the reply is every message it would receive, joined by "\n". */
export async function askOnce(ob: OfflineBot, userId: string, text: string): Promise<{ intent: string | null; reply: string }> {
  const res = await ob.bot.handle(textEvent(userId, text, ob.services.clock.now()));
  return { intent: res.intent, reply: res.replies.map((r) => r.text).join("\n") };
}
