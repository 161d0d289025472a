import { describe, expect, it } from "vitest";
import { startWhenReminderWork } from "../../src/broadcasts/reminder-worker-on-demand.js";
import { silentLogger } from "../../src/observability/logger.js";
import { inspectQueue } from "./broadcast-setup.js";
import { useScratchRedis } from "./scratch-redis.js";

const POLL_MS = 50;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const scratch = useScratchRedis("od");

/** A starter that counts its calls; `worker.closed` says whether the started worker was closed. */
function watch(ledgerOpen = () => false) {
  const worker = { starts: 0, closed: false };
  const handle = startWhenReminderWork({
    redis: scratch.redis,
    ledgerOpen,
    prefix: scratch.prefix,
    logger: silentLogger,
    pollMs: POLL_MS,
    start: async () => {
      worker.starts++;
      return {
        close: async () => {
          worker.closed = true;
        },
      };
    },
  });
  return { worker, handle };
}

describe("the reminder worker starts once the queue holds work", () => {
  it("an empty queue: never started, however long it waits", async () => {
    const { worker, handle } = watch();
    await sleep(POLL_MS * 6);
    await handle.close();
    expect(worker.starts).toBe(0);
  });

  it("a job added by another process (the CLI, another bot) starts it within a poll or two, once", async () => {
    const { worker, handle } = watch();
    await sleep(POLL_MS * 3);
    expect(worker.starts).toBe(0);
    const other = inspectQueue(scratch.prefix);
    await other.queue.add("send", { broadcastId: "b", groupId: "g" });
    await other.close();
    await sleep(POLL_MS * 4);
    expect(worker.starts).toBe(1);
    await sleep(POLL_MS * 3);
    expect(worker.starts).toBe(1);
    await handle.close();
    expect(worker.closed).toBe(true);
  });

  it("a delayed job left by the last run (a daily schedule leaves one too): started at the first check", async () => {
    const other = inspectQueue(scratch.prefix);
    await other.queue.add("send", { broadcastId: "b", groupId: "g" }, { delay: 3_600_000 });
    await other.close();
    const { worker, handle } = watch();
    await sleep(POLL_MS / 2);
    expect(worker.starts).toBe(1);
    await handle.close();
  });

  it("a start that fails (Redis gone mid-start) is tried again at the next poll, not given up", async () => {
    const other = inspectQueue(scratch.prefix);
    await other.queue.add("send", { broadcastId: "b", groupId: "g" });
    await other.close();
    let attempts = 0;
    const handle = startWhenReminderWork({
      redis: scratch.redis,
      ledgerOpen: () => false,
      prefix: scratch.prefix,
      logger: silentLogger,
      pollMs: POLL_MS,
      start: async () => {
        attempts++;
        if (attempts === 1) throw new Error("connection lost");
        return { close: async () => undefined };
      },
    });
    await sleep(POLL_MS * 4);
    expect(attempts).toBe(2);
    await sleep(POLL_MS * 3);
    expect(attempts).toBe(2);
    await handle.close();
  });

  it("an unfinished broadcast in the ledger whose jobs an emptied Redis lost: started, so it re-queues them", async () => {
    let open = false;
    const { worker, handle } = watch(() => open);
    await sleep(POLL_MS * 3);
    expect(worker.starts).toBe(0);
    open = true;
    await sleep(POLL_MS * 3);
    expect(worker.starts).toBe(1);
    await handle.close();
  });

  it("closed before any work: a job added later starts nothing", async () => {
    const { worker, handle } = watch();
    await handle.close();
    const other = inspectQueue(scratch.prefix);
    await other.queue.add("send", { broadcastId: "b", groupId: "g" });
    await other.close();
    await sleep(POLL_MS * 4);
    expect(worker.starts).toBe(0);
  });
});
