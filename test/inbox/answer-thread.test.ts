import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { userText } from "../helpers/zalo-events.js";

const bots: TestBot[] = [];
afterEach(async () => {
  for (const b of bots.splice(0)) await b.close();
});

/** Polls SQLite (the answering thread writes there) until `done` holds. */
async function waitFor(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 20));
}

describe("answering in a worker thread (npm start)", () => {
  it("answers every acknowledged event once, from its own SQLite connection, and reports its metrics", async () => {
    const bot = await startTestBot({}, { answering: "thread" });
    bots.push(bot);
    const users = Array.from({ length: 20 }, (_, i) => `t-${i}`);
    const statuses = await Promise.all(users.map((u) => bot.post(userText(u, "cuộc thi kết thúc ngày nào")).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Outbox rows exist from the moment a reply is planned; wait until every one has been through the sender.
    const settled = () => bot.rt.outbox.recent(100).filter((r) => r.status !== "pending" && r.status !== "sending").length >= users.length;
    await waitFor(() => bot.rt.inbox.pendingCount() === 0 && settled());
    const out = bot.rt.outbox.recent(100);
    expect(out.map((r) => r.recipient_id).sort()).toEqual([...users].sort());
    expect(out.every((r) => r.status === "dry_run" && r.text.includes("11/11/2025"))).toBe(true);
    // The thread's counters reach /metrics through the main thread; a counter is bumped just after its outbox
    // row is written, so read until the last send is counted (or 10 s pass) and then check.
    const scrape = async () => (await fetch(`${bot.url}/metrics`)).text();
    let text = await scrape();
    for (let i = 0; i < 100 && !/zalo_outbound_total\{kind="user",result="dry_run"\} 20/.test(text); i++) {
      await new Promise((r) => setTimeout(r, 100));
      text = await scrape();
    }
    expect(text).toMatch(/zalo_outbound_total\{kind="user",result="dry_run"\} 20/);
  }, 60_000);

  it("leaves events it has not started pending when it stops, and a restart answers them", async () => {
    const first = await startTestBot({}, { answering: "thread" });
    bots.push(first);
    await Promise.all(Array.from({ length: 30 }, (_, i) => first.post(userText(`s-${i}`, "xin chào"))));
    bots.pop();
    await first.close(false);
    const second = await startTestBot({}, { dir: first.dir, answering: "thread" });
    bots.push(second);
    await waitFor(() => second.rt.inbox.pendingCount() === 0);
    const out = second.rt.outbox.recent(100);
    expect(new Set(out.map((r) => r.recipient_id)).size).toBe(30);
    expect(out).toHaveLength(30);
  }, 60_000);
});
