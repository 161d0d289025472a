import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { signatureHeader } from "../../src/webhook/webhook-signature.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { TEST_APP_ID, follow, groupManagement, groupText, oaEcho, signed, userText } from "../helpers/zalo-events.js";

let bot: TestBot;
beforeEach(async () => {
  bot = await startTestBot();
});
afterEach(async () => {
  await bot.close();
});

const count = (table: string) => (bot.rt.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe("POST /webhooks/zalo: the edge", () => {
  it("accepts a signed event, stores it, and answers it after the ack", async () => {
    const res = await bot.post(userText("u-1", "xin chào"));
    expect(res.status).toBe(200);
    await bot.settle();
    const out = bot.rt.outbox.recent();
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ recipient_kind: "user", recipient_id: "u-1", status: "dry_run" });
  });

  it("missing header, wrong secret, tampered body: 200 (Zalo must not see a failing webhook), nothing stored, nothing answered", async () => {
    const event = userText("u-2", "xin chào");
    const good = signed(event);
    const noHeader = await bot.postRaw(good.body, { "content-type": "application/json" });
    const wrongSecret = signed(event, "not-the-secret");
    const r2 = await bot.postRaw(wrongSecret.body, wrongSecret.headers);
    const r3 = await bot.postRaw(good.body.replace("xin chào", "xin chao"), good.headers);
    expect([noHeader.status, r2.status, r3.status]).toEqual([200, 200, 200]);
    expect(await noHeader.json()).toEqual({ ok: true, refused: "missing_signature" });
    expect(await r2.json()).toEqual({ ok: true, refused: "bad_signature" });
    await bot.settle();
    expect(count("inbox")).toBe(0);
    expect(count("outbox")).toBe(0);
  });

  it("answers a redelivered event once (same msg_id, and same body without msg_id)", async () => {
    const event = userText("u-3", "xin chào", { msgId: "dup-1" });
    const s = signed(event);
    const statuses = await Promise.all([1, 2, 3].map(() => bot.postRaw(s.body, { ...s.headers, num_retry: "1" })));
    expect(statuses.map((r) => r.status)).toEqual([200, 200, 200]);
    const f = follow("u-4");
    await bot.post(f);
    await bot.post(f);
    await bot.settle();
    expect(bot.rt.outbox.recent().filter((r) => r.recipient_id === "u-3")).toHaveLength(1);
    expect(bot.rt.outbox.recent().filter((r) => r.recipient_id === "u-4")).toHaveLength(1);
  });

  it("the unsigned {} probe gets 200 and does nothing", async () => {
    const res = await bot.postRaw("{}");
    expect(res.status).toBe(200);
    expect(count("inbox")).toBe(0);
  });

  it("echoes of the OA's own messages, receipts and unknown events are acknowledged and never answered", async () => {
    const seen = {
      app_id: TEST_APP_ID,
      event_name: "user_seen_message",
      sender: { id: "oa" },
      recipient: { id: "u-5" },
      message: { msg_ids: ["a"] },
      timestamp: "1760000009999",
    };
    const unknown = { app_id: TEST_APP_ID, event_name: "brand_new_event", timestamp: "1760000009998", foo: 1 };
    for (const e of [oaEcho("u-5", "xin chào"), seen, unknown]) expect((await bot.post(e)).status).toBe(200);
    await bot.settle();
    expect(count("outbox")).toBe(0);
    // Echoes run through the chain (a person answering by hand can be noticed); receipts and unknowns do not.
    const statuses = bot.rt.db.prepare("SELECT event_name, status FROM inbox ORDER BY id").all() as {
      event_name: string;
      status: string;
    }[];
    expect(statuses.map((s) => s.status)).toEqual(["done", "ignored", "ignored"]);
  });

  it("group management events are accepted without a reply", async () => {
    expect((await bot.post(groupManagement("g-1", "user_join_group", ["u-9"]))).status).toBe(200);
    await bot.settle();
    expect(count("outbox")).toBe(0);
  });

  it("400 for malformed JSON and invalid UTF-8; wrong types and missing fields refused with 200; 413 over 1 MiB", async () => {
    expect((await bot.postRaw("{not json")).status).toBe(400);
    expect((await bot.postRaw(Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))).status).toBe(400);
    const refusedAs = async (e: Record<string, unknown>) => {
      const res = await bot.post(e);
      expect(res.status).toBe(200);
      return ((await res.json()) as { refused?: string }).refused;
    };
    const numericId = { ...userText("u-6", "hi"), sender: { id: 123456789 } };
    expect(await refusedAs(numericId)).toBe("invalid_event");
    const noMessage: Record<string, unknown> = { ...userText("u-6", "hi") };
    delete noMessage.message;
    expect(await refusedAs(noMessage)).toBe("invalid_event");
    expect(await refusedAs({ ...userText("u-6", "hi"), event_name: 42 })).toBe("not_an_event");
    expect((await bot.postRaw("[1,2]")).status).toBe(200);
    const big = userText("u-6", "x".repeat(1024 * 1024 + 10));
    expect((await bot.post(big)).status).toBe(413);
    expect(count("inbox")).toBe(0);
  });

  it("keeps ids as strings, even long numeric ones", async () => {
    const id = "8756287263838723462";
    await bot.post(userText(id, "xin chào"));
    await bot.settle();
    expect(bot.rt.outbox.recent()[0]?.recipient_id).toBe(id);
  });

  it("handles events of one conversation in order", async () => {
    for (const t of ["xin chào", "chào ad", "hello", "chào bot", "xin chào ạ"]) await bot.post(userText("u-7", t));
    await bot.settle();
    const ids = bot.rt.db.prepare("SELECT inbox_id FROM outbox WHERE recipient_id = 'u-7' ORDER BY id").all() as { inbox_id: number }[];
    expect(ids.map((r) => r.inbox_id)).toEqual([...ids.map((r) => r.inbox_id)].sort((a, b) => a - b));
    expect(ids).toHaveLength(5);
  });

  it("accepts the signature computed with the X-ZEvent-Timestamp header when the body's does not match", async () => {
    const event = userText("u-8", "xin chào");
    const body = JSON.stringify(event);
    const res = await bot.postRaw(body, {
      "content-type": "application/json",
      "x-zevent-timestamp": "1700000000123",
      "x-zevent-signature": signatureHeader(TEST_APP_ID, body, "1700000000123", "test-oa-secret-key"),
    });
    expect(res.status).toBe(200);
  });
});

describe("end to end against a nock'd Zalo API", () => {
  let live: TestBot;
  beforeEach(async () => {
    nock.disableNetConnect();
    nock.enableNetConnect("127.0.0.1");
    live = await startTestBot({ ZALO_ACCESS_TOKEN: "access-1" });
  });
  afterEach(async () => {
    await live.close();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("user_send_text → a reply POSTed to /v3.0/oa/message/cs with the right recipient", async () => {
    let sent: { recipient: { user_id: string }; message: { text: string } } | undefined;
    const scope = nock("https://openapi.zalo.me")
      .post("/v3.0/oa/message/cs", (b) => {
        sent = b;
        return true;
      })
      .matchHeader("access_token", "access-1")
      .reply(200, { error: 0, message: "Success", data: { message_id: "m-1", user_id: "u-100" } });
    expect((await live.post(userText("u-100", "xin chào"))).status).toBe(200);
    await live.settle();
    expect(scope.isDone()).toBe(true);
    expect(sent?.recipient.user_id).toBe("u-100");
    expect(sent?.message.text).toMatch(/Xin chào/);
    expect(live.rt.outbox.recent()[0]).toMatchObject({ status: "sent", message_id: "m-1" });
  });

  it("a group event → /v3.0/oa/group/message with recipient.group_id", async () => {
    let sent: { recipient: { group_id: string } } | undefined;
    const scope = nock("https://openapi.zalo.me")
      .post("/v3.0/oa/group/message", (b) => {
        sent = b;
        return true;
      })
      .reply(200, { error: 0, message: "Success", data: { message_id: "m-2", group_id: "g-77" } });
    expect((await live.post(groupText("g-77", "u-101", "xin chào"))).status).toBe(200);
    await live.settle();
    expect(scope.isDone()).toBe(true);
    expect(sent?.recipient).toEqual({ group_id: "g-77" });
  });

  it("a permanent Zalo error marks the reply failed with the reason, without retries", async () => {
    const scope = nock("https://openapi.zalo.me")
      .post("/v3.0/oa/message/cs")
      .reply(200, { error: -230, message: "User has not interacted with the OA in the past 7 days" });
    await live.post(userText("u-102", "xin chào"));
    await live.settle();
    expect(scope.isDone()).toBe(true);
    const row = live.rt.outbox.recent()[0]!;
    expect(row.status).toBe("failed");
    expect(row.error).toContain("-230");
  });
});
