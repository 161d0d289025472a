import type { Express } from "express";
import type { Redis } from "ioredis";
import { buildHandlers, fallback } from "../handlers/index.js";
import { Bot } from "./bot/bot.js";
import { buildServices } from "./bot/build-services.js";
import type { Services } from "./bot/services.js";
import { BroadcastQueue } from "./broadcasts/broadcast-queue.js";
import { startReminderWorker, type WorkerTuning } from "./broadcasts/start-reminder-worker.js";
import { type Clock, systemClock } from "./clock.js";
import type { Config } from "./config.js";
import type { Db } from "./db/database.js";
import { createApp } from "./http/app.js";
import { InboxDispatcher } from "./inbox/inbox-dispatcher.js";
import { InboxStore } from "./inbox/inbox-store.js";
import { InboxWriter } from "./inbox/inbox-writer.js";
import { OutboxStore } from "./inbox/outbox-store.js";
import { ReplySender } from "./inbox/reply-sender.js";
import { Alarms } from "./observability/alarms.js";
import type { Logger } from "./observability/logger.js";
import { WebhookRefusals } from "./webhook/webhook-refusals.js";
import { registerMetricsSource, registerQueueDepth } from "./observability/metrics.js";
import { AnswerThread } from "./answer-thread-host.js";
import { openProcessBase } from "./wiring/process-base.js";
import { connectZalo } from "./wiring/zalo-connection.js";
import type { Outbound } from "./zalo/outbound.js";
import type { TokenManager } from "./zalo/token-manager.js";

export interface Runtime {
  config: Config;
  db: Db;
  redis: Redis | null;
  clock: Clock;
  services: Services;
  bot: Bot;
  outbox: OutboxStore;
  inbox: InboxStore;
  outbound: Outbound;
  tokens: TokenManager | null;
  /** The reminder queue (null without Redis). */
  broadcastQueue: BroadcastQueue | null;
  dispatcher: InboxDispatcher;
  sender: ReplySender;
  app: Express;
  /** Operator alarms raised in this process (/readyz, dashboard banner). */
  alarms: Alarms;
  /** Resumes work left by the last run and starts answering events (here, or in the answering thread). */
  startAnswering(): Promise<void>;
  /** Finishes in-flight work and closes connections. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logger: Logger;
  /** false: no Redis at all (ask/chat CLIs). */
  redis?: boolean;
  /** Run the reminder broadcast worker in this process (npm start does). */
  worker?: boolean;
  /**
   * Where stored events are answered: "here" (this thread: tests, CLIs, the answering thread itself) or
   * "thread" (a worker thread with its own SQLite connection, so the HTTP event loop only acknowledges).
   */
  answering?: "here" | "thread";
  /** Worker tuning for tests: stalled-lock duration and retry backoff. */
  workerOptions?: WorkerTuning;
  /** The Zalo API budget's window (tests shorten the minute of ZALO_API_RATE_PER_MIN); default: a minute. */
  apiBudgetWindowMs?: number;
}

/** The bot process composed: main.ts and the tests build it here; each part is built by its own module. */
export function createRuntime(config: Config, o: RuntimeOptions): Runtime {
  const { logger } = o;
  const base = openProcessBase(config, logger, { redis: o.redis !== false });
  const { clock, db, redis, campaign } = base;
  const inbox = new InboxStore(db);
  const outbox = new OutboxStore(db);
  const zalo = connectZalo(config, db, outbox, logger, redis, o.workerOptions?.rateLimitWaitMs, o.apiBudgetWindowMs);
  const broadcastQueue = redis ? new BroadcastQueue(redis, config.BULLMQ_PREFIX) : null;

  // A reply cut off by a crash is looked up in the conversation before it is sent again.
  const sender = new ReplySender({ outbox, outbound: zalo.outbound, clock: systemClock, logger, interrupted: zalo.history });
  const services = buildServices({ config, db, clock, logger, campaign, broadcastQueue, deliver: (row) => sender.deliver(row) });
  const bot = new Bot(services, buildHandlers(), fallback, logger);
  const dispatcher = new InboxDispatcher({
    inbox,
    outbox,
    bot,
    sender,
    clock: systemClock,
    logger,
    sorry: services.faq.say(services.faq.messages.sorry, clock.now()),
  });
  // The backlog lives in SQLite; its depth is read at scrape time.
  const unregisterDepth = registerQueueDepth("inbox", async () => inbox.pendingCount());
  const thread = o.answering === "thread" ? new AnswerThread(config, logger) : null;
  const unregisterThread = thread ? registerMetricsSource(() => thread.metrics()) : () => undefined;
  const worker =
    o.worker && redis && broadcastQueue
      ? startReminderWorker({
          config,
          db,
          clock,
          logger,
          window: campaign.window,
          redis,
          queue: broadcastQueue,
          service: services.broadcasts,
          outbound: zalo.outbound,
          deliveryCheck: zalo.history?.group ?? null,
          userDeliveryCheck: zalo.history?.user ?? null,
          outage: base.redisOutage,
          tuning: o.workerOptions,
        })
      : null;

  const alarms = new Alarms();
  const app = createApp({
    config,
    db,
    redis,
    services,
    logger,
    alarms,
    webhook: {
      inbox: new InboxWriter(inbox),
      refusals: new WebhookRefusals(logger, alarms),
      appId: config.ZALO_APP_ID,
      oaSecretKey: config.ZALO_OA_SECRET_KEY,
      onAccepted: thread ? () => thread.wake() : () => dispatcher.wake(),
    },
  });

  return {
    config,
    db,
    redis,
    clock,
    services,
    bot,
    outbox,
    inbox,
    outbound: zalo.outbound,
    tokens: zalo.tokens,
    broadcastQueue,
    dispatcher,
    sender,
    app,
    alarms,
    async startAnswering() {
      if (thread) await thread.ready;
      else await dispatcher.resume();
    },
    async close() {
      sender.stop();
      await dispatcher.stop();
      await thread?.stop();
      unregisterThread();
      unregisterDepth();
      await worker?.close();
      await broadcastQueue?.close();
      await base.close();
    },
  };
}
