import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, beforeEach } from "vitest";
import { TEST_REDIS_URL } from "../helpers/redis.js";
import { cleanRedis } from "./broadcast-setup.js";

/**
 * A fresh queue prefix and a ready connection for each test of the file (removed after it): `tag` starts the
 * prefix. Read `prefix` and `redis` inside the tests, where they hold the current test's.
 */
export function useScratchRedis(tag: string): { prefix: string; redis: Redis } {
  const scratch = {} as { prefix: string; redis: Redis };
  beforeEach(async () => {
    scratch.prefix = `${tag}${randomUUID().slice(0, 8)}`;
    scratch.redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 });
    await new Promise((r) => scratch.redis.once("ready", r));
  });
  afterEach(async () => {
    scratch.redis.disconnect();
    await cleanRedis(scratch.prefix);
  });
  return scratch;
}
