import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { BROADCAST_QUEUE } from "../../src/broadcasts/broadcast-queue.js";
import { parseUnitsCsv } from "../../src/people/units-csv.js";
import { startFakeZalo, type FakeZalo } from "../helpers/fake-zalo-server.js";
import { TEST_REDIS_URL } from "../helpers/redis.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";

export const ADMIN = "admin-token-for-tests";
/** Inside the campaign, 10:00 in Hải Phòng: not quiet hours. */
export const DURING = "2025-11-01T10:00:00+07:00";

/** n residential units of base 100 (target 70); unit i has `completed(i)` completions and group g-i. */
export function unitsCsv(n: number, opts: { groupless?: number[] } = {}): string {
  const rows = ["code,name,kind,ward,base,target_ratio,zalo_group_id,aliases"];
  for (let i = 0; i < n; i++) {
    const group = opts.groupless?.includes(i) ? "" : `g-${i}`;
    rows.push(`T${i},Tổ dân phố ${i},residential,An Dương,100,,${group},`);
  }
  return rows.join("\n");
}

export interface BroadcastEnv {
  bot: TestBot;
  fake: FakeZalo;
  prefix: string;
  admin(path: string, body?: unknown): Promise<Response>;
  waitDone(id: string, ms?: number): Promise<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startBroadcastEnv(o: {
  units: string;
  completed?: (i: number) => number;
  env?: Record<string, string>;
  worker?: boolean;
  dir?: string;
  /** The Zalo API budget's window (ZALO_API_RATE_PER_MIN per this many ms). */
  apiBudgetWindowMs?: number;
}): Promise<BroadcastEnv> {
  const fake = await startFakeZalo();
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const bot = await startTestBot(
    {
      // The API budget is not what this measures: let every call through.
      ZALO_API_RATE_PER_MIN: "1000000",
      ZALO_ACCESS_TOKEN: "fake-access-1",
      ZALO_API_BASE_URL: fake.url,
      ZALO_OAUTH_BASE_URL: fake.url,
      REDIS_URL: TEST_REDIS_URL,
      BULLMQ_PREFIX: prefix,
      BOT_NOW: DURING,
      ADMIN_TOKEN: ADMIN,
      BROADCAST_RATE_PER_SEC: "50",
      ...o.env,
    },
    {
      redis: true,
      worker: o.worker ?? true,
      workerOptions: { backoffBaseMs: 20, backoffCapMs: 100, rateLimitWaitMs: 200, lockDurationMs: 2000, interruptedSettleMs: 200 },
      dir: o.dir,
      apiBudgetWindowMs: o.apiBudgetWindowMs,
    },
  );
  const parsed = parseUnitsCsv(o.units);
  if (!parsed.ok) throw new Error("bad test CSV");
  const people = bot.rt.services.people;
  people.units.upsertAll(parsed.units, new Date());
  parsed.units.forEach((u, i) => {
    for (let k = 0; k < (o.completed?.(i) ?? 0); k++) {
      people.completions.upsert({ zaloUserId: `${u.code}-p${k}`, fullName: "Lê Thu Hà", unitCode: u.code, source: "command" }, new Date());
    }
  });
  // The shared fail-fast connection must be up before requests.
  for (let i = 0; i < 50 && bot.rt.redis?.status !== "ready"; i++) await new Promise((r) => setTimeout(r, 50));

  const admin = (path: string, body?: unknown) =>
    fetch(`${bot.url}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    bot,
    fake,
    prefix,
    admin,
    async waitDone(id, ms = 15_000) {
      const end = Date.now() + ms;
      let last: Record<string, unknown> = {};
      while (Date.now() < end) {
        last = (await (await admin(`/admin/broadcasts/${id}`)).json()) as Record<string, unknown>;
        if (last.status === "done") return last;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`broadcast ${id} not done: ${JSON.stringify(last).slice(0, 300)}`);
    },
    async close() {
      await bot.close();
      await fake.close();
      await cleanRedis(prefix);
    },
  };
}

export async function cleanRedis(prefix: string, url = TEST_REDIS_URL): Promise<void> {
  const r = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const keys = await r.keys(`${prefix}:*`);
    for (let i = 0; i < keys.length; i += 500) await r.del(...keys.slice(i, i + 500));
  } finally {
    r.disconnect();
  }
}

/** The reminder queue as BullMQ sees it, on its own connection, for looking inside from a test. */
export function inspectQueue(prefix: string, url = TEST_REDIS_URL): { queue: Queue; close(): Promise<void> } {
  const conn = new Redis(url, { maxRetriesPerRequest: null });
  const queue = new Queue(BROADCAST_QUEUE, { connection: conn, prefix });
  return {
    queue,
    async close() {
      await queue.close();
      conn.disconnect();
    },
  };
}
