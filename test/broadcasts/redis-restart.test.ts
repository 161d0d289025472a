import { spawnSync } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { type OwnRedis, startOwnRedis } from "../helpers/own-redis.js";
import { startBroadcastEnv, unitsCsv, type BroadcastEnv } from "./broadcast-setup.js";

const hasRedisServer = spawnSync("sh", ["-c", "command -v redis-server"]).status === 0;
const GROUPS = 300;

let env: BroadcastEnv | undefined;
let redis: OwnRedis | undefined;
afterEach(async () => {
  await env?.close().catch(() => {});
  await redis?.stop();
  env = undefined;
});

describe.skipIf(!hasRedisServer)("Redis restarted half way through a broadcast", () => {
  it("every group still gets exactly one message (the SQLite ledger re-queues what Redis lost)", async () => {
    redis = await startOwnRedis();
    env = await startBroadcastEnv({
      units: unitsCsv(GROUPS),
      env: { REDIS_URL: redis.url, BROADCAST_RATE_PER_SEC: "100" },
    });
    env.fake.respond(() => ({ delayMs: 5 }));
    const body = await (await env.admin("/admin/broadcasts", { scope: "behind" })).json();
    expect(body.targets).toBe(GROUPS);
    const end = Date.now() + 20_000;
    while (env.fake.requests.length < GROUPS / 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    await redis.kill();
    // The bot's connection has noticed the outage: what was sent by then is all that went before it.
    await expect.poll(() => env!.bot.rt.redis?.status, { timeout: 10_000 }).not.toBe("ready");
    const duringOutage = env.fake.requests.length;
    expect(duringOutage).toBeLessThan(GROUPS);
    await redis.restart();

    const report = await env.waitDone(body.id, 60_000);
    const counts = new Map<string, number>();
    for (const m of env.fake.requests) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(counts.size).toBe(GROUPS);
    expect(report).toMatchObject({ sent: GROUPS, failed: 0 });
  }, 90_000);
});
