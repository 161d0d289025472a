import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.js";
import { silentLogger } from "../src/observability/logger.js";
import { parseUnitsCsv } from "../src/people/units-csv.js";
import { createRuntime } from "../src/runtime.js";
import { cleanRedis, unitsCsv } from "../test/broadcasts/broadcast-setup.js";
import { expectedBroadcastMinutes } from "../src/zalo/api-budget.js";
import { startFakeZalo } from "../test/helpers/fake-zalo-server.js";

/**
 * npm run bench:broadcast [-- <groups> <limit/s>]: one broadcast to N groups through BullMQ and the real
 * worker against a local fake Zalo API, at the configured limit. Prints the achieved rate against the limit,
 * and how many groups got a message twice or not at all.
 */
const groups = Number(process.argv[2] ?? 5000);
const limit = Number(process.argv[3] ?? 100);
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const dir = mkdtempSync(join(tmpdir(), "bc-bench-"));
const prefix = `bench${randomUUID().slice(0, 8)}`;
const fake = await startFakeZalo();
fake.respond(() => ({ delayMs: 5 })); // a little network-like latency

const rt = createRuntime(
  loadConfig({
    DATABASE_PATH: join(dir, "bot.db"),
    REDIS_URL: redisUrl,
    BULLMQ_PREFIX: prefix,
    // The API budget is not what this measures: let every call through.
    ZALO_API_RATE_PER_MIN: "1000000",
    ZALO_ACCESS_TOKEN: "bench-token",
    ZALO_API_BASE_URL: fake.url,
    ZALO_OAUTH_BASE_URL: fake.url,
    BOT_NOW: "2025-11-01T10:00:00+07:00",
    BROADCAST_RATE_PER_SEC: String(limit),
    LOG_LEVEL: "silent",
  }),
  { logger: silentLogger, redis: true, worker: true },
);
try {
  const parsed = parseUnitsCsv(unitsCsv(groups));
  if (!parsed.ok) throw new Error("bad CSV");
  rt.services.people.units.upsertAll(parsed.units, new Date());
  for (let i = 0; i < 100 && rt.redis?.status !== "ready"; i++) await new Promise((r) => setTimeout(r, 50));
  const t0 = performance.now();
  const { id, targets } = await rt.services.broadcasts.request({ scope: "behind", requestedBy: "bench" });
  console.log(`queued ${targets} jobs in ${(performance.now() - t0).toFixed(0)} ms; limit ${limit}/s`);
  let last = -1;
  const deadline = Date.now() + (groups / limit) * 3000 + 30_000;
  while (rt.services.broadcasts.report(id)?.status !== "done" && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 1000));
    if (fake.requests.length !== last) {
      last = fake.requests.length;
      process.stdout.write(`  ${last}/${groups} sent\r`);
    }
  }
  const times = fake.delivered.map((m) => m.at).sort((a, b) => a - b);
  const seconds = (times[times.length - 1]! - times[0]!) / 1000;
  // n messages spread over n-1 intervals of 1/limit seconds at the exact limit.
  const achieved = (times.length - 1) / seconds;
  // Peak: the most messages seen inside any one-second window (must not exceed the limit by much).
  let peak = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i]! - times[j]! >= 1000) j++;
    peak = Math.max(peak, i - j + 1);
  }
  const perGroup = new Map<string, number>();
  for (const m of fake.requests) perGroup.set(m.to, (perGroup.get(m.to) ?? 0) + 1);
  const duplicates = [...perGroup.values()].filter((n) => n > 1).length;
  const missing = groups - perGroup.size;
  console.log(
    `\n${fake.delivered.length} messages in ${seconds.toFixed(1)} s: ${achieved.toFixed(1)}/s achieved, peak ${peak} in one second`,
  );
  // This run lets every call through; on a real OA the one API budget (ZALO_API_RATE_PER_MIN, default 100,
  // reminders up to 80% of it) sets the pace.
  const budget = Number(process.env.ZALO_API_RATE_PER_MIN) || 100;
  console.log(
    `expected duration under ZALO_API_RATE_PER_MIN=${budget}: ${expectedBroadcastMinutes(groups, budget)} min for ${groups} groups`,
  );
  console.log(
    `RESULT rate_ratio=${(achieved / limit).toFixed(3)} duplicates=${duplicates} missing=${missing} expected_minutes_under_budget=${expectedBroadcastMinutes(groups, budget)}`,
  );
  process.exitCode = achieved / limit >= 0.95 && duplicates === 0 && missing === 0 ? 0 : 1;
} finally {
  await rt.close();
  await fake.close();
  await cleanRedis(prefix, redisUrl);
  rmSync(dir, { recursive: true, force: true });
}
