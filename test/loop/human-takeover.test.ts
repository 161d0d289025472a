import { afterEach, describe, expect, it } from "vitest";
import { oaEcho, userText } from "../helpers/zalo-events.js";
import { DURING, deliveredTo, startLoopWorld, type LoopWorld } from "./loop-harness.js";

const RESIDENT = "7200000000000000001";
const QUESTION = "cuộc thi kết thúc ngày nào";
const at = (minutes: number) => new Date(new Date(DURING).getTime() + minutes * 60_000).toISOString();

/** What Zalo sends when an OA admin writes to the user by hand from the OA chat. */
function humanReply(userId: string, text: string) {
  const e = oaEcho(userId, text);
  return { ...e, sender: { ...e.sender, admin_id: "9900000000000000001" } };
}

let world: LoopWorld | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

async function ask(w: LoopWorld, text = QUESTION): Promise<string[]> {
  const before = deliveredTo(w.fake, RESIDENT).length;
  await w.bot.post(userText(RESIDENT, text));
  await w.bot.settle();
  return deliveredTo(w.fake, RESIDENT).slice(before);
}

describe("a human answer pauses the bot (HUMAN_TAKEOVER_MINUTES, clock from BOT_NOW)", () => {
  it("stays silent after an OA admin's reply, still takes commands, renews on each human reply, answers again after the pause", async () => {
    world = await startLoopWorld({ HUMAN_TAKEOVER_MINUTES: "60" });
    const w = world;
    expect(await ask(w)).toHaveLength(1);

    await w.bot.post(humanReply(RESIDENT, "Chào bạn, cán bộ phường đây."));
    await w.bot.settle();
    expect(await ask(w)).toEqual([]);
    // Commands and completion reports still work while a human holds the chat.
    expect((await ask(w, "#toi")).join("\n")).not.toBe("");
    expect((await ask(w, "#xong Nguyễn Văn An")).length).toBeGreaterThan(0);
    await ask(w, "#huy");
    const held = await w.api("GET", "/admin/takeovers");
    expect(held.json.items).toEqual([expect.objectContaining({ userId: RESIDENT, heldUntil: new Date(at(60)).toISOString() })]);
    expect(await (await fetch(`${w.bot.url}/admin`, { headers: { authorization: "Bearer loop-test-admin-token" } })).text()).toContain(
      "Trả lại cho bot",
    );

    // 50 minutes on the admin writes again: the pause runs 60 minutes from that reply.
    await w.restart({ BOT_NOW: at(50) });
    await w.bot.post(humanReply(RESIDENT, "Bạn cần hỏi thêm gì không?"));
    await w.bot.settle();
    await w.restart({ BOT_NOW: at(100) });
    expect(await ask(w)).toEqual([]);

    // After the pause the bot answers again.
    await w.restart({ BOT_NOW: at(111) });
    expect(await ask(w)).toHaveLength(1);
    expect((await w.api("GET", "/admin/takeovers")).json.items).toEqual([]);
  }, 60_000);

  it("the dashboard hands a conversation back at once", async () => {
    world = await startLoopWorld();
    const w = world;
    await w.bot.post(humanReply(RESIDENT, "Cán bộ đây ạ."));
    await w.bot.settle();
    expect(await ask(w)).toEqual([]);
    expect((await w.api("POST", `/admin/takeovers/${RESIDENT}/release`)).status).toBe(200);
    expect((await w.api("POST", `/admin/takeovers/${RESIDENT}/release`)).status).toBe(404);
    expect(await ask(w)).toHaveLength(1);
  });

  it("a bot reply still waiting to go out when the human answered is dropped, and the drop is visible", async () => {
    world = await startLoopWorld();
    const w = world;
    // Zalo fails for this resident (HTTP 502): the bot's answer waits between retries.
    w.fake.respond((m) => (m.to === RESIDENT ? { status: 502 } : undefined));
    await w.bot.post(userText(RESIDENT, QUESTION));
    await expect.poll(() => w.fake.requests.filter((m) => m.to === RESIDENT).length).toBeGreaterThan(0);
    await w.bot.post(humanReply(RESIDENT, "Cán bộ trả lời: thi đến hết 11/11/2025."));
    w.fake.respond(null);
    await w.bot.settle();
    await expect.poll(() => w.bot.rt.outbox.recent(10).find((r) => r.recipient_id === RESIDENT)?.status).toBe("dropped");
    expect(deliveredTo(w.fake, RESIDENT)).toEqual([]);
    const held = (await w.api("GET", "/admin/takeovers")).json.items as Array<{ dropped: number }>;
    expect(held[0]!.dropped).toBe(1);
  });

  it("an echo of the bot's own message (no admin_id) pauses nothing", async () => {
    world = await startLoopWorld();
    const w = world;
    await w.bot.post(oaEcho(RESIDENT, "tin bot tự gửi"));
    await w.bot.settle();
    expect(await ask(w)).toHaveLength(1);
  });
});
