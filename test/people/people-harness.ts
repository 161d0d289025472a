import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { HandleResult } from "../../src/inbox/event-handler.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { createPeopleServices, type PeopleServices } from "../../src/people/people-services.js";
import { parseUnitsCsv } from "../../src/people/units-csv.js";
import { classifyEventName, parseEvent } from "../../src/zalo/zalo-events.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";

export const WINDOW = {
  start: new Date("2025-10-11T00:00:00+07:00"),
  end: new Date("2025-11-11T23:59:59+07:00"),
};

export const EXAMPLE_CSV = join(import.meta.dirname, "../../content/units.example.csv");

/** A fresh SQLite file in a tmp dir with the people services on it. */
export function tmpPeople(): { db: Db; people: PeopleServices; dir: string; close(): void } {
  const dir = mkdtempSync(join(tmpdir(), "people-test-"));
  const db = openDatabase(join(dir, "bot.db"));
  return {
    db,
    dir,
    people: createPeopleServices(db, WINDOW),
    close() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Imports content/units.example.csv (phường An Dương, 25 units). */
export function importExample(people: PeopleServices): void {
  const parsed = parseUnitsCsv(readFileSync(EXAMPLE_CSV));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  people.units.upsertAll(parsed.units, new Date("2025-10-12T00:00:00+07:00"));
}

export interface ChatBot extends TestBot {
  people: PeopleServices;
  /** Runs one raw event (a test/helpers/zalo-events fixture) through the bot, without HTTP. */
  handle(raw: Record<string, unknown>): Promise<HandleResult>;
  /** The texts the bot answered with, joined. */
  say(raw: Record<string, unknown>): Promise<{ intent: string | null; text: string }>;
}

/** The real runtime (SQLite in a tmp dir, no Redis) with the example ward imported. */
export async function startChatBot(env: Record<string, string> = {}, withUnits = true): Promise<ChatBot> {
  const bot = await startTestBot({ BOT_NOW: "2025-10-27T12:00:00+07:00", ...env });
  const people = bot.rt.services.people;
  if (withUnits) importExample(people);
  const handle = (raw: Record<string, unknown>) => {
    const cls = classifyEventName(String(raw.event_name));
    if (!cls.handled) throw new Error(`not a handled event: ${String(raw.event_name)}`);
    return bot.rt.bot.handle(parseEvent(raw, cls));
  };
  return {
    ...bot,
    people,
    handle,
    async say(raw) {
      const r = await handle(raw);
      return { intent: r.intent, text: r.replies.map((m) => m.text).join("\n") };
    },
  };
}
