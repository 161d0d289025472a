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
    // The API budget is not what this measures: let every call through.
    ZALO_API_RATE_PER_MIN: "1000000",
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
  const child = spawn(process.execPath, ["--import", "tsx", "src/worker.ts"], {
    env: { ...process.env, ...env, BROADCAST_WORKER_LOCK_MS: "1500", BROADCAST_WORKER_SETTLE_MS: "300" },
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
  it("SIGKILL twice during 500 groups, in the middle of sends: every group gets exactly one message", async () => {
    const fake = await startFakeZalo();
    cleanup.push(() => fake.close());
    const { env, rt, id } = await queueBroadcast(fake);
    // Killed from inside the fake, the moment a chosen request arrives: the rest of that tenth-second batch
    // is then claimed but not yet on the wire, and this one is received but not answered.
    let worker: ChildProcess | null = null;
    const killAt = new Set([150 + Math.floor(Math.random() * 50), 300 + Math.floor(Math.random() * 50)]);
    fake.respond((_m, nth) => {
      if (killAt.has(nth)) worker?.kill("SIGKILL");
      return { delayMs: 15 };
    });
    for (let run = 0; run < 2; run++) {
      worker = startWorker(env);
      await new Promise((r) => worker!.once("exit", r));
    }
    expect(fake.requests.length).toBeLessThan(GROUPS);
    startWorker(env);
    await until(() => rt.services.broadcasts.report(id)?.status === "done", 60_000, "the broadcast to finish");
    const counts = perGroup(fake);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]); // no group twice
    expect(counts.size).toBe(GROUPS); // no group missing
    // Sends cut off by the kills were settled from the groups' history: none left uncertain.
    expect(fake.historyCalls).toBeGreaterThan(0);
    expect(rt.services.broadcasts.report(id)).toMatchObject({ sent: GROUPS, failed: 0 });
  }, 90_000);
});
