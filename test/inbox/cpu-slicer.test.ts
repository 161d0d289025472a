import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { CpuSlicer, holdWhileSync } from "../../src/inbox/cpu-slicer.js";

const spin = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    /* busy */
  }
};

describe("CpuSlicer", () => {
  it("runs one holder at a time and lets I/O callbacks in between slices", async () => {
    const slicer = new CpuSlicer(5);
    const log: string[] = [];
    let running = 0;
    let maxRunning = 0;
    const task = async (i: number) => {
      const turn = await slicer.acquire();
      running++;
      maxRunning = Math.max(maxRunning, running);
      spin(2);
      log.push(`t${i}`);
      running--;
      turn.release();
    };
    const all = Promise.all(Array.from({ length: 20 }, (_, i) => task(i)));
    // An I/O-like callback queued now must not wait for all 20 × 2 ms of work.
    const io = new Promise<void>((resolve) =>
      setImmediate(() => {
        log.push("io");
        resolve();
      }),
    );
    await Promise.all([all, io]);
    expect(maxRunning).toBe(1);
    const ioAt = log.indexOf("io");
    expect(ioAt).toBeGreaterThan(-1);
    expect(ioAt).toBeLessThan(10);
  });

  it("holdWhileSync keeps the turn for synchronous work and gives it up while waiting on I/O", async () => {
    const slicer = new CpuSlicer(50);
    const turn = await slicer.acquire();
    const slow = holdWhileSync(
      turn,
      sleep(30).then(() => "slow"),
    );
    // Another holder gets the CPU while the first one waits.
    const other = slicer.acquire().then((t) => {
      t.release();
      return "other";
    });
    const first = await Promise.race([other, slow]);
    expect(first).toBe("other");
    expect(await slow).toBe("slow");
    turn.release(); // twice is harmless

    const t2 = await slicer.acquire();
    let waiterRan = false;
    const waiter = slicer.acquire().then((t) => {
      waiterRan = true;
      t.release();
    });
    expect(await holdWhileSync(t2, Promise.resolve(42))).toBe(42);
    expect(waiterRan).toBe(false); // still held: sync work keeps its turn
    t2.release();
    await waiter;
    expect(waiterRan).toBe(true);
  });
});
