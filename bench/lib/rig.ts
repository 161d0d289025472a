import { randomUUID } from "node:crypto";
import { startFakeZalo } from "../../test/helpers/fake-zalo-server.js";
import { makeTempDir } from "./bot-process.js";
import { machineLine } from "./machine.js";

/**
 * What every bench against a bot starts with: the line naming the machine's conditions, the Redis to use, a
 * key prefix of its own (benches may share a Redis), a temp dir for the bot's files and a fake Zalo.
 */
export async function startRig(name: string, tag: string) {
  console.log(machineLine());
  return {
    redisUrl: process.env.REDIS_URL ?? "redis://127.0.0.1:6379",
    prefix: `${tag}${randomUUID().slice(0, 8)}`,
    tmp: makeTempDir(`${name}-`),
    fake: await startFakeZalo(),
  };
}
