import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startFakeZalo, type FakeZalo } from "../helpers/fake-zalo-server.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";

export const ADMIN_TOKEN = "loop-test-admin-token";
export const DURING = "2025-10-20T09:00:00+07:00";

/** A question content/ does not cover, a rewording of it, and the entry that answers both. */
export const UNCOVERED = "người khiếm thính có được nhờ con làm hộ bài thi không";
export const REWORDED = "người khiếm thính nhờ người nhà thi hộ được không";
export const ENTRY = "mot-tai-khoan";

export interface LoopWorld {
  bot: TestBot;
  fake: FakeZalo;
  /** A copy of content/ the bot reads and `content export` writes. */
  contentDir: string;
  /** The bot's data folder (kept across restarts). */
  dataDir: string;
  env: Record<string, string>;
  api(method: string, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }>;
  /** Restarts the bot on the same SQLite file and content folder, optionally with other env. */
  restart(env?: Record<string, string>): Promise<void>;
  close(): Promise<void>;
}

/** The real bot against a fake Zalo, with its own copy of content/ and an admin token. */
export async function startLoopWorld(env: Record<string, string> = {}): Promise<LoopWorld> {
  const fake = await startFakeZalo();
  const contentDir = mkdtempSync(join(tmpdir(), "loop-content-"));
  cpSync("content", contentDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), "loop-data-"));
  const baseEnv = {
    ADMIN_TOKEN,
    BOT_NOW: DURING,
    CONTENT_DIR: contentDir,
    ZALO_ACCESS_TOKEN: "fake-access-1",
    ZALO_API_BASE_URL: fake.url,
    ZALO_OAUTH_BASE_URL: fake.url,
    ...env,
  };
  const world: LoopWorld = {
    bot: await startTestBot(baseEnv, { dir: dataDir }),
    fake,
    contentDir,
    dataDir,
    env: baseEnv,
    async api(method, path, body) {
      const res = await fetch(`${world.bot.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    },
    async restart(more = {}) {
      await world.bot.close(false);
      world.env = { ...baseEnv, ...more };
      world.bot = await startTestBot(world.env, { dir: dataDir });
    },
    async close() {
      await world.bot.close(false);
      await fake.close();
      rmSync(contentDir, { recursive: true, force: true });
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return world;
}

/** What the fake Zalo delivered to one user or group, in order. */
export function deliveredTo(fake: FakeZalo, to: string): string[] {
  return fake.delivered.filter((m) => m.to === to).map((m) => m.text);
}
