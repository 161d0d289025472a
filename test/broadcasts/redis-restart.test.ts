import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startBroadcastEnv, unitsCsv, type BroadcastEnv } from "./broadcast-setup.js";

const hasRedisServer = spawnSync("sh", ["-c", "command -v redis-server"]).status === 0;
const GROUPS = 300;

async function freePort(): Promise<number> {
  const s = createServer().listen(0, "127.0.0.1");
  await new Promise((r) => s.once("listening", r));
  const port = (s.address() as { port: number }).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** A throwaway redis-server that keeps nothing on disk: a restart loses every queued job. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  const { Redis } = await import("ioredis");
  const end = Date.now() + 5000;
  for (;;) {
    const r = new Redis(port, "127.0.0.1", { maxRetriesPerRequest: 0, lazyConnect: true, retryStrategy: () => null });
    r.on("error", () => {});
    try {
      await r.connect();
      await r.ping();
      r.disconnect();
      return child;
    } catch {
      r.disconnect();
      if (Date.now() > end) throw new Error("redis-server did not start");
      await new Promise((res) => setTimeout(res, 50));
    }
  }
}

let env: BroadcastEnv | undefined;
let redis: ChildProcess | undefined;
afterEach(async () => {
  await env?.close().catch(() => {});
  redis?.kill("SIGKILL");
  env = undefined;
});

describe.skipIf(!hasRedisServer)("Redis restarted half way through a broadcast", () => {
  it("every group still gets exactly one message (the SQLite ledger re-queues what Redis lost)", async () => {
    const port = await freePort();
    redis = await startRedis(port);
    env = await startBroadcastEnv({
      units: unitsCsv(GROUPS),
      env: { REDIS_URL: `redis://127.0.0.1:${port}`, BROADCAST_RATE_PER_SEC: "100" },
    });
    env.fake.respond(() => ({ delayMs: 5 }));
    const body = await (await env.admin("/admin/broadcasts", { scope: "behind" })).json();
    expect(body.targets).toBe(GROUPS);
    const end = Date.now() + 20_000;
    while (env.fake.requests.length < GROUPS / 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
    redis.kill("SIGKILL");
    await new Promise((r) => setTimeout(r, 1500));
    const duringOutage = env.fake.requests.length;
    expect(duringOutage).toBeLessThan(GROUPS);
    redis = await startRedis(port);

    const report = await env.waitDone(body.id, 60_000);
    const counts = new Map<string, number>();
    for (const m of env.fake.requests) counts.set(m.to, (counts.get(m.to) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(counts.size).toBe(GROUPS);
    expect(report).toMatchObject({ sent: GROUPS, failed: 0 });
  }, 90_000);
});
