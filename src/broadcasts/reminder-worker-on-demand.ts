import type { Redis } from "ioredis";
import type { Logger } from "../observability/logger.js";
import { BroadcastStore } from "./broadcast-store.js";
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
 * left by the last run, or an unfinished broadcast in the SQLite ledger whose jobs Redis lost (a restart of an
 * empty Redis, or a move of answering to its thread during the outage). Until then it costs one SQLite read and
 * one Redis round trip per poll; once started it stays.
 */
export function startReminderWorkerOnDemand(d: ReminderWorkerDeps, pollMs = REMINDER_POLL_MS): Closable {
  const { config, logger, redis } = d;
  const sync = () =>
    d.queue
      .scheduleDaily(config.DAILY_REMINDER_HOUR)
      .catch((err) => logger.warn({ err: (err as Error).message }, "daily reminder schedule not updated"));
  if (redis.status === "ready") void sync();
  else redis.once("ready", () => void sync());
  const store = new BroadcastStore(d.db);
  return startWhenReminderWork({
    redis,
    ledgerOpen: () => store.unfinished().length > 0,
    prefix: config.BULLMQ_PREFIX,
    logger,
    pollMs,
    start: async () => (await import("./start-reminder-worker.js")).startReminderWorker(d),
  });
}

/**
 * Calls `start` once the queue under `prefix` holds work or the ledger has an unfinished broadcast (checked now,
 * then every `pollMs`): the ledger is the source of truth, and the worker re-queues its jobs when it starts.
 */
export function startWhenReminderWork(d: {
  redis: Redis;
  ledgerOpen: () => boolean;
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
      work = d.ledgerOpen() || hasReminderWork(await readQueueState(d.redis, d.prefix));
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
