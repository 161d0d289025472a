import { buildHandlers, fallback } from "../../handlers/index.js";
import { Bot } from "../bot/bot.js";
import { buildServices } from "../bot/build-services.js";
import type { Services } from "../bot/services.js";
import { BroadcastQueue } from "../broadcasts/broadcast-queue.js";
import { systemClock } from "../clock.js";
import type { Config } from "../config.js";
import { InboxDispatcher } from "../inbox/inbox-dispatcher.js";
import type { InboxStore } from "../inbox/inbox-store.js";
import type { OutboxStore } from "../inbox/outbox-store.js";
import { ReplySender } from "../inbox/reply-sender.js";
import type { Logger } from "../observability/logger.js";
import type { ProcessBase } from "./process-base.js";
import { connectZalo, type ZaloConnection } from "./zalo-connection.js";

/** What answers stored events: Zalo, the reminder queue (for #nhacnho), the services, the bot and its dispatcher. */
export interface Answering {
  zalo: ZaloConnection;
  /** The reminder queue (null without Redis). */
  broadcastQueue: BroadcastQueue | null;
  sender: ReplySender;
  services: Services;
  bot: Bot;
  dispatcher: InboxDispatcher;
  /** Stops sending and handling; events not started stay pending in SQLite (the queue is closed by the caller). */
  stop(): Promise<void>;
}

/**
 * The answering side composed on a process base: no HTTP server, no admin dashboard. The answering thread of
 * npm start builds only this; tests, CLIs and the dashboard (on first use) build it in their own thread.
 */
export function buildAnswering(d: {
  config: Config;
  logger: Logger;
  base: ProcessBase;
  inbox: InboxStore;
  outbox: OutboxStore;
  /** How long Zalo's -32 pauses every call (tests shorten it). */
  rateLimitPauseMs?: number;
  /** The API budget's window (tests shorten the minute); default: a minute. */
  apiBudgetWindowMs?: number;
}): Answering {
  const { config, logger, base, inbox, outbox } = d;
  const { db, redis, clock, campaign } = base;
  const zalo = connectZalo(config, db, outbox, logger, redis, d.rateLimitPauseMs, d.apiBudgetWindowMs);
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
  return {
    zalo,
    broadcastQueue,
    sender,
    services,
    bot,
    dispatcher,
    async stop() {
      sender.stop();
      await dispatcher.stop();
    },
  };
}
