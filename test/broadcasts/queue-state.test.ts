import { describe, expect, it } from "vitest";
import { BroadcastQueue, DAILY_SCHEDULER_ID } from "../../src/broadcasts/broadcast-queue.js";
import { readQueueState } from "../../src/broadcasts/queue-state.js";
import { inspectQueue } from "./broadcast-setup.js";
import { useScratchRedis } from "./scratch-redis.js";

const scratch = useScratchRedis("qs");

describe("the queue's state read without BullMQ matches what BullMQ wrote", () => {
  it("waiting, delayed and the daily scheduler, then the scheduler removed", async () => {
    const other = inspectQueue(scratch.prefix);
    await other.queue.add("send", { broadcastId: "b", groupId: "g1" });
    await other.queue.add("send", { broadcastId: "b", groupId: "g2" }, { delay: 60_000 });
    const queue = new BroadcastQueue(scratch.redis, scratch.prefix);
    await queue.scheduleDaily(9);
    const state = await readQueueState(scratch.redis, scratch.prefix);
    expect(state).toMatchObject({ waiting: 1, active: 0, prioritized: 0, schedulers: 1 });
    // The scheduler's next run is a delayed job too.
    expect(state.delayed).toBe(2);
    expect(await queue.depth()).toBe(3);
    expect(await other.queue.getJobSchedulers()).toHaveLength(1);
    await queue.scheduleDaily(undefined);
    expect(await other.queue.getJobScheduler(DAILY_SCHEDULER_ID)).toBeUndefined();
    expect((await readQueueState(scratch.redis, scratch.prefix)).schedulers).toBe(0);
    await queue.close();
    await other.close();
  });
});
