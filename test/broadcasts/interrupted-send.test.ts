import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ZaloApiError } from "../../src/errors.js";
import { silentLogger } from "../../src/observability/logger.js";
import { type HistoryReader, groupHistory } from "../../src/zalo/conversation-history.js";
import { settleInterrupted } from "../../src/zalo/interrupted-send.js";
import { ZaloClient } from "../../src/zalo/zalo-client.js";
import type { FakeZalo } from "../helpers/fake-zalo-server.js";
import { type FakeZaloHttp, fakeZaloHttp } from "../helpers/fake-zalo-http.js";

let z: FakeZaloHttp;
let fake: FakeZalo;
let history: HistoryReader;
let zalo: ZaloClient;

beforeEach(async () => {
  z = await fakeZaloHttp({ access: "old-token", refresh: "r-1" });
  fake = z.fake;
  history = groupHistory(z.http, silentLogger);
  zalo = new ZaloClient({ http: z.http, logger: silentLogger });
});
afterEach(() => z.close());

const REMINDER = "📣 Nhắc nhở\nTổ dân phố 1: đã có 3/70 người hoàn thành.";

describe("a send cut off by a crash, settled from the group's history", () => {
  it("finds the reminder the OA sent; says 'not there' for a group that never got it", async () => {
    const since = Date.now();
    await zalo.sendText({ kind: "group", id: "g-1" }, "Chào cả nhóm");
    await zalo.sendText({ kind: "group", id: "g-1" }, REMINDER);
    await zalo.sendText({ kind: "group", id: "g-2" }, "Chào cả nhóm");
    expect(await history.find("g-1", REMINDER.replace("\n", "\r\n"), since)).toMatchObject({ found: true, messageId: "fm-2" });
    expect(await history.find("g-2", REMINDER, since)).toEqual({ found: false });
    expect(await history.find("g-3", REMINDER, since)).toEqual({ found: false });
  });

  it("pages back through a busy group 5 at a time (Zalo's page), never taking a short page for the end", async () => {
    const since = Date.now();
    await zalo.sendText({ kind: "group", id: "g-1" }, REMINDER);
    for (let i = 0; i < 25; i++) await zalo.sendText({ kind: "group", id: "g-1" }, `tin ${i}`);
    expect(await history.find("g-1", REMINDER, since)).toMatchObject({ found: true });
    expect(fake.historyCalls).toBe(6); // 26 messages, 5 a page: the reminder is on the sixth
    // Not there: paged to the end (an empty page), not stopped at the first short page.
    expect(await history.find("g-1", "một lời nhắc chưa từng gửi", since)).toEqual({ found: false });
    expect(fake.historyCalls).toBe(6 + 7);
  });

  it("an expired token is refreshed once; -32 and 5xx are retryable; other errors cannot tell", async () => {
    fake.acceptTokens(["fresh"]);
    fake.nextTokens("fresh", "r-2");
    expect(await history.find("g-1", REMINDER, Date.now())).toEqual({ found: false });
    expect(fake.refreshCalls).toBe(1);
    fake.respondHistory(() => ({ body: { error: -32, message: "rate limit" } }));
    await expect(history.find("g-1", REMINDER, Date.now())).rejects.toBeInstanceOf(ZaloApiError);
    fake.respondHistory(() => ({ status: 503, body: "busy" }));
    await expect(history.find("g-1", REMINDER, Date.now())).rejects.toMatchObject({ kind: "retryable" });
    fake.respondHistory(() => ({ body: { error: -223, message: "no permission" } }));
    expect(await history.find("g-1", REMINDER, Date.now())).toBeNull();
    fake.respondHistory(() => ({ body: { error: 0, data: { unexpected: true } } }));
    expect(await history.find("g-1", REMINDER, Date.now())).toBeNull();
  });

  it("waits for a call still in flight to end, then says sent, absent or unknown", async () => {
    const send = { conversationId: "g-1", text: REMINDER, startedAt: 1_000 };
    const answer = (a: Awaited<ReturnType<HistoryReader["find"]>>) => ({ find: async () => a });
    expect(await settleInterrupted(answer(null), send, 1_500, 15_000)).toEqual({ kind: "wait", until: 16_000 });
    expect(await settleInterrupted(answer({ found: true, messageId: "m1" }), send, 20_000)).toEqual({ kind: "sent", messageId: "m1" });
    expect(await settleInterrupted(answer({ found: false }), send, 20_000)).toEqual({ kind: "absent" });
    expect(await settleInterrupted(answer(null), send, 20_000)).toEqual({ kind: "unknown" });
    expect(await settleInterrupted(null, send, 20_000)).toEqual({ kind: "unknown" }); // dry run: no history to read
  });
});
