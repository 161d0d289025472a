import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cleanRedis } from "../broadcasts/broadcast-setup.js";
import { CHROMIUM, HAS_CHROMIUM, launchPhoneBrowser, signInToDashboard, warnIfNoChromium } from "../helpers/chromium.js";
import { startFakeZalo, type FakeZalo } from "../helpers/fake-zalo-server.js";
import { TEST_REDIS_URL } from "../helpers/redis.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { CAMPAIGN_NOW, seedPeople } from "./seed-people.js";

const ARTIFACTS = join(process.cwd(), "test-artifacts");
const ADMIN_TOKEN = "browser-test-admin-token";
/** The fake Zalo refuses this group: the broadcast shows a per-target failure. */
const FAILING_GROUP = "9000000000000000003";

warnIfNoChromium("dashboard browser test");

describe.skipIf(!HAS_CHROMIUM)(`dashboard in headless Chromium (${CHROMIUM})`, () => {
  let bot: TestBot;
  let fake: FakeZalo;
  let browser: Awaited<ReturnType<typeof launchPhoneBrowser>>;
  let context: BrowserContext;
  const prefix = `t${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    fake = await startFakeZalo();
    fake.respond((m) => (m.to === FAILING_GROUP ? { body: { error: -201, message: "group not found" } } : undefined));
    bot = await startTestBot(
      {
        ADMIN_TOKEN,
        BOT_NOW: CAMPAIGN_NOW,
        // The API budget is not what this measures: let every call through.
        ZALO_API_RATE_PER_MIN: "1000000",
        ZALO_ACCESS_TOKEN: "fake-access-1",
        ZALO_API_BASE_URL: fake.url,
        ZALO_OAUTH_BASE_URL: fake.url,
        REDIS_URL: TEST_REDIS_URL,
        BULLMQ_PREFIX: prefix,
      },
      { redis: true, worker: true, workerOptions: { backoffBaseMs: 20, backoffCapMs: 100 } },
    );
    seedPeople(bot.rt.services.people);
    for (let i = 0; i < 50 && bot.rt.redis?.status !== "ready"; i++) await new Promise((r) => setTimeout(r, 50));
    browser = await launchPhoneBrowser();
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await bot?.close();
    await fake?.close();
    await cleanRedis(prefix);
  });

  it("signs in, sees the behind unit highlighted, previews a reminder and sends it", async () => {
    const { page, problems } = await signInToDashboard(context, bot.url, ADMIN_TOKEN);

    const behind = page.locator('[data-unit="TDP-AD2"]');
    expect(await behind.getAttribute("class")).toContain("behind");
    expect(await behind.textContent()).toContain("Chậm tiến độ");
    const onTrack = page.locator('[data-unit="TDP-AD1"]');
    expect(await onTrack.textContent()).toContain("Đúng tiến độ");
    const bg = (l: typeof behind) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg(behind)).not.toBe(await bg(onTrack));
    // Single column on a phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    // Preview: the rendered reminder texts, nothing sent.
    await page.getByRole("button", { name: "Xem trước tin nhắn" }).click();
    const preview = page.locator("#reminder-messages li");
    await preview.first().waitFor();
    expect(await preview.count()).toBe(2);
    const texts = await preview.allTextContents();
    expect(texts.join("\n")).toContain("Tổ dân phố Số 2: đã có 1/35 người hoàn thành");
    expect(fake.requests).toHaveLength(0);
    // Before confirming: how long it takes under ZALO_API_RATE_PER_MIN.
    expect(await page.locator("#reminder-expected").textContent()).toMatch(/^Dự kiến gửi 2 tin trong khoảng 1 phút/);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "dashboard.png"), fullPage: true });

    // Confirm: queued, then the live status reaches "done" with the refused group listed.
    await page.getByRole("button", { name: "Xác nhận gửi 2 tin" }).click();
    await page.locator("#reminder-status", { hasText: "Đã xếp lịch gửi tới 2 nhóm" }).waitFor();
    const item = page.locator("#broadcast-list [data-broadcast-id]").first();
    await item.locator('[data-field="status"]', { hasText: "Đã xong" }).waitFor({ timeout: 15_000 });
    expect(await item.locator('[data-field="sent"]').textContent()).toBe("1");
    expect(await item.locator('[data-field="failures"]').textContent()).toContain("Tổ dân phố Số 3");
    expect(fake.delivered.map((m) => m.to)).toEqual(["9000000000000000002"]);

    // After a reload the server-rendered list shows the same.
    await page.reload();
    expect(await page.locator("#broadcast-list").textContent()).toContain("Tổ dân phố Số 3");
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-after-send.png"), fullPage: true });

    expect(problems).toEqual([]);
  });
});
