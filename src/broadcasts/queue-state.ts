import type { Redis } from "ioredis";

export const BROADCAST_QUEUE = "broadcasts";

/** What the reminder queue holds in Redis, per BullMQ list or set. */
export interface QueueState {
  waiting: number;
  /** Jobs of a paused queue. */
  paused: number;
  active: number;
  delayed: number;
  prioritized: number;
  /** Job schedulers (the daily reminder). */
  schedulers: number;
}

/** A key of the queue as BullMQ names it (its QueueKeys: `<prefix>:<queue>:<type>`). */
function queueKey(prefix: string, type: string): string {
  return `${prefix}:${BROADCAST_QUEUE}:${type}`;
}

/**
 * The queue's lists and sets, read with plain commands in one round trip: no BullMQ loaded (its modules cost
 * ~10 MB of RSS), so a process with no reminder work never loads it. Rejects when Redis does not answer.
 */
export async function readQueueState(redis: Redis, prefix: string): Promise<QueueState> {
  const replies = await redis
    .pipeline()
    .llen(queueKey(prefix, "wait"))
    .llen(queueKey(prefix, "paused"))
    .llen(queueKey(prefix, "active"))
    .zcard(queueKey(prefix, "delayed"))
    .zcard(queueKey(prefix, "prioritized"))
    .zcard(queueKey(prefix, "repeat"))
    .exec();
  const n = (i: number): number => {
    const [err, value] = replies?.[i] ?? [new Error("no reply"), 0];
    if (err) throw err;
    return Number(value);
  };
  return { waiting: n(0), paused: n(1), active: n(2), delayed: n(3), prioritized: n(4), schedulers: n(5) };
}

/** Jobs still to run (waiting, delayed, active, prioritized): the queue_depth gauge. */
export function depthOf(s: QueueState): number {
  return s.waiting + s.delayed + s.active + s.prioritized;
}

/** Anything a reminder worker would act on: a job in any state but finished, or a job scheduler. */
export function hasReminderWork(s: QueueState): boolean {
  return depthOf(s) + s.paused + s.schedulers > 0;
}

/** Whether the job scheduler `id` exists (BullMQ keeps schedulers in a sorted set). */
export async function hasScheduler(redis: Redis, prefix: string, id: string): Promise<boolean> {
  return (await redis.zscore(queueKey(prefix, "repeat"), id)) !== null;
}
