import { readFileSync, readlinkSync } from "node:fs";
import { getPriority, setPriority } from "node:os";

/** CAP_SYS_NICE in /proc/self/status CapEff: may lower a nice value. */
const CAP_SYS_NICE = 23n;

/**
 * Whether this process may lower a nice value from `base + by` back to `base`: with CAP_SYS_NICE, or when
 * RLIMIT_NICE allows it (its soft limit r allows nice values down to 20 - r). Without either, Linux lets an
 * unprivileged process raise its nice value but never lower it again.
 */
export function mayRestoreNice(procStatus: string, procLimits: string, base: number): boolean {
  const cap = /^CapEff:\s*([0-9a-f]+)$/im.exec(procStatus);
  if (cap && (BigInt(`0x${cap[1]}`) >> CAP_SYS_NICE) & 1n) return true;
  const limit = /^Max nice priority\s+(\d+|unlimited)/im.exec(procLimits);
  if (!limit) return false;
  return limit[1] === "unlimited" || 20 - Number(limit[1]) <= base;
}

/** Switches the calling thread between the process's priority and one `by` nice steps lower. */
export interface ThreadPriority {
  lower(): void;
  restore(): void;
}

/**
 * The calling thread's priority, or null where lowering it could not be undone (mayRestoreNice: the thread
 * would stay at the lower priority for good) — it then keeps the process's priority throughout. Linux only
 * (/proc/thread-self names the thread); elsewhere, or when the system refuses, null too.
 */
export function threadPriority(by: number): ThreadPriority | null {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (!Number.isInteger(tid) || tid <= 0) return null;
    const base = getPriority(tid);
    const status = readFileSync("/proc/self/status", "utf8");
    const limits = readFileSync("/proc/self/limits", "utf8");
    if (!mayRestoreNice(status, limits, base)) return null;
    let lowered = false;
    const set = (to: boolean) => {
      if (lowered === to) return;
      try {
        setPriority(tid, to ? Math.min(19, base + by) : base);
        lowered = to;
      } catch {
        // Refused: stays where it is.
      }
    };
    return { lower: () => set(true), restore: () => set(false) };
  } catch {
    return null;
  }
}

/** When a thread that answers goes to its lower priority and back (answer-thread.ts). */
export interface BacklogPriorityRule {
  /** Lowered only while more than this many events wait… */
  burst: number;
  /** …and the backlog grew by more than this many over the last second: events come much faster than answered. */
  growthPerSec: number;
  /** Back to the process's priority once this many or fewer are left, or once the backlog shrinks. */
  caughtUp: number;
  /** Milliseconds between checks. */
  everyMs: number;
}

/**
 * Puts `priority` back to the process's at once (the thread is loaded and answering), then checks `backlog()`
 * every `rule.everyMs`. Lowered in a burst: more than `rule.burst` events waiting and the backlog growing by more
 * than `rule.growthPerSec` (a full-speed burst adds thousands a second: the edge gets the CPU first). Back once the
 * backlog shrinks over a second or `rule.caughtUp` are left: a burst that ended is drained at full priority, and a
 * steady load the thread is just behind on does not push it to the lower priority, where it fell further behind.
 * Unchanged otherwise. `backlog()` returns null while it cannot tell (nothing read yet). Returns the stop: the
 * checks read the database, so it is called before the connection closes.
 */
export function followBacklog(priority: ThreadPriority, backlog: () => number | null, rule: BacklogPriorityRule): () => void {
  priority.restore();
  const perSecond = Math.max(1, Math.round(1000 / rule.everyMs));
  const recent: number[] = [];
  const check = () => {
    const waiting = backlog();
    if (waiting === null) return;
    recent.push(waiting);
    if (recent.length > perSecond + 1) recent.shift();
    const growth = recent.length > perSecond ? waiting - recent[0]! : null;
    if (waiting <= rule.caughtUp || (growth !== null && growth < 0)) priority.restore();
    else if (waiting > rule.burst && growth !== null && growth > rule.growthPerSec) priority.lower();
  };
  const timer = setInterval(check, rule.everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
