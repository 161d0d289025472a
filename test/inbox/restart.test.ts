import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { signed, userText } from "../helpers/zalo-events.js";

const bots: TestBot[] = [];
afterEach(async () => {
  for (const b of bots.splice(0)) await b.close();
});

async function start(dir?: string) {
  const b = await startTestBot({}, dir ? { dir } : {});
  bots.push(b);
  return b;
}

describe("durable inbox across restarts", () => {
  it("an event acknowledged but not yet handled when the process died is answered after restart", async () => {
    const first = await start();
    await first.rt.dispatcher.stop(); // the crash: handling never happens after the ack
    expect((await first.post(userText("u-1", "xin chào"))).status).toBe(200);
    expect(first.rt.inbox.pendingCount()).toBe(1);
    expect(first.rt.outbox.recent()).toHaveLength(0);
    bots.pop();
    await first.close(false);

    const second = await start(first.dir);
    await second.settle();
    const out = second.rt.outbox.recent();
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ recipient_id: "u-1", status: "dry_run" });
    expect(second.rt.inbox.pendingCount()).toBe(0);
  });

  it("a redelivery after a restart is still recognised and not answered again", async () => {
    const first = await start();
    const event = userText("u-2", "xin chào", { msgId: "m-restart" });
    await first.post(event);
    await first.settle();
    bots.pop();
    await first.close(false);

    const second = await start(first.dir);
    const s = signed(event);
    const res = await second.postRaw(s.body, { ...s.headers, num_retry: "2" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ duplicate: true });
    await second.settle();
    expect(second.rt.outbox.recent().filter((r) => r.recipient_id === "u-2")).toHaveLength(1);
  });

  it("replies stored but not yet sent go out on restart, once", async () => {
    const first = await start();
    // Handled and stored, but the process died before delivery: put a pending reply in the outbox.
    first.rt.outbox.enqueue(null, { kind: "user", id: "u-3" }, "Tin nhắn chờ gửi", Date.now());
    bots.pop();
    await first.close(false);

    const second = await start(first.dir);
    await second.settle();
    const rows = second.rt.outbox.recent().filter((r) => r.recipient_id === "u-3");
    expect(rows).toHaveLength(1);
    expect(rows[0]!.status).toBe("dry_run");
  });
});
