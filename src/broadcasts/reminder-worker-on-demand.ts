import type { Redis } from "ioredis";
import type { Logger } from "../observability/logger.js";
import { hasReminderWork, readQueueState } from "./queue-state.js";
import type { ReminderWorkerDeps } from "./start-reminder-worker.js";

/** How often a process without a running reminder worker looks for reminder work in Redis. */
export const REMINDER_POLL_MS = 1000;

interface Closable {
  close(): Promise<void>;
}

/**
 * The reminder worker as npm start and npm run worker run it: the daily schedule kept in line with the config
 * at once, and BullMQ's worker (its modules ~10 MB of RSS) loaded and started only once the queue holds work,
 * whoever added it: this process, the dashboard of another, `npm run cli -- remind`, a daily scheduler, a job
 * left by the last run. Until then it costs one Redis round trip per poll; once started it stays.
 */
export function startReminderWorkerOnDemand(d: ReminderWorkerDeps, pollMs = REMINDER_POLL_MS): Closable {
  const { config, logger, redis } = d;
  const sync = () =>
    d.queue
      .scheduleDaily(config.DAILY_REMINDER_HOUR)
      .catch((err) => logger.warn({ err: (err as Error).message }, "daily reminder schedule not updated"));
  if (redis.status === "ready") void sync();
  else redis.once("ready", () => void sync());
  return startWhenReminderWork({
    redis,
    prefix: config.BULLMQ_PREFIX,
    logger,
    pollMs,
    start: async () => (await import("./start-reminder-worker.js")).startReminderWorker(d),
  });
}

/** Calls `start` once the queue under `prefix` holds work (checked now, then every `pollMs`). */
export function startWhenReminderWork(d: {
  redis: Redis;
  prefix: string;
  logger: Logger;
  pollMs: number;
  start: () => Promise<Closable>;
}): Closable {
  let started: Promise<Closable | null> | null = null;
  let checking = false;
  let closed = false;
  const check = async () => {
    if (started || checking || closed || d.redis.status !== "ready") return;
    checking = true;
    let work: boolean;
    try {
      work = hasReminderWork(await readQueueState(d.redis, d.prefix));
    } catch {
      // Redis went away: its connection's listener tells the story; the next poll asks again.
      return;
    } finally {
      checking = false;
    }
    if (!work || closed) return;
    d.logger.info({ prefix: d.prefix }, "reminder work in the queue: the reminder worker starts");
    started = d.start().then(
      (worker) => {
        clearInterval(timer);
        return worker;
      },
      (err) => {
        // Tried again at the next poll: reminders must not stay stuck behind one failed start.
        d.logger.error({ err }, "the reminder worker could not start");
        started = null;
        return null;
      },
    );
  };
  const timer = setInterval(() => void check(), d.pollMs);
  timer.unref();
  void check();
  return {
    async close() {
      closed = true;
      clearInterval(timer);
      await (await started)?.close();
    },
  };
}
