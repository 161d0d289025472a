import type { Redis } from "ioredis";
import { type Clock, clockFromEnv } from "../clock.js";
import type { Config } from "../config.js";
import { type Campaign, loadCampaign } from "../content/campaign.js";
import { type Db, openDatabase } from "../db/database.js";
import { writeBehind } from "../db/write-behind.js";
import type { Logger } from "../observability/logger.js";
import { createRedis } from "../redis/redis-connection.js";
import { RedisOutageLog } from "../redis/redis-outage.js";

/** What every long-running process opens first: the clock, SQLite, Redis, and the campaign (loaded once). */
export interface ProcessBase {
  clock: Clock;
  db: Db;
  /** null: no Redis at all (ask/chat CLIs). */
  redis: Redis | null;
  /** One story per Redis outage for every connection of the process (the app's and the worker's). */
  redisOutage: RedisOutageLog;
  campaign: Campaign;
  /** Closes Redis and SQLite. */
  close(): Promise<void>;
}

export function openProcessBase(config: Config, logger: Logger, o: { redis: boolean }): ProcessBase {
  // content/ first: a bad edit stops start-up before anything is opened.
  const campaign = loadCampaign(config.CONTENT_DIR);
  const db = openDatabase(config.DATABASE_PATH);
  const redisOutage = new RedisOutageLog(logger);
  const redis = o.redis ? createRedis(config.REDIS_URL, logger, redisOutage) : null;
  return {
    clock: clockFromEnv(config.BOT_NOW),
    db,
    redis,
    redisOutage,
    campaign,
    async close() {
      if (redis) await redis.quit().catch(() => redis.disconnect());
      writeBehind(db).flush();
      db.close();
    },
  };
}
