import type { RequestListener } from "node:http";
import type { Express } from "express";
import { AnswerThread, type Metrics } from "../answer-thread-host.js";
import type { WorkerTuning } from "../broadcasts/start-reminder-worker.js";
import type { Config } from "../config.js";
import { createApp, serveWithWebhook } from "../http/app.js";
import type { InboxStore } from "../inbox/inbox-store.js";
import { InboxWriter } from "../inbox/inbox-writer.js";
import { Alarms } from "../observability/alarms.js";
import type { Logger } from "../observability/logger.js";
import { registerMetricsSource, registerQueueDepth } from "../observability/metrics.js";
import { webhookHandler } from "../webhook/webhook-route.js";
import { WebhookRefusals } from "../webhook/webhook-refusals.js";
import type { Services } from "../bot/services.js";
import type { Answering } from "./answering.js";
import type { ProcessBase } from "./process-base.js";

/** The HTTP edge of npm start: webhook, health, metrics and the dashboard; events are answered in a thread. */
export interface Edge {
  app: Express;
  /** What the HTTP server calls: the webhook first, then the app (http/app.ts serveWithWebhook). */
  listener: RequestListener;
  /** Operator alarms raised in this process (/readyz, dashboard banner). */
  alarms: Alarms;
  /** Starts the answering thread (after the port is bound) and resolves when it answers. */
  startAnswering(): Promise<void>;
  /** Stops the answering thread (events not started stay pending in SQLite). */
  close(): Promise<void>;
}

/** What answers the events the edge stores: the answering thread, or AdaptiveAnswering (npm start). */
export interface Answerer {
  /** New events were committed to the inbox. */
  wake(): void;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Metrics of another thread, merged into /metrics. */
  metrics(): Promise<Metrics>;
}

/**
 * The edge composed: verify, store, acknowledge, wake the answering thread. The answering side in this thread
 * (`answering`: the dashboard's services, officers' replies) is asked for only by the first /admin request, so
 * main.ts can load its modules then, not at start.
 */
export function createEdge(d: {
  config: Config;
  logger: Logger;
  base: ProcessBase;
  inbox: InboxStore;
  /** Run the reminder worker in the answering thread. */
  worker?: boolean;
  workerOptions?: WorkerTuning;
  answering: () => Answering | Promise<Answering>;
  /** Default: the answering thread. */
  answerer?: Answerer;
}): Edge {
  const { config, logger, base, inbox } = d;
  const answerer =
    d.answerer ?? threadAnswerer(new AnswerThread(config, logger, { worker: d.worker === true, workerOptions: d.workerOptions }));
  // WAL checkpoints (copying the log into the database file, with an fsync) are left to the answering thread's
  // connection, which commits after every event: an acknowledgement never waits behind one.
  base.db.pragma("wal_autocheckpoint = 0");
  const { app, listener, alarms, close } = edgeApp({
    config,
    logger,
    base,
    inbox,
    services: async () => (await d.answering()).services,
    onAccepted: () => answerer.wake(),
  });
  const unregisterThread = registerMetricsSource(() => answerer.metrics());
  return {
    app,
    listener,
    alarms,
    startAnswering: () => answerer.start(),
    async close() {
      await answerer.stop();
      unregisterThread();
      close();
    },
  };
}

function threadAnswerer(thread: AnswerThread): Answerer {
  return { wake: () => thread.wake(), start: () => thread.start(), stop: () => thread.stop(), metrics: () => thread.metrics() };
}

/**
 * The HTTP app over this thread's inbox (webhook with group commit, health, metrics, the dashboard on first use)
 * and the inbox depth gauge; `close` unregisters the gauge. npm start's edge and the in-thread runtime share it.
 */
export function edgeApp(d: {
  config: Config;
  logger: Logger;
  base: ProcessBase;
  inbox: InboxStore;
  services: () => Services | Promise<Services>;
  /** A new event is committed: wake whatever answers. */
  onAccepted: () => void;
}): { app: Express; listener: RequestListener; alarms: Alarms; close(): void } {
  const { config, logger, base, inbox } = d;
  // The backlog lives in SQLite; its depth is read at scrape time.
  const unregisterDepth = registerQueueDepth("inbox", async () => inbox.pendingCount());
  const alarms = new Alarms();
  const webhook = webhookHandler({
    inbox: new InboxWriter(inbox),
    logger,
    refusals: new WebhookRefusals(logger, alarms),
    appId: config.ZALO_APP_ID,
    oaSecretKey: config.ZALO_OA_SECRET_KEY,
    onAccepted: d.onAccepted,
  });
  const app = createApp({ config, db: base.db, redis: base.redis, services: d.services, logger, alarms, webhook });
  return { app, listener: serveWithWebhook(app, webhook), alarms, close: unregisterDepth };
}
