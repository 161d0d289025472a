import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FakeZalo, startFakeZalo } from "../helpers/fake-zalo-server.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { userText } from "../helpers/zalo-events.js";

const ADMIN = "admin-token-for-tests";
let fake: FakeZalo;
let bot: TestBot;
beforeEach(async () => {
  fake = await startFakeZalo();
  bot = await startTestBot({ ZALO_ACCESS_TOKEN: "a-1", ZALO_API_BASE_URL: fake.url, ZALO_OAUTH_BASE_URL: fake.url, ADMIN_TOKEN: ADMIN });
});
afterEach(async () => {
  await bot.close();
  await fake.close();
});

const row = (userId: string) =>
  bot.rt.db
    .prepare("SELECT status, error, quota_type, quota_remain, quota_total, refusal_code FROM outbox WHERE recipient_id = ?")
    .get(userId);

describe("Zalo's send quota and window", () => {
  it("keeps the quota Zalo returns with each reply (data.quota)", async () => {
    await bot.post(userText("q-1", "xin chào"));
    await bot.settle();
    expect(row("q-1")).toMatchObject({ status: "sent", quota_type: "reply", quota_remain: 7, quota_total: 8 });
  });

  it("a refusal for the 7-day window or quota marks the reply failed with the reason, counts it, and tells officers", async () => {
    fake.refuseUser("q-2", -230);
    fake.refuseUser("q-3", -211);
    await bot.post(userText("q-2", "xin chào"));
    await bot.post(userText("q-3", "xin chào"));
    await bot.settle();
    expect(row("q-2")).toMatchObject({ status: "failed", refusal_code: -230 });
    expect((row("q-2") as { error: string }).error).toMatch(/-230.*7 days/);
    expect(row("q-3")).toMatchObject({ status: "failed", refusal_code: -211 });
    expect(fake.requests.filter((m) => m.to === "q-2")).toHaveLength(1); // not retried
    const metrics = await (await fetch(`${bot.url}/metrics`)).text();
    expect(metrics).toMatch(/zalo_send_refused_total\{code="-230"\} [1-9]/);
    expect(metrics).toMatch(/zalo_send_refused_total\{code="-211"\} [1-9]/);
    const page = await (await fetch(`${bot.url}/admin`, { headers: { authorization: `Bearer ${ADMIN}` } })).text();
    expect(page).toContain("Zalo từ chối 2 tin trả lời trong 24 giờ qua");
    expect(page).toContain("quá 7 ngày");
    expect(page).toContain("hết hạn mức");
  });
});
