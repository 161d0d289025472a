import type { BroadcastQueue } from "../broadcasts/broadcast-queue.js";
import type { BroadcastService } from "../broadcasts/broadcast-service.js";
import { startReminderWorkerOnDemand } from "../broadcasts/reminder-worker-on-demand.js";
import type { WorkerTuning } from "../broadcasts/start-reminder-worker.js";
import type { Config } from "../config.js";
import type { Logger } from "../observability/logger.js";
import type { ProcessBase } from "./process-base.js";
import type { ZaloConnection } from "./zalo-connection.js";

/**
 * The reminder worker of this process from its parts (npm start runs it in the answering thread, npm run worker
 * alone): one place for its argument list. BullMQ's worker starts once the queue holds work
 * (broadcasts/reminder-worker-on-demand.ts).
 */
export function startProcessReminderWorker(d: {
  config: Config;
  logger: Logger;
  base: ProcessBase;
  zalo: ZaloConnection;
  queue: BroadcastQueue;
  service: BroadcastService;
  tuning?: WorkerTuning;
}): { close(): Promise<void> } {
  const { base } = d;
  if (!base.redis) throw new Error("the reminder worker needs Redis");
  return startReminderWorkerOnDemand({
    config: d.config,
    db: base.db,
    clock: base.clock,
    logger: d.logger,
    window: base.campaign.window,
    redis: base.redis,
    queue: d.queue,
    service: d.service,
    outbound: d.zalo.outbound,
    deliveryCheck: d.zalo.history?.group ?? null,
    userDeliveryCheck: d.zalo.history?.user ?? null,
    outage: base.redisOutage,
    tuning: d.tuning,
  });
}

/** Tuning from the environment (BROADCAST_WORKER_LOCK_MS, _BACKOFF_MS, _SETTLE_MS), for fault scripts and tests. */
export function workerTuningFromEnv(env: NodeJS.ProcessEnv = process.env): WorkerTuning {
  return {
    lockDurationMs: Number(env.BROADCAST_WORKER_LOCK_MS) || undefined,
    backoffBaseMs: Number(env.BROADCAST_WORKER_BACKOFF_MS) || undefined,
    interruptedSettleMs: Number(env.BROADCAST_WORKER_SETTLE_MS) || undefined,
  };
}
