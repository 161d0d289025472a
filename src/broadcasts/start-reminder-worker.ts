import type { Redis } from "ioredis";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Db } from "../db/database.js";
import type { Logger } from "../observability/logger.js";
import type { RedisOutageLog } from "../redis/redis-outage.js";
import type { CampaignWindow } from "../shared/campaign-window.js";
import type { DeliveryCheck } from "../zalo/conversation-history.js";
import type { Outbound } from "../zalo/outbound.js";
import type { BroadcastQueue } from "./broadcast-queue.js";
import type { BroadcastService } from "./broadcast-service.js";
import { BroadcastStore } from "./broadcast-store.js";
import { GroupStateStore } from "../stores/group-state-store.js";
import { type BroadcastWorkerOptions, startBroadcastWorker } from "./broadcast-worker.js";
import { dailyReminder } from "./daily-reminder.js";
import { parseQuietHours } from "./quiet-hours.js";

/** Worker tuning for tests and benches: stalled-lock duration, retry backoff, settle wait. */
export type WorkerTuning = Pick<
  BroadcastWorkerOptions,
  "lockDurationMs" | "backoffBaseMs" | "backoffCapMs" | "rateLimitWaitMs" | "interruptedSettleMs"
>;

export interface ReminderWorkerDeps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  window: CampaignWindow;
  /** The process's shared connection: the daily schedule is written once it is ready, the queue polled on it. */
  redis: Redis;
  queue: BroadcastQueue;
  service: BroadcastService;
  outbound: Outbound;
  /** Reads a group's history to settle a send cut off by a crash; null in dry run. */
  deliveryCheck: DeliveryCheck | null;
  /** The same for a reminder sent 1:1 to an officer; null in dry run. */
  userDeliveryCheck?: DeliveryCheck | null;
  tuning?: WorkerTuning;
  /** Where "Redis is down" goes, shared with the process's connection. */
  outage?: RedisOutageLog;
}

/**
 * BullMQ's reminder worker, started at once (reminder-worker-on-demand.ts loads this module, and BullMQ with it,
 * once the queue holds work; it keeps the daily schedule in line with the config).
 */
export function startReminderWorker(d: ReminderWorkerDeps): { close(): Promise<void> } {
  const { config, logger } = d;
  return startBroadcastWorker({
    redisUrl: config.REDIS_URL,
    prefix: config.BULLMQ_PREFIX,
    store: new BroadcastStore(d.db),
    service: d.service,
    outbound: d.outbound,
    clock: d.clock,
    logger,
    outage: d.outage,
    ratePerSec: config.BROADCAST_RATE_PER_SEC,
    quietHours: parseQuietHours(config.BROADCAST_QUIET_HOURS),
    onDaily: dailyReminder(d.service, d.window, () => d.clock.now(), logger),
    deliveryCheck: d.deliveryCheck,
    userDeliveryCheck: d.userDeliveryCheck ?? null,
    groupStates: new GroupStateStore(d.db),
    ...d.tuning,
  });
}
