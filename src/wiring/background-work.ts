import type { WorkerTuning } from "../broadcasts/start-reminder-worker.js";
import type { Config } from "../config.js";
import type { InboxStore } from "../inbox/inbox-store.js";
import type { Logger } from "../observability/logger.js";
import type { Answering } from "./answering.js";
import { startHousekeeping } from "./housekeeping.js";
import type { ProcessBase } from "./process-base.js";
import { startProcessReminderWorker } from "./reminder-worker.js";

/** What runs beside the dispatcher wherever answering runs: the reminder worker and the bot's timers. */
export interface BackgroundWork {
  worker: { close(): Promise<void> } | null;
  stopHousekeeping: () => void;
}

/**
 * Starts the reminder worker (when asked for and Redis carries a broadcast queue) and the timers, for answering
 * in the HTTP thread (adaptive-answering.ts) or in the answering thread (answering-thread.ts).
 */
export function startBackgroundWork(d: {
  config: Config;
  logger: Logger;
  base: ProcessBase;
  inbox: InboxStore;
  answering: Answering;
  worker: boolean;
  tuning?: WorkerTuning;
}): BackgroundWork {
  const { config, logger, base, inbox, answering } = d;
  const worker =
    d.worker && base.redis && answering.broadcastQueue
      ? startProcessReminderWorker({
          config,
          logger,
          base,
          zalo: answering.zalo,
          queue: answering.broadcastQueue,
          service: answering.services.broadcasts,
          tuning: d.tuning,
        })
      : null;
  return { worker, stopHousekeeping: startHousekeeping({ config, logger, base, inbox, answering }) };
}
