import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { TEST_REDIS_URL } from "../helpers/redis.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";

let bot: TestBot | undefined;
afterEach(async () => {
  await bot?.close();
  bot = undefined;
});

async function closedPort(): Promise<number> {
  const srv = createServer().listen(0, "127.0.0.1");
  await new Promise((r) => srv.once("listening", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function waitFor(check: () => Promise<boolean>, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("health and readiness", () => {
  it("/healthz answers ok; /readyz is 200 when SQLite and Redis work", async () => {
    bot = await startTestBot({ REDIS_URL: TEST_REDIS_URL }, { redis: true });
    expect(await (await fetch(`${bot.url}/healthz`)).json()).toEqual({ status: "ok" });
    await waitFor(async () => (await fetch(`${bot!.url}/readyz`)).status === 200);
    const res = await fetch(`${bot.url}/readyz`);
    expect(res.status).toBe(200);
  });

  it("/readyz is 503 naming Redis when Redis does not answer", async () => {
    bot = await startTestBot({ REDIS_URL: `redis://127.0.0.1:${await closedPort()}` }, { redis: true });
    const res = await fetch(`${bot.url}/readyz`);
    expect(res.status).toBe(503);
    const body = await res.json();
    expect(body.failing).toEqual(["redis"]);
    expect(body.message).toContain("redis");
  });

  it("unknown routes get a JSON 404", async () => {
    bot = await startTestBot();
    const res = await fetch(`${bot.url}/nope`);
    expect(res.status).toBe(404);
  });
});
