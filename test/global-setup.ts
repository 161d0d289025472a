import { spawnSync } from "node:child_process";
import { type OwnRedis, redisAnswers, startOwnRedis } from "./helpers/own-redis.js";

let own: OwnRedis | null = null;

/**
 * Tests need a Redis: REDIS_URL (or the default) when one answers there, else a redis-server of our own on a
 * free port for this run, handed to the test workers (and the bots they spawn) through REDIS_URL.
 */
export async function setup(): Promise<void> {
  const url = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  if (await redisAnswers(url)) {
    process.env.REDIS_URL = url;
    return;
  }
  if (spawnSync("sh", ["-c", "command -v redis-server"]).status !== 0) {
    console.warn(`No Redis answers at ${url} and redis-server is not installed: sudo apt-get install -y redis-server`);
    return;
  }
  own = await startOwnRedis();
  process.env.REDIS_URL = own.url;
  console.info(`No Redis at ${url}: started redis-server on ${own.url} for this run`);
}

export async function teardown(): Promise<void> {
  await own?.stop();
}
