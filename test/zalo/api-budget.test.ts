import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiBudgetExhaustedError } from "../../src/errors.js";
import { silentLogger } from "../../src/observability/logger.js";
import { ApiBudget, expectedBroadcastMinutes, reserveChunk } from "../../src/zalo/api-budget.js";
import { TEST_REDIS_URL } from "../helpers/redis.js";

const W = 3_000;
let redis: Redis;
beforeAll(async () => {
  redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  await redis.ping();
});
afterAll(async () => {
  await redis.quit();
});

/** A clock that runs in real time from just after the start of a window, so counts never straddle two. */
function windowStartClock(): () => number {
  const t0 = Date.now();
  const start = Math.ceil(t0 / W) * W + 5;
  return () => start + (Date.now() - t0);
}

function budget(perMinute: number, o: { redis?: Redis | null; prefix?: string; now?: () => number } = {}) {
  return new ApiBudget({
    perMinute,
    redis: o.redis === undefined ? redis : o.redis,
    prefix: o.prefix ?? `t${randomUUID().slice(0, 8)}`,
    logger: silentLogger,
    windowMs: W,
    now: o.now ?? windowStartClock(),
  });
}

/** Takes up to n; a reminder over its share is refused at once (a reply would wait, so only take what fits). */
async function takeAll(b: ApiBudget, lane: "reply" | "reminder", n: number): Promise<number> {
  let taken = 0;
  for (let i = 0; i < n; i++) {
    try {
      await b.take(lane);
      taken++;
    } catch (err) {
      if (!(err instanceof ApiBudgetExhaustedError)) throw err;
    }
  }
  return taken;
}

describe("one Zalo API budget for the OA", () => {
  it("replies first while a broadcast runs: reminders stop at their share, replies still go", async () => {
    const b = budget(10);
    expect(await takeAll(b, "reminder", 20)).toBe(8); // the broadcast takes what it may
    expect(await takeAll(b, "reply", 2)).toBe(2); // residents are still answered in the same minute
    await expect(b.take("reminder")).rejects.toBeInstanceOf(ApiBudgetExhaustedError);
  });

  it("is shared across processes through Redis", async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const now = windowStartClock();
    const webhookProcess = budget(10, { prefix, now });
    const workerProcess = budget(10, { prefix, now });
    expect(await takeAll(webhookProcess, "reminder", 5)).toBe(5);
    expect(await takeAll(workerProcess, "reminder", 5)).toBe(3);
  });

  it("a reply over the budget waits for the next window instead of failing", async () => {
    const b = budget(3);
    expect(await takeAll(b, "reply", 3)).toBe(3);
    await b.take("reply"); // resolves once the next window opens, and counts in it
    expect(await takeAll(b, "reminder", 5)).toBe(1); // reminders' share of 3 is 2: one left
  });

  it("Zalo's -32 pauses every lane until the next window, in every process", async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const now = windowStartClock();
    const a = budget(100, { prefix, now });
    const other = budget(100, { prefix, now });
    a.rateLimited();
    // The pause key is written without waiting: the other process sees it once it is in Redis.
    await expect.poll(() => redis.pttl(`${prefix}:zalo-api:paused`)).toBeGreaterThan(0);
    await expect(other.take("reminder")).rejects.toBeInstanceOf(ApiBudgetExhaustedError);
    await other.take("reply"); // waits for the next window, then goes
  });

  it("counts in the process when Redis is down", async () => {
    const down = new Redis("redis://127.0.0.1:1", { lazyConnect: true, maxRetriesPerRequest: 0, enableOfflineQueue: false });
    const b = budget(5, { redis: down });
    expect(await takeAll(b, "reminder", 10)).toBe(4);
    await b.take("reply");
    expect(await takeAll(b, "reminder", 1)).toBe(0);
    down.disconnect();
  });

  it("replies reserve calls in chunks (one Redis call per chunk); reminders still stop at their share", async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const now = windowStartClock();
    const b = budget(3200, { prefix, now });
    expect(reserveChunk(3200)).toBe(16);
    const counter = async () => Number(await redis.get(`${prefix}:zalo-api:w${Math.floor(now() / W)}`));
    await b.take("reply");
    expect(await counter()).toBe(16); // the chunk counts in the shared counter at once
    expect(await takeAll(b, "reply", 15)).toBe(15);
    expect(await counter()).toBe(16); // spent in the process, no Redis call
    await b.take("reply");
    expect(await counter()).toBe(32);
    // Another process's reminders see the reserved calls as used: they stop at 80% of the minute.
    const worker = budget(3200, { prefix, now });
    expect(await takeAll(worker, "reminder", 2600)).toBe(2560 - 32);
    expect(await counter()).toBe(2560);
    // Small budgets take one call at a time, as before.
    expect(reserveChunk(10)).toBe(1);
    expect(reserveChunk(399)).toBe(1);
  });

  it("says how long a broadcast takes under the budget", () => {
    expect(expectedBroadcastMinutes(400, 100)).toBe(5); // 80 reminders a minute
    expect(expectedBroadcastMinutes(10, 100)).toBe(1);
  });
});
