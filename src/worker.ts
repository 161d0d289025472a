import { loadConfig, loadDotEnv } from "./config.js";
import { createLogger } from "./observability/logger.js";
import { createRuntime } from "./runtime.js";

/**
 * A reminder worker without the HTTP server, for running workers apart from the webhook process
 * (`npm run worker`). npm start already runs one in-process.
 */
loadDotEnv();
const config = loadConfig();
const logger = createLogger(config.LOG_LEVEL);
const lock = Number(process.env.BROADCAST_WORKER_LOCK_MS) || undefined;
const rt = createRuntime(config, {
  logger,
  worker: true,
  workerOptions: {
    lockDurationMs: lock,
    backoffBaseMs: Number(process.env.BROADCAST_WORKER_BACKOFF_MS) || undefined,
    interruptedSettleMs: Number(process.env.BROADCAST_WORKER_SETTLE_MS) || undefined,
  },
});
logger.info({ prefix: config.BULLMQ_PREFIX, ratePerSec: config.BROADCAST_RATE_PER_SEC }, "reminder worker started");
const stop = async () => {
  await rt.close();
  process.exit(0);
};
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
