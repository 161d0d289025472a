import { afterEach, describe, expect, it } from "vitest";
import { startFakeZalo, type FakeZalo } from "../helpers/fake-zalo-server.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { userText } from "../helpers/zalo-events.js";

/**
 * A reply left 'sending' by a process killed during the HTTP call may or may not have reached Zalo. On
 * restart the conversation is read back (GET /v2.0/oa/conversation): there → marked sent, not sent again;
 * not there, or the history cannot be read → sent again (a second answer beats none).
 */
let fake: FakeZalo;
const bots: TestBot[] = [];
afterEach(async () => {
  for (const b of bots.splice(0)) await b.close();
  await fake?.close();
});

async function start(dir?: string) {
  const b = await startTestBot(
    { ZALO_ACCESS_TOKEN: "fake-access-1", ZALO_API_BASE_URL: fake.url, ZALO_OAUTH_BASE_URL: fake.url },
    dir ? { dir } : {},
  );
  bots.push(b);
  return b;
}

/** What a process killed mid-send leaves: the row claimed ('sending') a minute ago; optionally the call had landed. */
async function interrupted(bot: TestBot, user: string, text: string, reachedZalo: boolean) {
  const id = bot.rt.outbox.enqueue(null, { kind: "user", id: user }, text, Date.now() - 60_000);
  bot.rt.outbox.claim(id, Date.now() - 60_000);
  if (reachedZalo) {
    await fetch(`${fake.url}/v3.0/oa/message/cs`, {
      method: "POST",
      headers: { "content-type": "application/json", access_token: "fake-access-1" },
      body: JSON.stringify({ recipient: { user_id: user }, message: { text } }),
    });
  }
  return id;
}

describe("a reply cut off by a crash", () => {
  it("is not sent again when the conversation shows it arrived, and is sent when it did not", async () => {
    fake = await startFakeZalo();
    const first = await start();
    const landed = await interrupted(first, "u-landed", "Câu trả lời đã tới", true);
    const lost = await interrupted(first, "u-lost", "Câu trả lời chưa tới", false);
    // An event of u-landed stored but not handled: it waits for that conversation's leftover reply.
    await first.rt.dispatcher.stop();
    expect((await first.post(userText("u-landed", "xin chào"))).status).toBe(200);
    bots.pop();
    await first.close(false);

    const second = await start(first.dir);
    await second.settle();
    const to = (u: string) => fake.delivered.filter((m) => m.to === u).map((m) => m.text);
    expect(to("u-landed")[0]).toBe("Câu trả lời đã tới");
    expect(to("u-landed").filter((t) => t === "Câu trả lời đã tới")).toHaveLength(1);
    expect(to("u-landed")).toHaveLength(2); // the leftover reply, then the answer to the stored event
    expect(to("u-lost")).toEqual(["Câu trả lời chưa tới"]);
    const status = (id: number) => second.rt.outbox.get(id)?.status;
    expect(status(landed)).toBe("sent");
    expect(status(lost)).toBe("sent");
    expect(fake.historyCalls).toBeGreaterThanOrEqual(2);
  });

  it("is sent again when the conversation cannot be read", async () => {
    fake = await startFakeZalo();
    const first = await start();
    await interrupted(first, "u-unknown", "Không rõ đã tới chưa", true);
    bots.pop();
    await first.close(false);

    fake.respondHistory(() => ({ body: { error: -201, message: "Parameters are invalid" } }));
    const second = await start(first.dir);
    await second.settle();
    expect(fake.delivered.filter((m) => m.to === "u-unknown")).toHaveLength(2);
  });
});
