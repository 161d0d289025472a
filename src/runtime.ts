import type { RequestListener } from "node:http";
import type { Express } from "express";
import type { Redis } from "ioredis";
import type { Bot } from "./bot/bot.js";
import type { Services } from "./bot/services.js";
import type { BroadcastQueue } from "./broadcasts/broadcast-queue.js";
import type { WorkerTuning } from "./broadcasts/start-reminder-worker.js";
import type { Clock } from "./clock.js";
import type { Config } from "./config.js";
import type { Db } from "./db/database.js";
import type { InboxDispatcher } from "./inbox/inbox-dispatcher.js";
import { InboxStore } from "./inbox/inbox-store.js";
import { OutboxStore } from "./inbox/outbox-store.js";
import type { ReplySender } from "./inbox/reply-sender.js";
import type { Alarms } from "./observability/alarms.js";
import type { Logger } from "./observability/logger.js";
import { type Answering, buildAnswering } from "./wiring/answering.js";
import { AdaptiveAnswering, type BacklogRule } from "./wiring/adaptive-answering.js";
import { createEdge, type Edge, edgeApp } from "./wiring/edge.js";
import { openProcessBase } from "./wiring/process-base.js";
import { startProcessReminderWorker } from "./wiring/reminder-worker.js";
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
  /** The HTTP server's request listener (the webhook before express); serve this, not `app`. */
  listener: RequestListener;
  /** Operator alarms raised in this process (/readyz, dashboard banner). */
  alarms: Alarms;
  /** With answering "adaptive": where events are answered now, and the move to the thread. */
  adaptive: AdaptiveAnswering | null;
  /** Resumes work left by the last run and starts answering events (here, or in the answering thread). */
  startAnswering(): Promise<void>;
  /** Finishes in-flight work and closes connections. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logger: Logger;
  /** false: no Redis at all (ask/chat CLIs). */
  redis?: boolean;
  /** Run the reminder broadcast worker in this process (npm start does, in its answering thread). */
  worker?: boolean;
  /**
   * Where stored events are answered: "here" (this thread: tests, CLIs) or "thread" (a worker thread with its own
   * SQLite connection, so the HTTP event loop only acknowledges) or "adaptive" (here until a backlog builds,
   * then in the thread: npm start, wiring/adaptive-answering.ts).
   */
  answering?: "here" | "thread" | "adaptive";
  /** For "adaptive" (npm start): when answering moves to the thread. */
  backlogRule?: BacklogRule;
  /** Worker tuning for tests: stalled-lock duration and retry backoff. */
  workerOptions?: WorkerTuning;
  /** The Zalo API budget's window (tests shorten the minute of ZALO_API_RATE_PER_MIN); default: a minute. */
  apiBudgetWindowMs?: number;
}

/**
 * The bot process composed: main.ts and the tests build it here; each part is built by its own module.
 * With answering "thread" this thread is the edge only (webhook, health, metrics, admin): the answering side
 * (services, handlers, Zalo, the reminder worker) runs in the answering thread, and is built here only when
 * something asks for it (the dashboard on its first request), so start-up stays small and fast.
 */
export function createRuntime(config: Config, o: RuntimeOptions): Runtime {
  const { logger } = o;
  const base = openProcessBase(config, logger, { redis: o.redis !== false });
  const { clock, db, redis } = base;
  const inbox = new InboxStore(db);
  const outbox = new OutboxStore(db);
  let answering: Answering | null = null;
  const parts = (): Answering => {
    answering ??= buildAnswering({
      config,
      logger,
      base,
      inbox,
      outbox,
      rateLimitPauseMs: o.workerOptions?.rateLimitWaitMs,
      apiBudgetWindowMs: o.apiBudgetWindowMs,
    });
    return answering;
  };
  let edge: Edge | null = null;
  let adaptive: AdaptiveAnswering | null = null;
  let app: Express;
  let listener: RequestListener;
  let alarms: Alarms;
  let unregisterDepth = () => {};
  let worker: { close(): Promise<void> } | null = null;
  if (o.answering === "adaptive") {
    adaptive = new AdaptiveAnswering({
      config,
      logger,
      base,
      inbox,
      answering: parts,
      // The runtime's services, bot and sender stay usable after a move (tests and the dashboard use them).
      shared: () => true,
      worker: o.worker,
      workerOptions: o.workerOptions,
      rule: o.backlogRule,
    });
    edge = createEdge({ config, logger, base, inbox, answerer: adaptive, answering: parts });
    ({ app, listener, alarms } = edge);
  } else if (o.answering === "thread") {
    edge = createEdge({ config, logger, base, inbox, worker: o.worker, workerOptions: o.workerOptions, answering: parts });
    ({ app, listener, alarms } = edge);
  } else {
    const a = parts();
    if (o.worker && redis && a.broadcastQueue) {
      worker = startProcessReminderWorker({
        config,
        logger,
        base,
        zalo: a.zalo,
        queue: a.broadcastQueue,
        service: a.services.broadcasts,
        tuning: o.workerOptions,
      });
    }
    let close: () => void;
    ({ app, listener, alarms, close } = edgeApp({
      config,
      logger,
      base,
      inbox,
      services: () => a.services,
      onAccepted: () => a.dispatcher.wake(),
    }));
    unregisterDepth = close;
  }

  return {
    config,
    db,
    redis,
    clock,
    get services() {
      return parts().services;
    },
    get bot() {
      return parts().bot;
    },
    outbox,
    inbox,
    get outbound() {
      return parts().zalo.outbound;
    },
    get tokens() {
      return parts().zalo.tokens;
    },
    get broadcastQueue() {
      return parts().broadcastQueue;
    },
    get dispatcher() {
      return parts().dispatcher;
    },
    get sender() {
      return parts().sender;
    },
    app,
    listener,
    alarms,
    adaptive,
    async startAnswering() {
      if (edge) await edge.startAnswering();
      else await parts().dispatcher.resume();
    },
    async close() {
      await answering?.stop();
      await edge?.close();
      unregisterDepth();
      await worker?.close();
      await answering?.broadcastQueue?.close();
      await base.close();
    },
  };
}
