import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { conversationKey } from "../../src/shared/conversation.js";
import { routeOf } from "../../src/zalo/event-route.js";
import { classifyEventName, parseEvent } from "../../src/zalo/zalo-events.js";
import { userText } from "../helpers/zalo-events.js";

const bots: TestBot[] = [];
afterEach(async () => {
  for (const b of bots.splice(0)) await b.close();
});

async function waitFor(done: () => boolean, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Replies per recipient, from SQLite (both sides write there). */
function repliesPerUser(bot: TestBot): Map<string, number> {
  const rows = bot.rt.db.prepare("SELECT recipient_id AS id, COUNT(*) AS n FROM outbox GROUP BY recipient_id").all() as {
    id: string;
    n: number;
  }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

describe("adaptive answering (npm start): here while light, in the thread once a backlog builds", () => {
  it("answers a trickle in this thread, moves under a burst, and answers every event exactly once across the move", async () => {
    // A rule that only a burst meets here: a few events waiting at one check.
    const bot = await startTestBot({}, { answering: "adaptive", backlogRule: { events: 4, checks: 1, perSecond: 1e9, everyMs: 2 } });
    bots.push(bot);
    const adaptive = bot.rt.adaptive!;
    for (let i = 0; i < 5; i++) {
      expect((await bot.post(userText(`calm-${i}`, "xin chào"))).status).toBe(200);
      await waitFor(() => bot.rt.inbox.pendingCount() === 0);
    }
    expect(adaptive.where).toBe("here");

    // A burst as the edge stores it, committed at once (a test client in this process cannot outrun the
    // answering here the way Zalo can).
    const burst = Array.from({ length: 300 }, (_, i) => `burst-${i}`);
    bot.rt.inbox.transaction(() => {
      for (const u of burst) {
        const raw = userText(u, "cuộc thi kết thúc ngày nào") as unknown as Record<string, unknown>;
        const cls = classifyEventName(String(raw.event_name));
        if (!cls.handled) throw new Error("a user message is handled");
        const event = parseEvent(raw, cls);
        bot.rt.inbox.insert({
          dedupeKey: `test:${u}`,
          eventName: String(raw.event_name),
          conversationKey: conversationKey(routeOf(event).conversation),
          userId: u,
          body: JSON.stringify(event.data),
          status: "pending",
          receivedAt: Date.now(),
        });
      }
    });
    adaptive.wake();
    await waitFor(() => adaptive.where === "thread");
    // Acknowledged during and after the move: answered by the thread.
    const after = Array.from({ length: 20 }, (_, i) => `after-${i}`);
    await Promise.all(after.map((u) => bot.post(userText(u, "xin chào"))));
    const everyone = [...Array.from({ length: 5 }, (_, i) => `calm-${i}`), ...burst, ...after];
    await waitFor(() => bot.rt.inbox.pendingCount() === 0 && repliesPerUser(bot).size === everyone.length, 60_000);
    const per = repliesPerUser(bot);
    expect([...per.keys()].sort()).toEqual([...everyone].sort());
    expect([...per.values()].every((n) => n === 1)).toBe(true);
    const statusCounts = bot.rt.db.prepare("SELECT status, COUNT(*) AS n FROM inbox GROUP BY status").all();
    expect(statusCounts).toEqual([{ status: "done", n: everyone.length }]);
  }, 90_000);

  it("a move in the middle of a burst: events in progress finish here, the rest is answered by the thread, each once", async () => {
    const bot = await startTestBot({}, { answering: "adaptive", backlogRule: { events: 1e9, checks: 1, perSecond: 1e9, everyMs: 1000 } });
    bots.push(bot);
    const users = Array.from({ length: 300 }, (_, i) => `mid-${i}`);
    const posts = users.map((u, i) =>
      bot.post(userText(u, "cuộc thi kết thúc ngày nào")).then((r) => {
        if (i === 100) void bot.rt.adaptive!.moveToThread();
        return r.status;
      }),
    );
    expect((await Promise.all(posts)).every((s) => s === 200)).toBe(true);
    await waitFor(() => bot.rt.adaptive!.where === "thread");
    await waitFor(() => bot.rt.inbox.pendingCount() === 0 && repliesPerUser(bot).size === users.length, 60_000);
    expect([...repliesPerUser(bot).values()].every((n) => n === 1)).toBe(true);
    const handledHere = bot.rt.db.prepare("SELECT COUNT(*) AS n FROM inbox WHERE status = 'done'").get() as { n: number };
    expect(handledHere.n).toBe(users.length);
  }, 90_000);

  it("moves when events arrive faster than the rule's rate, even with no backlog", async () => {
    const bot = await startTestBot({}, { answering: "adaptive", backlogRule: { events: 1e9, checks: 1, perSecond: 20, everyMs: 10 } });
    bots.push(bot);
    const users = Array.from({ length: 40 }, (_, i) => `rate-${i}`);
    await Promise.all(users.map((u) => bot.post(userText(u, "xin chào"))));
    await waitFor(() => bot.rt.adaptive!.where === "thread");
    await waitFor(() => bot.rt.inbox.pendingCount() === 0 && repliesPerUser(bot).size === users.length);
    expect([...repliesPerUser(bot).values()].every((n) => n === 1)).toBe(true);
  }, 60_000);

  it("a move while nothing is pending leaves nothing behind, and the thread answers what comes next", async () => {
    const bot = await startTestBot({}, { answering: "adaptive" });
    bots.push(bot);
    await bot.post(userText("m-1", "xin chào"));
    await waitFor(() => bot.rt.inbox.pendingCount() === 0);
    await bot.rt.adaptive!.moveToThread();
    expect(bot.rt.adaptive!.where).toBe("thread");
    await bot.post(userText("m-2", "xin chào"));
    await waitFor(() => repliesPerUser(bot).size === 2);
    expect([...repliesPerUser(bot).values()]).toEqual([1, 1]);
  }, 60_000);
});
