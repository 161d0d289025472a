import type { Server } from "node:http";
import { type Config, loadConfig, loadDotEnv } from "./config.js";
import { ConfigError, DatabaseOpenError } from "./errors.js";
import { ListenError, listen } from "./http/listen.js";
import { createLogger } from "./observability/logger.js";
import { InboxStore } from "./inbox/inbox-store.js";
import { OutboxStore } from "./inbox/outbox-store.js";
import { AdaptiveAnswering } from "./wiring/adaptive-answering.js";
import type { Answering } from "./wiring/answering.js";
import { createEdge } from "./wiring/edge.js";
import { openProcessBase } from "./wiring/process-base.js";

const SHUTDOWN_GRACE_MS = 10_000;
const ANSWERING_START_DELAY_MS = 250;

async function main(): Promise<void> {
  loadDotEnv();
  const config: Config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  // Events are answered here while the load is light (one isolate: a small process), in the answering thread
  // once a backlog builds (wiring/adaptive-answering.ts): then this event loop only verifies, stores and
  // acknowledges, and serves the dashboard.
  const base = openProcessBase(config, logger, { redis: true });
  const inbox = new InboxStore(base.db);
  let answering: Promise<Answering> | undefined;
  let dashboardUses = false;
  // Loaded once the port is bound (AdaptiveAnswering.start), or by the dashboard's first request.
  const here = () => {
    answering ??= import("./wiring/answering.js").then((m) =>
      m.buildAnswering({ config, logger, base, inbox, outbox: new OutboxStore(base.db) }),
    );
    return answering;
  };
  const answerer = new AdaptiveAnswering({
    config,
    logger,
    base,
    inbox,
    answering: here,
    shared: () => dashboardUses,
    onMoved: () => {
      // Unless the dashboard holds it, the answering side here goes (its FAQ index and services): the dashboard
      // builds its own on its first request, as it did when answering always ran in the thread.
      if (dashboardUses) return;
      void answering?.then((a) => a.broadcastQueue?.close());
      answering = undefined;
    },
  });
  const edge = createEdge({
    config,
    logger,
    base,
    inbox,
    answerer,
    answering: () => {
      dashboardUses = true;
      return here();
    },
  });
  const close = async () => {
    await edge.close();
    const a = await answering;
    await a?.stop();
    await a?.broadcastQueue?.close();
    await base.close();
  };

  if (config.dryRun) {
    logger.warn(
      "DRY-RUN: no Zalo credentials (ZALO_ACCESS_TOKEN / ZALO_REFRESH_TOKEN); replies are stored in the outbox table and logged, nothing is sent to Zalo",
    );
  }
  if (!config.ZALO_OA_SECRET_KEY) {
    logger.warn("ZALO_OA_SECRET_KEY is not set: every webhook event is acknowledged (200) but refused: nothing is stored or answered");
  }
  if (!config.ADMIN_TOKEN) logger.warn("ADMIN_TOKEN is not set: /admin/* answers 503");
  if (config.BOT_NOW) logger.warn({ botNow: config.BOT_NOW }, "BOT_NOW pins the campaign clock");

  // Logged only once the port is really bound; a busy port is one line (ListenError) and exit 1.
  const server: Server = await listen(edge.listener, config.PORT);
  const addr = server.address();
  const port = typeof addr === "object" && addr ? addr.port : config.PORT;
  logger.info({ port, database: config.DATABASE_PATH, dryRun: config.dryRun }, `bot listening on http://localhost:${port}`);
  server.on("error", (err) => {
    logger.fatal({ err }, "HTTP server failed");
    process.exit(1);
  });
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight work");
    const hardExit = setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_GRACE_MS);
    hardExit.unref();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await close();
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
  // After the signal handlers: a SIGTERM while answering starts is still a graceful stop. A moment after the
  // port is bound: building the answering side here (its modules, the FAQ index) holds this event loop for about
  // half a second of CPU, and health checks and the first webhooks are answered before that.
  await new Promise((r) => setTimeout(r, ANSWERING_START_DELAY_MS));
  await edge.startAnswering();
}

main().catch((err) => {
  // Mistakes in the setup are one line naming the variable and what to do; anything else keeps its stack.
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\nSee .env.example for every variable.\n`);
  else if (err instanceof DatabaseOpenError || err instanceof ListenError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`fatal: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
