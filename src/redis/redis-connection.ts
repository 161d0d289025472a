import { Redis } from "ioredis";
import type { Logger } from "../observability/logger.js";
import { RedisOutageLog } from "./redis-outage.js";

/**
 * The HTTP-facing Redis connection: fails fast while Redis is down (no offline queue) so requests get a
 * clear 503 instead of hanging; reconnects in the background forever.
 */
export function createRedis(url: string, logger: Logger, outage: RedisOutageLog = new RedisOutageLog(logger)): Redis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  // ioredis emits an error on every reconnect attempt: the outage log says it once a minute.
  redis.on("error", (err: Error) => outage.down(err.message));
  redis.on("ready", () => outage.up());
  redis.connect().catch(() => {
    /* reported by the error listener; retryStrategy keeps trying */
  });
  return redis;
}

export async function isRedisHealthy(redis: Redis | null, timeoutMs = 500): Promise<boolean> {
  if (redis?.status !== "ready") return false;
  try {
    const pong = await Promise.race([
      redis.ping(),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref()),
    ]);
    return pong === "PONG";
  } catch {
    return false;
  }
}
