import { createHash } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import type { Redis } from "ioredis";
import { ApiBudgetExhaustedError } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import { metrics } from "../observability/metrics.js";
import type { ApiLane, CallBudget } from "./call-budget.js";

/** Reminders may use this share of a minute's calls; the rest is held for replies to residents. */
export const REMINDER_SHARE = 0.8;

export interface ApiBudgetOptions {
  /** ZALO_API_RATE_PER_MIN: calls per minute for the whole OA, every process together. */
  perMinute: number;
  /** Shared counters live here; null or down = a budget local to this process. */
  redis: Redis | null;
  /** Key prefix, so several bots may share one Redis (BULLMQ_PREFIX). */
  prefix: string;
  logger: Logger;
  /** The budget's window (a minute; tests shorten it). */
  windowMs?: number;
  /** How long Zalo's -32 pauses every lane; default: until the next minute (Zalo's limit is per minute). */
  pauseMs?: number;
  /** The clock (tests place it at the start of a window). */
  now?: () => number;
}

// KEYS[1] this window's counter, KEYS[2] the -32 pause; ARGV[1] the lane's limit, ARGV[2] the window's ms,
// ARGV[3] how many calls to reserve at most. Returns the number reserved (at least 1, never past the limit), or -1
// (the lane's share is used up), or -2 (paused by -32).
const TAKE = `
if redis.call('EXISTS', KEYS[2]) == 1 then return -2 end
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
local limit = tonumber(ARGV[1])
if n >= limit then return -1 end
local k = math.min(tonumber(ARGV[3]), limit - n)
n = redis.call('INCRBY', KEYS[1], k)
if n == k then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return k`;
const TAKE_SHA = createHash("sha1").update(TAKE).digest("hex");

/** Calls a reply-lane process reserves from the shared counter at once: a 200th of the minute, 1 to 16. */
export function reserveChunk(perMinute: number): number {
  return Math.max(1, Math.min(16, Math.floor(perMinute / 200)));
}

/** Minutes a broadcast to `targets` groups takes at the reminders' share of the budget. */
export function expectedBroadcastMinutes(targets: number, perMinute: number): number {
  return Math.ceil(targets / Math.max(1, Math.floor(perMinute * REMINDER_SHARE)));
}

/**
 * One budget of Open API calls per minute for the OA (Zalo's packages cap calls per OA since June 2026), shared
 * by every process through Redis: a counter per minute, taken atomically by a Lua script. Replies may use the
 * whole minute, reminders only while the count is under REMINDER_SHARE of it, so replies go first and
 * reminders take what is left. Zalo's -32 pauses every lane until the next minute. When Redis is down each
 * process counts on its own (the same limits), so nothing stops.
 *
 * Replies (and system calls) reserve a few calls at once (reserveChunk: 1 under 400 a minute) and spend them in
 * the process, so a busy minute costs one Redis round trip per chunk, not per send. Reserved calls count in the
 * shared counter at once, so reminders still stop at their share; calls reserved and not spent by the end of the
 * window are lost (at most a 200th of the minute per process). Reminders always take one at a time.
 */
export class ApiBudget implements CallBudget {
  private readonly windowMs: number;
  private local = { window: -1, used: 0 };
  /** Calls reserved from the shared counter for this window and not yet spent (reply and system lanes). */
  private reserved = { window: -1, left: 0 };
  private readonly chunk: number;
  private pausedUntil = 0;
  private readonly now: () => number;

  constructor(private readonly o: ApiBudgetOptions) {
    this.windowMs = o.windowMs ?? 60_000;
    this.now = o.now ?? Date.now;
    this.chunk = reserveChunk(o.perMinute);
  }

  async take(lane: ApiLane): Promise<void> {
    for (;;) {
      const now = this.now();
      const window = Math.floor(now / this.windowMs);
      const next = (window + 1) * this.windowMs;
      const limit = lane === "reminder" ? Math.max(1, Math.floor(this.o.perMinute * REMINDER_SHARE)) : this.o.perMinute;
      const ok = now >= this.pausedUntil && (await this.tryTake(window, limit, lane));
      if (ok) return;
      metrics.apiBudgetWaitsTotal.inc({ lane });
      const wait = Math.max(next, this.pausedUntil) - now;
      // A reminder job does not hold a worker slot for a minute: it goes back to the queue instead.
      if (lane === "reminder") throw new ApiBudgetExhaustedError(wait);
      await sleep(wait);
    }
  }

  rateLimited(): void {
    const now = this.now();
    this.reserved.left = 0;
    this.pausedUntil = this.o.pauseMs ? now + this.o.pauseMs : (Math.floor(now / this.windowMs) + 1) * this.windowMs;
    const redis = this.ready();
    if (redis) {
      redis.set(this.key("paused"), "1", "PX", Math.max(1, this.pausedUntil - now)).catch(() => {
        /* this process pauses anyway */
      });
    }
  }

  private async tryTake(window: number, limit: number, lane: ApiLane): Promise<boolean> {
    const chunk = lane === "reminder" ? 1 : this.chunk;
    if (chunk > 1 && this.reserved.window === window && this.reserved.left > 0) {
      this.reserved.left--;
      return true;
    }
    const redis = this.ready();
    if (redis) {
      try {
        const n = await this.evalTake(redis, [this.key(`w${window}`), this.key("paused"), limit, this.windowMs * 2, chunk]);
        if (n === -2) {
          const ttl = await redis.pttl(this.key("paused"));
          this.pausedUntil = Math.max(this.pausedUntil, this.now() + (ttl > 0 ? ttl : 1));
        }
        if (n > 1) this.reserved = { window, left: n - 1 };
        return n > 0;
      } catch (err) {
        this.o.logger.warn({ err: (err as Error).message }, "shared Zalo API budget unavailable; counting in this process");
      }
    }
    if (this.local.window !== window) this.local = { window, used: 0 };
    if (this.local.used >= limit) return false;
    this.local.used++;
    return true;
  }

  /** The script by its SHA (loaded once per Redis server), its text only when Redis does not have it yet. */
  private async evalTake(redis: Redis, args: [string, string, number, number, number]): Promise<number> {
    try {
      return (await redis.evalsha(TAKE_SHA, 2, ...args)) as number;
    } catch (err) {
      if (!String((err as Error).message).startsWith("NOSCRIPT")) throw err;
      return (await redis.eval(TAKE, 2, ...args)) as number;
    }
  }

  private ready(): Redis | null {
    return this.o.redis?.status === "ready" ? this.o.redis : null;
  }

  private key(k: string): string {
    return `${this.o.prefix}:zalo-api:${k}`;
  }
}
