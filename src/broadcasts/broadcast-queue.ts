import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { registerQueueDepth } from "../observability/metrics.js";
import { BROADCAST_QUEUE, depthOf, hasScheduler, readQueueState } from "./queue-state.js";

export { BROADCAST_QUEUE } from "./queue-state.js";
export const DAILY_SCHEDULER_ID = "daily-reminder";
export const DEFAULT_PREFIX = "zbot";
/** Attempts per group for retryable failures (-32 is not counted: it pauses the whole queue instead). */
export const SEND_ATTEMPTS = 8;

export interface SendJobData {
  broadcastId: string;
  groupId: string;
}

/** BullMQ job ids may not contain ':'; one job per (broadcast, group), so a repeated add is a no-op. */
export function sendJobId(broadcastId: string, groupId: string): string {
  return `${broadcastId}.${groupId}`.replace(/:/g, "_");
}

export class BroadcastUnavailableError extends Error {
  override readonly name = "BroadcastUnavailableError";
  constructor(reason: string, options?: { cause?: unknown }) {
    super(`reminder queue unavailable: ${reason}`, options);
  }
}

/**
 * The HTTP-facing side of the reminder queue. It shares the app's fail-fast Redis connection, so a request
 * while Redis is down errors at once (→ 503) instead of hanging. BullMQ is loaded on the first job added or
 * schedule changed, not before: its depth is read with plain commands (queue-state.ts).
 */
export class BroadcastQueue {
  private queue: Promise<Queue> | null = null;
  /** queue_depth{queue="broadcasts"} reads depth() at scrape time while this queue is open. */
  private readonly unregisterDepth: () => void;

  constructor(
    private readonly redis: Redis,
    readonly prefix = DEFAULT_PREFIX,
  ) {
    this.unregisterDepth = registerQueueDepth(BROADCAST_QUEUE, () => this.depth());
  }

  private open(): Promise<Queue> {
    this.queue ??= import("bullmq").then(({ Queue }) => {
      const queue = new Queue(BROADCAST_QUEUE, { connection: this.redis, prefix: this.prefix });
      queue.on("error", () => {
        /* connection errors are logged by the shared connection's listener */
      });
      return queue;
    });
    return this.queue;
  }

  get ready(): boolean {
    return this.redis.status === "ready";
  }

  /** Adds one job per group; on failure removes whatever was added (unless told not to), then rethrows. */
  async enqueue(broadcastId: string, groupIds: string[], opts: { rollback?: boolean } = {}): Promise<void> {
    if (!this.ready) throw new BroadcastUnavailableError(`Redis is ${this.redis.status}`);
    const jobs = groupIds.map((groupId) => ({
      name: "send",
      data: { broadcastId, groupId } satisfies SendJobData,
      opts: {
        jobId: sendJobId(broadcastId, groupId),
        attempts: SEND_ATTEMPTS,
        backoff: { type: "capped" },
        removeOnComplete: { age: 7 * 86_400, count: 50_000 },
        removeOnFail: { age: 30 * 86_400 },
      },
    }));
    const queue = await this.open();
    try {
      for (let i = 0; i < jobs.length; i += 1000) await queue.addBulk(jobs.slice(i, i + 1000));
    } catch (err) {
      if (opts.rollback !== false) await Promise.allSettled(jobs.map((j) => queue.remove(j.opts.jobId)));
      throw new BroadcastUnavailableError((err as Error).message, { cause: err });
    }
  }

  /**
   * Creates, moves or removes the daily reminder job scheduler (tz Asia/Ho_Chi_Minh) to match the config. With
   * no hour and no scheduler to remove (the usual case), BullMQ is not loaded.
   */
  async scheduleDaily(hour: number | undefined): Promise<void> {
    if (hour === undefined) {
      if (!(await hasScheduler(this.redis, this.prefix, DAILY_SCHEDULER_ID))) return;
      await (await this.open()).removeJobScheduler(DAILY_SCHEDULER_ID);
      return;
    }
    await (await this.open()).upsertJobScheduler(
      DAILY_SCHEDULER_ID,
      { pattern: `0 0 ${hour} * * *`, tz: "Asia/Ho_Chi_Minh" },
      { name: "daily", data: {}, opts: { removeOnComplete: 30, removeOnFail: 30 } },
    );
  }

  async depth(): Promise<number> {
    if (!this.ready) return 0;
    return depthOf(await readQueueState(this.redis, this.prefix));
  }

  async close(): Promise<void> {
    this.unregisterDepth();
    if (!this.queue) return;
    const closed = this.queue.then((q) => q.close()).catch(() => {});
    await Promise.race([closed, new Promise((r) => setTimeout(r, 2_000).unref())]);
  }
}
