import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signatureHeader } from "../../src/webhook/webhook-signature.js";
import { DOC_EVENTS, type DocEventName } from "../fixtures/zalo-doc-events.js";
import { type FakeZalo, startFakeZalo } from "../helpers/fake-zalo-server.js";
import { TEST_REDIS_URL } from "../helpers/redis.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { TEST_APP_ID, signed } from "../helpers/zalo-events.js";

const ADMIN = "admin-token-for-tests";
let bot: TestBot;
beforeEach(async () => {
  bot = await startTestBot();
});
afterEach(async () => {
  await bot.close();
});

const inboxRows = () =>
  bot.rt.db.prepare("SELECT event_name, status FROM inbox ORDER BY id").all() as { event_name: string; status: string }[];
const metricsText = async () => (await fetch(`${bot.url}/metrics`)).text();
const refusedCount = (text: string, reason: string) =>
  Number(new RegExp(`zalo_webhook_refused_total\\{reason="${reason}"\\} (\\d+)`).exec(text)?.[1] ?? 0);

describe("every sample body from Zalo's docs gets 200", () => {
  const names = Object.keys(DOC_EVENTS) as DocEventName[];
  it.each(names)("%s, signed → 200", async (name) => {
    const res = await bot.post({ ...DOC_EVENTS[name] });
    expect(res.status).toBe(200);
  });

  it("stores what the bot acts on or acknowledges; refuses, without storing, what it cannot verify or use", async () => {
    for (const name of names) await bot.post({ ...DOC_EVENTS[name] });
    await bot.settle();
    const stored = new Set(inboxRows().map((r) => r.event_name));
    for (const name of [
      "user_send_text",
      "user_send_location",
      "user_send_group_text",
      "user_send_group_image",
      "follow",
      "user_submit_info",
      "user_withdraw",
      "user_join_group",
      "create_group",
      "oa_send_text",
      "user_seen_message",
      "user_received_message",
      "user_reacted_message",
    ]) {
      expect(stored, name).toContain(name);
    }
    // No app_id → cannot be verified; unlinked withdraw → nobody to erase: acknowledged, never stored.
    expect(stored).not.toContain("change_oa_daily_quota");
    expect(inboxRows().filter((r) => r.event_name === "user_withdraw")).toHaveLength(1);
    const m = await metricsText();
    expect(refusedCount(m, "missing_app_id")).toBeGreaterThanOrEqual(1);
    expect(refusedCount(m, "unlinked_withdraw")).toBeGreaterThanOrEqual(1);
  });

  it("receipts and reactions are acknowledged, stored as ignored, never answered", async () => {
    for (const name of ["user_seen_message", "user_received_message", "user_reacted_message"] as const) {
      await bot.post({ ...DOC_EVENTS[name] });
    }
    await bot.settle();
    expect(bot.rt.outbox.recent()).toHaveLength(0);
    expect(new Set(inboxRows().map((r) => r.status))).toEqual(new Set(["ignored"]));
  });

  it("{} gets 200 and does nothing, with or without a signature header", async () => {
    const unsigned = await bot.postRaw("{}");
    const signedEmpty = await bot.postRaw("{}", {
      "content-type": "application/json",
      "x-zevent-signature": signatureHeader(TEST_APP_ID, "{}", "", "test-oa-secret-key"),
    });
    expect([unsigned.status, signedEmpty.status]).toEqual([200, 200]);
    expect(inboxRows()).toHaveLength(0);
    const m = await metricsText();
    expect(refusedCount(m, "probe")).toBeGreaterThanOrEqual(1);
    expect(refusedCount(m, "empty_event")).toBeGreaterThanOrEqual(1);
  });
});

describe("a wrong ZALO_OA_SECRET_KEY", () => {
  let wrong: TestBot;
  beforeEach(async () => {
    wrong = await startTestBot(
      { ZALO_OA_SECRET_KEY: "not-the-key-zalo-uses", ADMIN_TOKEN: ADMIN, REDIS_URL: TEST_REDIS_URL },
      { redis: true },
    );
  });
  afterEach(async () => {
    await wrong.close();
  });

  it("200s, nothing stored or answered; /readyz and /metrics name it, the dashboard shows a banner; a good event clears it", async () => {
    for (let i = 0; i < 6; i++) {
      const res = await wrong.post({ ...DOC_EVENTS.user_send_text, message: { text: "xin chào", msg_id: `m-${i}` } });
      expect(res.status).toBe(200);
    }
    await wrong.settle();
    expect(wrong.rt.db.prepare("SELECT COUNT(*) AS n FROM inbox").get()).toEqual({ n: 0 });
    expect(wrong.rt.outbox.recent()).toHaveLength(0);
    let ready = await fetch(`${wrong.url}/readyz`);
    for (let i = 0; i < 50 && ready.status !== 200; i++) {
      await new Promise((r) => setTimeout(r, 50)); // Redis connecting
      ready = await fetch(`${wrong.url}/readyz`);
    }
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { alarms: { name: string; message: string }[] };
    expect(body.alarms.map((a) => a.name)).toEqual(["webhook_bad_signature"]);
    expect(body.alarms[0]!.message).toBe("Chữ ký webhook sai: kiểm tra ZALO_OA_SECRET_KEY");
    const m = await (await fetch(`${wrong.url}/metrics`)).text();
    expect(refusedCount(m, "bad_signature")).toBeGreaterThanOrEqual(6);
    const page = await (await fetch(`${wrong.url}/admin`, { headers: { authorization: `Bearer ${ADMIN}` } })).text();
    expect(page).toContain("Chữ ký webhook sai: kiểm tra ZALO_OA_SECRET_KEY");
    // Signed with the key the bot has: the key was fixed on Zalo's side, or the run was stray posts.
    const good = signed({ ...DOC_EVENTS.user_send_text }, "not-the-key-zalo-uses");
    expect((await wrong.postRaw(good.body, good.headers)).status).toBe(200);
    const after = (await (await fetch(`${wrong.url}/readyz`)).json()) as { alarms: unknown[] };
    expect(after.alarms).toEqual([]);
  });
});

describe("each kind of chat a resident can start is answered as it should be", () => {
  const replies = (to: string) =>
    (bot.rt.db.prepare("SELECT text FROM outbox WHERE recipient_id = ? ORDER BY id").all(to) as { text: string }[]).map((r) => r.text);

  it("anonymous_send_text is answered in the anonymous chat (anonymous id + conversation id)", async () => {
    await bot.post({
      ...DOC_EVENTS.anonymous_send_text,
      message: { ...DOC_EVENTS.anonymous_send_text.message, text: "cuoc thi ket thuc ngay nao" },
    });
    await bot.settle();
    const out = replies("anon:1ffedc467f179649cf06:fa8f3f8701c2e89cb1d3");
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/11\/11\/2025/);
  });

  it("a completion report from an anonymous chat is declined politely and not recorded", async () => {
    for (const [i, text] of ["#xong Nguyễn Văn An, TDP 5", "em thi xong rồi ạ"].entries()) {
      const base = DOC_EVENTS.anonymous_send_text;
      await bot.post({ ...base, message: { ...base.message, msg_id: `anon-${i}`, text }, timestamp: String(1648018958300 + i) });
    }
    await bot.settle();
    const out = replies("anon:1ffedc467f179649cf06:fa8f3f8701c2e89cb1d3");
    expect(out).toHaveLength(2);
    for (const t of out) expect(t).toMatch(/ẩn danh.*chưa ghi nhận/s);
    expect(bot.rt.db.prepare("SELECT COUNT(*) AS n FROM completions").get()).toEqual({ n: 0 });
  });

  it("user_click_chatnow gets the greeting and the menu", async () => {
    await bot.post({ ...DOC_EVENTS.user_click_chatnow });
    await bot.settle();
    const out = replies("8309215952164870311");
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/Xin chào/);
    expect(out[0]).toMatch(/bạn chọn một mục \(gõ số\)[^\n]*\n1\. /i);
  });

  it("media without text 1:1 gets one short reply and the menu; in a group, silence", async () => {
    const oneToOne = ["image", "sticker", "link", "file", "audio"].map((kind, i) => ({
      ...DOC_EVENTS.user_send_location,
      event_name: `user_send_${kind}`,
      sender: { id: `media-${kind}` },
      message: { msg_id: `media-msg-${i}`, attachments: [{ type: kind, payload: { url: "https://zalo.example/x" } }] },
    }));
    for (const e of [...oneToOne, { ...DOC_EVENTS.user_send_location }, { ...DOC_EVENTS.user_send_group_image }]) await bot.post(e);
    await bot.settle();
    for (const kind of ["image", "sticker", "link", "file", "audio"]) {
      const out = replies(`media-${kind}`);
      expect(out, kind).toHaveLength(1);
      expect(out[0]).toMatch(/chỉ đọc được tin nhắn chữ/);
      expect(out[0]).toMatch(/bạn chọn một mục \(gõ số\)[^\n]*\n1\. /i);
    }
    expect(replies("246845883529197922")).toHaveLength(1); // the location
    expect(replies("f414c8f76fa586fbdfb4")).toEqual([]);
  });

  it("an OA echo sent by a person (sender.admin_id) is parsed, handled and never answered", async () => {
    await bot.post({ ...DOC_EVENTS.oa_send_text });
    await bot.settle();
    expect(inboxRows()).toEqual([{ event_name: "oa_send_text", status: "done" }]);
    expect(bot.rt.outbox.recent()).toHaveLength(0);
  });
});

describe("against the fake Zalo", () => {
  let fake: FakeZalo;
  let live: TestBot;
  beforeEach(async () => {
    fake = await startFakeZalo();
    live = await startTestBot({ ZALO_ACCESS_TOKEN: "access-1", ZALO_API_BASE_URL: fake.url, ZALO_OAUTH_BASE_URL: fake.url });
  });
  afterEach(async () => {
    await live.close();
    await fake.close();
  });

  it("the anonymous reply goes to /v2.0/oa/message with recipient {anonymous_id, conversation_id}", async () => {
    await live.post({ ...DOC_EVENTS.anonymous_send_text });
    await live.settle();
    expect(fake.delivered).toHaveLength(1);
    expect(fake.delivered[0]).toMatchObject({ kind: "anonymous", to: "1ffedc467f179649cf06", conversationId: "fa8f3f8701c2e89cb1d3" });
    expect(live.rt.outbox.recent()[0]?.status).toBe("sent");
  });
});
