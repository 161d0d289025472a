import type { Express } from "express";
import type { Redis } from "ioredis";
import { fallback, buildHandlers } from "../handlers/index.js";
import { Bot } from "./bot/bot.js";
import { buildServices } from "./bot/build-services.js";
import type { Services } from "./bot/services.js";
import { clockFromEnv, systemClock, type Clock } from "./clock.js";
import type { Config } from "./config.js";
import { openDatabase, type Db } from "./db/database.js";
import { createApp } from "./http/app.js";
import { startBroadcastWorker } from "./broadcasts/broadcast-worker.js";
import { dailyReminder, syncDailyReminder } from "./broadcasts/daily-reminder.js";
import { BroadcastStore } from "./broadcasts/broadcast-store.js";
import { parseQuietHours } from "./broadcasts/quiet-hours.js";
import { loadCampaign } from "./content/campaign.js";
import { InboxDispatcher } from "./inbox/inbox-dispatcher.js";
import { InboxStore } from "./inbox/inbox-store.js";
import { OutboxStore } from "./inbox/outbox-store.js";
import { ReplySender } from "./inbox/reply-sender.js";
import { Alarms } from "./observability/alarms.js";
import type { Logger } from "./observability/logger.js";
import { WebhookRefusals } from "./webhook/webhook-refusals.js";
import { createRedis } from "./redis/redis-connection.js";
import { DryRunOutbound } from "./inbox/dry-run-outbound.js";
import type { Outbound } from "./zalo/outbound.js";
import { TokenManager } from "./zalo/token-manager.js";
import { TokenStore } from "./zalo/token-store.js";
import { groupHistory, userHistory } from "./zalo/conversation-history.js";
import { ZaloHttp } from "./zalo/zalo-http.js";
import { ZaloClient } from "./zalo/zalo-client.js";

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
  dispatcher: InboxDispatcher;
  sender: ReplySender;
  app: Express;
  /** Operator alarms raised in this process (/readyz, dashboard banner). */
  alarms: Alarms;
  /** Finishes in-flight work and closes connections. */
  close(): Promise<void>;
}

export interface RuntimeOptions {
  logger: Logger;
  /** false: no Redis at all (ask/chat CLIs). */
  redis?: boolean;
  /** Run the reminder broadcast worker in this process (npm start does). */
  worker?: boolean;
  /** Worker tuning for tests: stalled-lock duration and retry backoff. */
  workerOptions?: {
    lockDurationMs?: number;
    backoffBaseMs?: number;
    backoffCapMs?: number;
    rateLimitWaitMs?: number;
    interruptedSettleMs?: number;
  };
}

/** Wires every module together; main.ts, the CLIs and tests all build the bot through here. */
export function createRuntime(config: Config, o: RuntimeOptions): Runtime {
  const { logger } = o;
  const clock = clockFromEnv(config.BOT_NOW);
  const db = openDatabase(config.DATABASE_PATH);
  const redis = o.redis === false ? null : createRedis(config.REDIS_URL, logger);
  const inbox = new InboxStore(db);
  const outbox = new OutboxStore(db);

  let tokens: TokenManager | null = null;
  let zaloHttp: ZaloHttp | null = null;
  let outbound: Outbound;
  if (config.dryRun) {
    outbound = new DryRunOutbound(outbox, systemClock, logger);
  } else {
    // Token lifetimes are real time, never BOT_NOW.
    tokens = new TokenManager({
      store: new TokenStore(db),
      clock: systemClock,
      logger,
      appId: config.ZALO_APP_ID,
      appSecret: config.ZALO_APP_SECRET,
      oauthBaseUrl: config.ZALO_OAUTH_BASE_URL,
      initialAccessToken: config.ZALO_ACCESS_TOKEN,
      initialRefreshToken: config.ZALO_REFRESH_TOKEN,
    });
    zaloHttp = new ZaloHttp({ apiBaseUrl: config.ZALO_API_BASE_URL, tokens, logger });
    outbound = new ZaloClient({ http: zaloHttp, logger });
  }

  const services = buildServices({ config, db, clock, logger, redis, outbound });
  const bot = new Bot(services, buildHandlers(), fallback, logger);
  // A reply cut off by a crash is looked up in the conversation before it is sent again.
  const interrupted = zaloHttp ? { user: userHistory(zaloHttp, logger), group: groupHistory(zaloHttp, logger) } : null;
  const sender = new ReplySender({ outbox, outbound, clock: systemClock, logger, interrupted });
  const dispatcher = new InboxDispatcher({ inbox, outbox, bot, sender, clock: systemClock, logger });
  let worker: { close(): Promise<void> } | null = null;
  if (o.worker && redis) {
    const campaign = loadCampaign(config.CONTENT_DIR);
    worker = startBroadcastWorker({
      redisUrl: config.REDIS_URL,
      prefix: config.BULLMQ_PREFIX,
      store: new BroadcastStore(db),
      service: services.broadcasts,
      outbound,
      clock,
      logger,
      ratePerSec: config.BROADCAST_RATE_PER_SEC,
      quietHours: parseQuietHours(config.BROADCAST_QUIET_HOURS),
      onDaily: dailyReminder(services.broadcasts, campaign.window, () => clock.now(), logger),
      deliveryCheck: zaloHttp ? groupHistory(zaloHttp, logger) : null,
      ...o.workerOptions,
    });
    const queue = services.broadcasts.queue;
    const sync = () =>
      queue &&
      syncDailyReminder(queue.queue, config.DAILY_REMINDER_HOUR).catch((err) =>
        logger.warn({ err: (err as Error).message }, "daily reminder schedule not updated"),
      );
    if (redis.status === "ready") void sync();
    else redis.once("ready", () => void sync());
  }

  const alarms = new Alarms();
  const app = createApp({
    config,
    db,
    redis,
    services,
    logger,
    alarms,
    webhook: {
      inbox,
      refusals: new WebhookRefusals(logger, alarms),
      appId: config.ZALO_APP_ID,
      oaSecretKey: config.ZALO_OA_SECRET_KEY,
      onAccepted: (id, key) => dispatcher.enqueue(id, key),
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
    outbound,
    tokens,
    dispatcher,
    sender,
    app,
    alarms,
    async close() {
      sender.stop();
      await dispatcher.stop();
      await worker?.close();
      await services.broadcasts.queue?.close();
      if (redis) await redis.quit().catch(() => redis.disconnect());
      db.close();
    },
  };
}
