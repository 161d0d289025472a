import { afterEach, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { metrics, registerQueueDepth } from "../../src/observability/metrics.js";
import { cleanRedis, inspectQueue } from "../broadcasts/broadcast-setup.js";
import { startFakeZalo } from "../helpers/fake-zalo-server.js";
import { TEST_REDIS_URL } from "../helpers/redis.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { userText } from "../helpers/zalo-events.js";

let bot: TestBot | null = null;
afterEach(async () => {
  await bot?.close();
  bot = null;
});

/** The value of one sample line, e.g. `zalo_events_total{event="user_send_text",outcome="accepted"}`. */
function sample(text: string, series: string): number {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : 0;
}

describe("GET /metrics", () => {
  it("serves Prometheus text with every metric the issue names, without auth", async () => {
    bot = await startTestBot({ ADMIN_TOKEN: "metrics-test-admin-token" });
    const res = await fetch(`${bot.url}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    for (const name of [
      "zalo_webhook_ack_seconds",
      "zalo_events_total",
      "faq_answers_total",
      "zalo_outbound_total",
      "queue_depth",
      "zalo_token_refresh_total",
      "admin_logins_total",
      "process_cpu_seconds_total",
    ]) {
      expect(text).toContain(`# TYPE ${name} `);
    }
  });

  it("counts webhook events by type and times their acknowledgement", async () => {
    bot = await startTestBot();
    const before = await (await fetch(`${bot.url}/metrics`)).text();
    const event = userText("5000000000000000001", "xin chào");
    expect((await bot.post(event)).status).toBe(200);
    expect((await bot.post(event)).status).toBe(200);
    await bot.settle();
    const after = await (await fetch(`${bot.url}/metrics`)).text();
    const accepted = 'zalo_events_total{event="user_send_text",outcome="accepted"}';
    const duplicate = 'zalo_events_total{event="user_send_text",outcome="duplicate"}';
    expect(sample(after, accepted) - sample(before, accepted)).toBe(1);
    expect(sample(after, duplicate) - sample(before, duplicate)).toBe(1);
    const acks = 'zalo_webhook_ack_seconds_count{status="200"}';
    expect(sample(after, acks) - sample(before, acks)).toBe(2);
    // The reply went to the dry-run outbox and was counted.
    const dry = 'zalo_outbound_total{kind="user",result="dry_run"}';
    expect(sample(after, dry) - sample(before, dry)).toBeGreaterThanOrEqual(1);
  });

  it("counts FAQ outcomes: answered and fallback", async () => {
    bot = await startTestBot({ BOT_NOW: "2025-11-01T10:00:00+07:00" });
    const before = await (await fetch(`${bot.url}/metrics`)).text();
    await bot.post(userText("5000000000000000021", "cuộc thi kết thúc ngày nào"));
    await bot.post(userText("5000000000000000022", "giá vé máy bay đi Đà Nẵng bao nhiêu"));
    await bot.settle();
    const after = await (await fetch(`${bot.url}/metrics`)).text();
    for (const outcome of ["answered", "fallback"]) {
      const series = `faq_answers_total{outcome="${outcome}"}`;
      expect(sample(after, series) - sample(before, series), outcome).toBe(1);
    }
  });

  it("counts token refreshes", async () => {
    const fake = await startFakeZalo();
    try {
      // Only a refresh token: the first access token has to be fetched.
      bot = await startTestBot({
        ZALO_APP_SECRET: "app-secret",
        ZALO_REFRESH_TOKEN: "refresh-1",
        ZALO_API_BASE_URL: fake.url,
        ZALO_OAUTH_BASE_URL: fake.url,
      });
      const before = await (await fetch(`${bot.url}/metrics`)).text();
      await bot.rt.tokens!.refreshIfDue();
      const after = await (await fetch(`${bot.url}/metrics`)).text();
      expect(fake.refreshCalls).toBe(1);
      const ok = 'zalo_token_refresh_total{result="ok"}';
      expect(sample(after, ok) - sample(before, ok)).toBe(1);
    } finally {
      await bot?.close();
      bot = null;
      await fake.close();
    }
  });

  it("reads registered queue depths at scrape time", async () => {
    bot = await startTestBot();
    let waiting = 7;
    const unregister = registerQueueDepth("broadcast-test", async () => waiting);
    try {
      expect(sample(await (await fetch(`${bot.url}/metrics`)).text(), 'queue_depth{queue="broadcast-test"}')).toBe(7);
      waiting = 2;
      expect(sample(await (await fetch(`${bot.url}/metrics`)).text(), 'queue_depth{queue="broadcast-test"}')).toBe(2);
    } finally {
      unregister();
      metrics.queueDepth.remove({ queue: "broadcast-test" });
    }
  });

  it("reports the reminder queue's depth from Redis", async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    bot = await startTestBot({ REDIS_URL: TEST_REDIS_URL, BULLMQ_PREFIX: prefix }, { redis: true });
    try {
      for (let i = 0; i < 50 && bot.rt.redis?.status !== "ready"; i++) await new Promise((r) => setTimeout(r, 50));
      const bull = inspectQueue(prefix);
      await bull.queue.add("send", { broadcastId: "b", groupId: "g" }, { delay: 60_000 });
      await bull.close();
      const text = await (await fetch(`${bot.url}/metrics`)).text();
      expect(sample(text, 'queue_depth{queue="broadcasts"}')).toBe(1);
    } finally {
      await bot.close();
      bot = null;
      await cleanRedis(prefix);
    }
  });
});
