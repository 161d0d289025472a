import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BroadcastQueue, DAILY_SCHEDULER_ID } from "../../src/broadcasts/broadcast-queue.js";
import { readQueueState } from "../../src/broadcasts/queue-state.js";
import { TEST_REDIS_URL } from "../helpers/redis.js";
import { cleanRedis, inspectQueue } from "./broadcast-setup.js";

let prefix: string;
let redis: Redis;

beforeEach(async () => {
  prefix = `qs${randomUUID().slice(0, 8)}`;
  redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
  await new Promise((r) => redis.once("ready", r));
});
afterEach(async () => {
  redis.disconnect();
  await cleanRedis(prefix);
});

describe("the queue's state read without BullMQ matches what BullMQ wrote", () => {
  it("waiting, delayed and the daily scheduler, then the scheduler removed", async () => {
    const other = inspectQueue(prefix);
    await other.queue.add("send", { broadcastId: "b", groupId: "g1" });
    await other.queue.add("send", { broadcastId: "b", groupId: "g2" }, { delay: 60_000 });
    const queue = new BroadcastQueue(redis, prefix);
    await queue.scheduleDaily(9);
    const state = await readQueueState(redis, prefix);
    expect(state).toMatchObject({ waiting: 1, active: 0, prioritized: 0, schedulers: 1 });
    // The scheduler's next run is a delayed job too.
    expect(state.delayed).toBe(2);
    expect(await queue.depth()).toBe(3);
    expect(await other.queue.getJobSchedulers()).toHaveLength(1);
    await queue.scheduleDaily(undefined);
    expect(await other.queue.getJobScheduler(DAILY_SCHEDULER_ID)).toBeUndefined();
    expect((await readQueueState(redis, prefix)).schedulers).toBe(0);
    await queue.close();
    await other.close();
  });
});
