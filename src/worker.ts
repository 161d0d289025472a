import { BroadcastQueue } from "./broadcasts/broadcast-queue.js";
import { buildBroadcastService } from "./broadcasts/build-broadcast-services.js";
import { loadConfig, loadDotEnv } from "./config.js";
import { OutboxStore } from "./inbox/outbox-store.js";
import { createLogger } from "./observability/logger.js";
import { ProgressService } from "./people/progress-service.js";
import { openProcessBase } from "./wiring/process-base.js";
import { startProcessReminderWorker, workerTuningFromEnv } from "./wiring/reminder-worker.js";
import { connectZalo } from "./wiring/zalo-connection.js";

/**
 * A reminder worker without the HTTP server or the handlers, for running workers apart from the webhook
 * process (`npm run worker`). npm start already runs one (in its answering thread).
 */
loadDotEnv();
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const base = openProcessBase(config, logger, { redis: true });
const { clock, db, redis, campaign } = base;
if (!redis) throw new Error("the reminder worker needs Redis");
const zalo = connectZalo(config, db, new OutboxStore(db), logger, redis);
const queue = new BroadcastQueue(redis, config.BULLMQ_PREFIX);
const service = buildBroadcastService({
  config,
  db,
  clock,
  logger,
  campaign,
  queue,
  progress: new ProgressService(db, campaign.window),
});
const worker = startProcessReminderWorker({ config, logger, base, zalo, queue, service, tuning: workerTuningFromEnv() });
logger.info({ prefix: config.BULLMQ_PREFIX, ratePerSec: config.BROADCAST_RATE_PER_SEC }, "reminder worker started");
const stop = async () => {
  await worker.close();
  await queue.close();
  await base.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
