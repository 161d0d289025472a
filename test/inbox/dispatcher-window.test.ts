import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { InboxDispatcher } from "../../src/inbox/inbox-dispatcher.js";
import { InboxStore } from "../../src/inbox/inbox-store.js";
import { OutboxStore, type OutboxRow } from "../../src/inbox/outbox-store.js";
import { silentLogger } from "../../src/observability/logger.js";
import type { ZaloEvent } from "../../src/zalo/zalo-events.js";

let dir: string | null = null;
let db: Db | null = null;
afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  db = dir = null;
});

/** `total` pending user_send_text events over `users` conversations, stored as the edge stores them. */
function fillInbox(inbox: InboxStore, total: number, users: number): void {
  inbox.transaction(() => {
    for (let i = 0; i < total; i++) {
      const user = `u-${i % users}`;
      const data = {
        app_id: "app",
        timestamp: String(1_700_000_000_000 + i),
        event_name: "user_send_text",
        sender: { id: user },
        recipient: { id: "oa" },
        message: { msg_id: `m-${i}`, text: `câu hỏi ${i}` },
      };
      inbox.insert({
        dedupeKey: `msg:m-${i}`,
        eventName: "user_send_text",
        conversationKey: `user:${user}`,
        userId: user,
        body: JSON.stringify(data),
        status: "pending",
        receivedAt: Date.now(),
      });
    }
  });
}

describe("the dispatcher's window", () => {
  it("holds at most its window in memory with 50,000 events pending in the inbox, in order per conversation", async () => {
    dir = mkdtempSync(join(tmpdir(), "dispatcher-window-"));
    db = openDatabase(join(dir, "bot.db"));
    const inbox = new InboxStore(db);
    const outbox = new OutboxStore(db);
    fillInbox(inbox, 50_000, 5_000);

    const window = 512;
    const handleFirst = 3_000;
    let handled = 0;
    let maxSeen = 0;
    const lastSeq = new Map<string, number>();
    let outOfOrder = 0;
    let reached!: () => void;
    const enough = new Promise<void>((resolve) => (reached = resolve));
    const dispatcher: InboxDispatcher = new InboxDispatcher({
      inbox,
      outbox,
      clock: systemClock,
      logger: silentLogger,
      sorry: "Xin lỗi, hệ thống đang gặp sự cố.",
      window,
      concurrency: 64,
      bot: {
        async handle(event: ZaloEvent) {
          maxSeen = Math.max(maxSeen, dispatcher.inMemory);
          if (event.family !== "user_message") throw new Error("unexpected event");
          const user = event.data.sender.id;
          const seq = Number(event.data.message.msg_id!.slice(2));
          if (seq < (lastSeq.get(user) ?? -1)) outOfOrder++;
          lastSeq.set(user, seq);
          if (++handled === handleFirst) reached();
          return { intent: "echo", replies: [{ to: { kind: "user", id: user }, text: `đáp ${seq}` }] };
        },
      },
      sender: {
        async deliver(row: OutboxRow) {
          outbox.finish(row.id, "dry_run", Date.now());
        },
      },
    });

    void dispatcher.resume();
    await enough;
    await dispatcher.stop(); // what is not started stays pending in SQLite

    const done = (db.prepare("SELECT COUNT(*) AS n FROM inbox WHERE status = 'done'").get() as { n: number }).n;
    expect(done).toBeGreaterThanOrEqual(handleFirst);
    expect(inbox.pendingCount()).toBe(50_000 - done);
    expect(db.prepare("SELECT COUNT(*) AS n, COUNT(DISTINCT inbox_id) AS events FROM outbox WHERE status = 'dry_run'").get()).toEqual({
      n: done,
      events: done,
    });
    expect(outOfOrder).toBe(0);
    expect(maxSeen).toBeGreaterThan(window / 2); // the window did fill
    expect(maxSeen).toBeLessThanOrEqual(window);
    expect(dispatcher.peakInMemory).toBeLessThanOrEqual(window);
  }, 120_000);

  it("picks up events the edge stores while it runs, once woken", async () => {
    dir = mkdtempSync(join(tmpdir(), "dispatcher-window-"));
    db = openDatabase(join(dir, "bot.db"));
    const inbox = new InboxStore(db);
    const outbox = new OutboxStore(db);
    const handled: string[] = [];
    const dispatcher = new InboxDispatcher({
      inbox,
      outbox,
      clock: systemClock,
      logger: silentLogger,
      sorry: "Xin lỗi, hệ thống đang gặp sự cố.",
      window: 4,
      bot: {
        async handle(event: ZaloEvent) {
          if (event.family === "user_message") handled.push(event.data.message.msg_id!);
          return { intent: null, replies: [] };
        },
      },
      sender: { async deliver() {} },
    });
    await dispatcher.resume();
    await dispatcher.idle();
    fillInbox(inbox, 10, 3);
    dispatcher.wake();
    await dispatcher.idle();
    expect(handled).toHaveLength(10);
    expect(new Set(handled).size).toBe(10);
    expect(dispatcher.peakInMemory).toBeLessThanOrEqual(4);
    // A wake with nothing new: the idle dispatcher sweeps its window from the start (events left below its page
    // cursor); what it has read stays read — the answering thread's burst rule counts the events above it.
    dispatcher.wake();
    await dispatcher.idle();
    expect(dispatcher.readUpTo).toBe(inbox.lastId());
    expect(dispatcher.inMemory).toBe(0);
  });
});

describe("the dispatcher's group commit", () => {
  it("commits the outcomes of a slice together; one that cannot be written is rolled back alone", async () => {
    dir = mkdtempSync(join(tmpdir(), "dispatcher-group-"));
    db = openDatabase(join(dir, "bot.db"));
    const conn = db;
    let commits = 0;
    class CountingInbox extends InboxStore {
      override transaction<T>(fn: () => T): T {
        if (!conn.inTransaction) commits++;
        return super.transaction(fn);
      }
    }
    class FailingOutbox extends OutboxStore {
      override enqueueClaimed(...args: Parameters<OutboxStore["enqueueClaimed"]>): number {
        if (args[1].id === "u-7") throw new Error("disk says no");
        return super.enqueueClaimed(...args);
      }
    }
    const inbox = new CountingInbox(db);
    const outbox = new FailingOutbox(db);
    fillInbox(inbox, 20, 20);
    commits = 0;
    const sent: string[] = [];
    const dispatcher = new InboxDispatcher({
      inbox,
      outbox,
      clock: systemClock,
      logger: silentLogger,
      sorry: "Xin lỗi, hệ thống đang gặp sự cố.",
      bot: {
        async handle(event: ZaloEvent) {
          if (event.family !== "user_message") throw new Error("unexpected event");
          return { intent: "echo", replies: [{ to: { kind: "user", id: event.data.sender.id }, text: "đáp" }] };
        },
      },
      sender: {
        async deliver(row: OutboxRow) {
          sent.push(row.recipient_id);
          outbox.finish(row.id, "dry_run", Date.now());
        },
      },
    });
    await dispatcher.resume();
    await dispatcher.idle();
    await dispatcher.stop();

    // Every other event answered once, after its outcome was committed.
    expect(sent.sort()).toEqual(
      Array.from({ length: 20 }, (_, i) => `u-${i}`)
        .filter((u) => u !== "u-7")
        .sort(),
    );
    const status = (user: string) => (conn.prepare("SELECT status FROM inbox WHERE user_id = ?").get(user) as { status: string }).status;
    expect(status("u-3")).toBe("done");
    // Its savepoint rolled back: no reply row, not marked done (it is retried, then given up).
    expect(status("u-7")).not.toBe("done");
    expect((conn.prepare("SELECT COUNT(*) AS n FROM outbox WHERE recipient_id = 'u-7'").get() as { n: number }).n).toBe(0);
    // 19 outcomes, far fewer commits: they ride together.
    expect(commits).toBeLessThan(10);
  });
});

describe("attempts counted ahead", () => {
  /** An inbox on the same database that does nothing once its process has "crashed". */
  class CrashableInbox extends InboxStore {
    dead = false;
    override pendingAfter(afterId: number, limit: number) {
      return this.dead ? [] : super.pendingAfter(afterId, limit);
    }
    override markAttempt(id: number): boolean {
      return !this.dead && super.markAttempt(id);
    }
    override markAttempts(ids: readonly number[]): boolean[] {
      return this.dead ? ids.map(() => false) : super.markAttempts(ids);
    }
    override isPending(id: number): boolean {
      return !this.dead && super.isPending(id);
    }
    override transaction<T>(fn: () => T): T {
      if (this.dead) throw new Error("crashed");
      return super.transaction(fn);
    }
    override flushLater(): void {
      if (!this.dead) super.flushLater();
    }
  }

  it("an event that crashes the process every time is given up after 3 crashes; the events behind it are answered", async () => {
    dir = mkdtempSync(join(tmpdir(), "dispatcher-poison-"));
    db = openDatabase(join(dir, "bot.db"));
    const conn = db;
    fillInbox(new InboxStore(db), 60, 60);
    const poison = "m-5";
    const outbox = new OutboxStore(db);
    const answered: string[] = [];
    let runs = 0;
    const run = async (): Promise<"crashed" | "idle"> => {
      const inbox = new CrashableInbox(conn);
      let crash!: () => void;
      const crashed = new Promise<"crashed">((resolve) => (crash = () => resolve("crashed")));
      const dispatcher = new InboxDispatcher({
        inbox,
        outbox,
        clock: systemClock,
        logger: silentLogger,
        sorry: "Xin lỗi, hệ thống đang gặp sự cố.",
        bot: {
          handle(event: ZaloEvent) {
            if (event.family !== "user_message") throw new Error("unexpected event");
            if (inbox.dead) return new Promise(() => {});
            if (event.data.message.msg_id === poison) {
              inbox.dead = true; // the process dies here: nothing more reaches SQLite
              crash();
              return new Promise(() => {});
            }
            return Promise.resolve({ intent: "echo", replies: [{ to: { kind: "user" as const, id: event.data.sender.id }, text: "đáp" }] });
          },
        },
        sender: {
          async deliver(row: OutboxRow) {
            if (inbox.dead) return;
            answered.push(row.recipient_id);
            outbox.finish(row.id, "dry_run", Date.now());
          },
        },
      });
      runs++;
      return Promise.race([
        crashed,
        dispatcher
          .resume()
          .then(() => dispatcher.idle())
          .then(() => "idle" as const),
      ]);
    };

    const results: string[] = [];
    for (let i = 0; i < 6; i++) {
      const r = await run();
      results.push(r);
      if (r === "idle") break;
    }
    expect(results).toEqual(["crashed", "crashed", "crashed", "idle"]);
    const rows = conn.prepare("SELECT user_id, status, attempts FROM inbox ORDER BY id").all() as Array<{
      user_id: string;
      status: string;
      attempts: number;
    }>;
    expect(rows.find((r) => r.user_id === "u-5")).toMatchObject({ status: "failed", attempts: 3 });
    // Every other event answered, exactly once, none given up.
    expect(rows.filter((r) => r.user_id !== "u-5").every((r) => r.status === "done")).toBe(true);
    expect(answered.sort()).toEqual(
      rows
        .map((r) => r.user_id)
        .filter((u) => u !== "u-5")
        .sort(),
    );
    expect(runs).toBe(4);
  });

  it("a graceful stop takes back the attempts counted ahead for events it did not start", async () => {
    dir = mkdtempSync(join(tmpdir(), "dispatcher-ahead-"));
    db = openDatabase(join(dir, "bot.db"));
    const inbox = new InboxStore(db);
    const outbox = new OutboxStore(db);
    fillInbox(inbox, 200, 200);
    let handled = 0;
    let reached!: () => void;
    const enough = new Promise<void>((resolve) => (reached = resolve));
    const dispatcher = new InboxDispatcher({
      inbox,
      outbox,
      clock: systemClock,
      logger: silentLogger,
      sorry: "Xin lỗi, hệ thống đang gặp sự cố.",
      bot: {
        async handle(event: ZaloEvent) {
          if (event.family !== "user_message") throw new Error("unexpected event");
          if (++handled === 30) reached();
          return { intent: "echo", replies: [] };
        },
      },
      sender: { async deliver() {} },
    });
    void dispatcher.resume();
    await enough;
    await dispatcher.stop();
    const counts = db
      .prepare("SELECT status, attempts, COUNT(*) AS n FROM inbox GROUP BY status, attempts ORDER BY status, attempts")
      .all() as Array<{ status: string; attempts: number; n: number }>;
    // Handled once each; the rest pending with no attempt counted.
    expect(counts.filter((c) => c.status === "pending")).toEqual([{ status: "pending", attempts: 0, n: 200 - handled }]);
    expect(counts.filter((c) => c.status === "done")).toEqual([{ status: "done", attempts: 1, n: handled }]);
  });
});
