import { describe, expect, it, vi } from "vitest";
import { followBacklog, mayRestoreNice, type ThreadPriority } from "../../src/wiring/thread-priority.js";

const status = (capEff: string) => `Name:\tnode\nCapInh:\t0000000000000000\nCapEff:\t${capEff}\nCapBnd:\t000001ffffffffff\n`;
const limits = (soft: string) =>
  "Limit                     Soft Limit           Hard Limit           Units     \n" +
  `Max nice priority         ${soft}                    ${soft}                    \n`;

describe("the answering thread lowers its priority only while loading, and only when it may raise it again", () => {
  it("may with CAP_SYS_NICE (root, or a service granted it)", () => {
    expect(mayRestoreNice(status("000001fffeffffff"), limits("0"), 0)).toBe(true);
    expect(mayRestoreNice(status("0000000000800000"), limits("0"), 0)).toBe(true);
  });

  it("may not as an ordinary user with RLIMIT_NICE 0: it then keeps the process's priority from the start", () => {
    expect(mayRestoreNice(status("0000000000000000"), limits("0"), 0)).toBe(false);
    expect(mayRestoreNice(status("0000000000000000"), "", 0)).toBe(false);
  });

  it("may when RLIMIT_NICE reaches the process's nice value (20 - limit ≤ base)", () => {
    expect(mayRestoreNice(status("0000000000000000"), limits("20"), 0)).toBe(true);
    expect(mayRestoreNice(status("0000000000000000"), limits("15"), 5)).toBe(true);
    expect(mayRestoreNice(status("0000000000000000"), limits("15"), 0)).toBe(false);
    expect(mayRestoreNice(status("0000000000000000"), limits("unlimited"), 0)).toBe(true);
  });
});

describe("the answering thread's burst rule (followBacklog)", () => {
  const rule = { burst: 2000, growthPerSec: 1000, caughtUp: 200, everyMs: 250 };
  const recorded = () => {
    const calls: string[] = [];
    const priority: ThreadPriority = { lower: () => calls.push("lower"), restore: () => calls.push("restore") };
    return { calls, priority };
  };

  it("answers at the process's priority from the go; lowered only in a burst, back once the backlog shrinks", () => {
    vi.useFakeTimers();
    try {
      const { calls, priority } = recorded();
      let backlog: number | null = null;
      const stop = followBacklog(priority, () => backlog, rule);
      expect(calls).toEqual(["restore"]); // loaded: no longer at the loading priority
      vi.advanceTimersByTime(1000); // nothing read yet: no decision (not "every event ever stored waits")
      expect(calls).toEqual(["restore"]);
      // A steady load the thread is behind on: far behind, but the backlog grows slowly. Not lowered.
      for (let i = 0; i < 8; i++) {
        backlog = 2500 + 25 * i;
        vi.advanceTimersByTime(250);
      }
      expect(calls).not.toContain("lower");
      // A burst: +500 a check, 2,000 a second.
      for (let i = 1; i <= 5; i++) {
        backlog = 2700 + 500 * i;
        vi.advanceTimersByTime(250);
      }
      expect(calls).toContain("lower");
      expect(calls.at(-1)).toBe("lower");
      // The burst ends: the backlog shrinks over a second, the thread drains it at the process's priority.
      const lowered = calls.length;
      for (let i = 1; i <= 5; i++) {
        backlog = 5200 - 200 * i;
        vi.advanceTimersByTime(250);
      }
      expect(calls.slice(lowered)).toContain("restore");
      expect(calls.at(-1)).toBe("restore");
      const n = calls.length;
      stop(); // before the database closes: no check after it
      backlog = 50_000;
      vi.advanceTimersByTime(2000);
      expect(calls).toHaveLength(n);
    } finally {
      vi.useRealTimers();
    }
  });

  it("back once caught up, whatever the trend", () => {
    vi.useFakeTimers();
    try {
      const { calls, priority } = recorded();
      let backlog = 3000;
      const stop = followBacklog(priority, () => backlog, rule);
      for (let i = 1; i <= 5; i++) {
        backlog = 3000 + 1000 * i;
        vi.advanceTimersByTime(250);
      }
      expect(calls.at(-1)).toBe("lower");
      backlog = 100;
      vi.advanceTimersByTime(250);
      expect(calls.at(-1)).toBe("restore");
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
