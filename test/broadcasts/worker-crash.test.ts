import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { silentLogger } from "../../src/observability/logger.js";
import { parseUnitsCsv } from "../../src/people/units-csv.js";
import { createRuntime } from "../../src/runtime.js";
import { startFakeZalo, type FakeZalo } from "../helpers/fake-zalo-server.js";
import { TEST_REDIS_URL } from "../helpers/redis.js";
import { cleanRedis, DURING, unitsCsv } from "./broadcast-setup.js";

const GROUPS = 500;
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

async function until(check: () => boolean, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Queues a broadcast to GROUPS behind groups from a process without a worker; returns its env. */
async function queueBroadcast(fake: FakeZalo) {
  const dir = mkdtempSync(join(tmpdir(), "bc-crash-"));
  const prefix = `t${randomUUID().slice(0, 8)}`;
  const env = {
    DATABASE_PATH: join(dir, "bot.db"),
    REDIS_URL: TEST_REDIS_URL,
    BULLMQ_PREFIX: prefix,
    ZALO_ACCESS_TOKEN: "fake-access-1",
    ZALO_API_BASE_URL: fake.url,
    ZALO_OAUTH_BASE_URL: fake.url,
    BOT_NOW: DURING,
    BROADCAST_RATE_PER_SEC: "100",
    LOG_LEVEL: "silent",
  };
  const rt = createRuntime(loadConfig(env), { logger: silentLogger, redis: true });
  const parsed = parseUnitsCsv(unitsCsv(GROUPS));
  if (!parsed.ok) throw new Error("bad csv");
  rt.services.people.units.upsertAll(parsed.units, new Date());
  await until(() => rt.redis?.status === "ready", 5000, "redis");
  const r = await rt.services.broadcasts.request({ scope: "behind", requestedBy: "test" });
  expect(r.targets).toBe(GROUPS);
  cleanup.push(async () => {
    await rt.close();
    rmSync(dir, { recursive: true, force: true });
    await cleanRedis(prefix);
  });
  return { env, rt, id: r.id };
}

function startWorker(env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/broadcasts/worker-main.ts"], {
    env: { ...process.env, ...env, BROADCAST_WORKER_LOCK_MS: "1500" },
    stdio: "ignore",
  });
  cleanup.push(() => void child.kill("SIGKILL"));
  return child;
}

const perGroup = (fake: FakeZalo) => {
  const m = new Map<string, number>();
  for (const x of fake.delivered) m.set(x.to, (m.get(x.to) ?? 0) + 1);
  return m;
};

describe("broadcast worker killed half way", () => {
  it("SIGKILL during 500 groups, then a restart: every group gets exactly one message", async () => {
    const fake = await startFakeZalo();
    cleanup.push(() => fake.close());
    // Slow enough answers that the kill usually lands while sends are in flight.
    fake.respond(() => ({ delayMs: 15 }));
    const { env, rt, id } = await queueBroadcast(fake);
    const first = startWorker(env);
    await until(() => fake.requests.length >= GROUPS / 2, 30_000, "half the groups");
    first.kill("SIGKILL");
    await new Promise((r) => first.once("exit", r));
    const atKill = fake.requests.length;
    expect(atKill).toBeLessThan(GROUPS);

    startWorker(env);
    await until(() => rt.services.broadcasts.report(id)?.status === "done", 60_000, "the broadcast to finish");
    const counts = perGroup(fake);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]); // no group twice
    expect(counts.size).toBe(GROUPS); // no group missing
    const report = rt.services.broadcasts.report(id)!;
    // A send cut off mid-call is reported as uncertain, not resent.
    expect(report.sent + report.failed).toBe(GROUPS);
  }, 90_000);
});
