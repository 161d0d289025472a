import { performance } from "node:perf_hooks";

/**
 * Lets CPU-bound work (handling inbox events: SQLite, matching) run one piece at a time and at most
 * `budgetMs` per event-loop turn, then yields to I/O. Webhook requests are then answered between slices
 * instead of waiting behind dozens of handlers that all woke up in the same turn.
 *
 * `acquire()` resolves with a turn when the caller may run; the caller releases it when its synchronous work
 * is done, and before any long wait such as an HTTP call (releasing twice is harmless).
 */
export class CpuSlicer {
  private busy = false;
  private readonly waiters: Array<() => void> = [];
  private sliceStart = -Infinity;
  private scheduled = false;

  constructor(private readonly budgetMs = 8) {}

  get waiting(): number {
    return this.waiters.length;
  }

  async acquire(): Promise<SliceTurn> {
    if (!this.busy && this.waiters.length === 0 && this.inSlice()) {
      this.busy = true;
    } else {
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        this.kick();
      });
    }
    let held = true;
    return {
      release: () => {
        if (!held) return;
        held = false;
        this.next();
      },
    };
  }

  private next(): void {
    this.busy = false;
    if (this.waiters.length === 0) return;
    if (this.inSlice()) {
      // Still within this turn's budget: hand over directly (runs in the same microtask checkpoint).
      this.busy = true;
      this.waiters.shift()!();
    } else {
      this.kick();
    }
  }

  private inSlice(): boolean {
    return performance.now() - this.sliceStart < this.budgetMs;
  }

  /** Starts a new slice in the next turn's check phase, after pending I/O (new requests) has run. */
  private kick(): void {
    if (this.scheduled || this.busy) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.busy || this.waiters.length === 0) return;
      this.sliceStart = performance.now();
      this.busy = true;
      this.waiters.shift()!();
    });
  }
}

export interface SliceTurn {
  release(): void;
}

/**
 * Awaits `work` while holding `turn` as long as it settles within this turn of the event loop (synchronous
 * work and already-resolved awaits); if it waits on real I/O (a handler calling Redis), the turn is released
 * so one slow handler does not hold up every other conversation.
 */
export async function holdWhileSync<T>(turn: SliceTurn, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Immediate | undefined;
  const slow = new Promise<"slow">((resolve) => (timer = setImmediate(() => resolve("slow"))));
  const first = await Promise.race([
    work.then(
      () => "done" as const,
      () => "done" as const,
    ),
    slow,
  ]);
  clearImmediate(timer);
  if (first === "slow") turn.release();
  return work;
}
