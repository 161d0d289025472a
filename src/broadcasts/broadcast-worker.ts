import { DelayedError, UnrecoverableError, Worker, type Job } from "bullmq";
import { Redis } from "ioredis";
import type { Clock } from "../clock.js";
import { ApiBudgetExhaustedError, ZaloApiError, isRetryable } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import { isRedisConnectionError, type RedisOutageLog } from "../redis/redis-outage.js";
import { metrics } from "../observability/metrics.js";
import type { Outbound } from "../zalo/outbound.js";
import { BROADCAST_QUEUE, DEFAULT_PREFIX, SEND_ATTEMPTS, type SendJobData } from "./broadcast-queue.js";
import type { BroadcastService } from "./broadcast-service.js";
import { DRAFT_TTL_MS, type BroadcastStore } from "./broadcast-store.js";
import { quietDelayMs, type QuietHours } from "./quiet-hours.js";
import type { DeliveryCheck } from "../zalo/conversation-history.js";
import { type GroupStateStore, groupStateOfCode } from "../stores/group-state-store.js";
import type { Conversation } from "../shared/conversation.js";
import { type Settlement, settleInterrupted } from "../zalo/interrupted-send.js";

export interface BroadcastWorkerOptions {
  redisUrl: string;
  prefix?: string;
  store: BroadcastStore;
  service: BroadcastService;
  outbound: Outbound;
  clock: Clock;
  logger: Logger;
  /** Where "Redis is down" goes, shared with the app's connection (one story per outage). */
  outage?: RedisOutageLog;
  /** Group messages per second across all workers of the queue. */
  ratePerSec: number;
  quietHours: QuietHours | null;
  /** Backoff for retryable errors: base·2^(n-1), capped. */
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** How long a dead worker's job stays locked before another run picks it up (BullMQ stalled check). */
  lockDurationMs?: number;
  /** Wait after Zalo's -32 (per-minute limit); default: until the next minute starts. */
  rateLimitWaitMs?: number;
  /** Runs the daily reminder (job name "daily"); absent = daily jobs are ignored. */
  onDaily?: () => Promise<void>;
  /** Reads a group's history to settle a send cut off by a crash; null (dry run) = report it, never resend. */
  deliveryCheck?: DeliveryCheck | null;
  /** The same for a reminder sent 1:1 to an officer (the 1:1 conversation's history). */
  userDeliveryCheck?: DeliveryCheck | null;
  /** Where what Zalo says about a group (-237 disabled, -403, -224) is kept for the dashboard. */
  groupStates?: GroupStateStore | null;
  /** How long after a cut-off send started before its group's history is read (default 15 s). */
  interruptedSettleMs?: number;
}

const DRAFT_RECHECK_MS = 500;
const REQUEUE_RETRY_MS = 2_000;
const REQUEUE_TRIES = 30;

/** The same rate in the shortest window that keeps it exact (a tenth of a second at best). */
export function smoothLimiter(perSec: number): { max: number; duration: number } {
  const parts = [10, 8, 5, 4, 2].find((d) => perSec % d === 0) ?? 1;
  return { max: perSec / parts, duration: 1000 / parts };
}

/** Milliseconds to the start of the next minute: Zalo's -32 limit is per app per minute. */
function untilNextMinute(): number {
  return 60_000 - (Date.now() % 60_000) + 50;
}

/**
 * Sends one reminder per job. The ledger row goes queued → sending before the HTTP call and sent/failed
 * right after it, so a job run again (crash, stalled lock, Redis restart) never sends twice. A row left in
 * 'sending' means the process died mid-call: the group's history settles it (there → sent, not there →
 * send), and when the history cannot tell, it is reported instead of resent.
 */
export function startBroadcastWorker(o: BroadcastWorkerOptions): { worker: Worker; close(): Promise<void> } {
  const connection = new Redis(o.redisUrl, { maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(n * 200, 2_000) });
  connection.on("error", () => {
    /* reconnects forever; the app's own connection logs outages */
  });
  const base = o.backoffBaseMs ?? 2_000;
  const cap = o.backoffCapMs ?? 5 * 60_000;
  const worker: Worker<SendJobData> = new Worker<SendJobData>(
    BROADCAST_QUEUE,
    async (job, token) => {
      if (job.name === "daily") {
        await o.onDaily?.();
        return;
      }
      await sendOne(job, token);
    },
    {
      connection,
      prefix: o.prefix ?? DEFAULT_PREFIX,
      concurrency: Math.max(1, Math.min(50, o.ratePerSec)),
      // Tenth-of-a-second windows keep the pace even: a 1 s window lets a burst through at each boundary.
      limiter: smoothLimiter(o.ratePerSec),
      settings: { backoffStrategy: (attemptsMade: number) => Math.min(base * 2 ** Math.max(0, attemptsMade - 1), cap) },
      lockDuration: o.lockDurationMs ?? 30_000,
      stalledInterval: o.lockDurationMs ?? 30_000,
      maxStalledCount: 5,
    },
  );
  worker.on("error", (err) =>
    isRedisConnectionError(err) && o.outage ? o.outage.down(err.message) : o.logger.warn({ err: err.message }, "broadcast worker error"),
  );
  // The SQLite ledger is the source of truth: after a Redis restart that lost the queue, or on start,
  // targets still 'queued' get their jobs back (same job ids, so existing ones are not duplicated).
  // The queue's own connection may come back later than this one: keep trying for a minute.
  let closing = false;
  const requeue = (tries: number) => {
    if (closing) return;
    void o.service.requeueOpen().then(
      (n) => n > 0 && o.logger.info({ jobs: n }, "re-queued reminder jobs from the ledger"),
      (err) => {
        o.logger.warn({ err: (err as Error).message, tries }, "could not re-queue reminder jobs yet");
        if (tries < REQUEUE_TRIES) setTimeout(() => requeue(tries + 1), REQUEUE_RETRY_MS).unref();
      },
    );
  };
  connection.on("ready", () => setTimeout(() => requeue(1), 500).unref());

  async function sendOne(job: Job<SendJobData>, token: string | undefined): Promise<void> {
    const { broadcastId, groupId } = job.data;
    const delay = quietDelayMs(o.quietHours, o.clock.now());
    if (delay > 0) {
      // Quiet hours: wait, do not send and do not count an attempt.
      await job.moveToDelayed(Date.now() + delay, token);
      throw new DelayedError();
    }
    const row = o.store.target(broadcastId, groupId);
    if (!row) return; // its broadcast was never committed (Redis failed while queuing) or was deleted
    // groupId is the target's key: an OA group, or one of a unit's officers reached 1:1 (route "officer").
    if (row.route === "copy") return done(broadcastId);
    const officer = row.route === "officer";
    if (officer && !row.recipient_id) return done(broadcastId); // the officer was forgotten (#xoa) before it went
    const to: Conversation = officer ? { kind: "user", id: row.recipient_id! } : { kind: "group", id: groupId };
    const check = officer ? (o.userDeliveryCheck ?? null) : (o.deliveryCheck ?? null);
    const broadcast = o.store.get(broadcastId);
    if (broadcast?.status === "draft") {
      // Still being queued: it may yet be rolled back, so a job that ran ahead must not send.
      if (Date.now() - broadcast.created_at > DRAFT_TTL_MS) return; // its requester died while queuing
      await job.moveToDelayed(Date.now() + DRAFT_RECHECK_MS, token);
      throw new DelayedError();
    }
    const lastAttempt = () => job.attemptsMade + 1 >= (job.opts.attempts ?? SEND_ATTEMPTS);
    if (row.status === "sending") {
      // The broadcast's policy for a send cut off by a crash: there → sent; absent → send it; no way to
      // tell → report it and do not resend (a second reminder in a group is the worse mistake).
      let r: Settlement;
      try {
        const send = { conversationId: to.id, text: row.text, startedAt: row.updated_at };
        r = await settleInterrupted(check, send, Date.now(), o.interruptedSettleMs);
      } catch (err) {
        if (isRetryable(err) && !lastAttempt()) throw err; // still 'sending': asked again after the backoff
        r = { kind: "unknown" };
      }
      if (r.kind === "wait") {
        await job.moveToDelayed(r.until, token);
        throw new DelayedError();
      }
      if (r.kind === "sent" || r.kind === "unknown") {
        const detail = r.kind === "sent" ? { messageId: r.messageId } : { error: o.service.texts.say("broadcast.uncertain") };
        o.store.finish(broadcastId, groupId, r.kind === "sent" ? "sent" : "failed", Date.now(), detail);
        o.logger.warn({ broadcastId, groupId, outcome: r.kind }, "send cut off by a crash settled; not resent");
        return done(broadcastId);
      }
      o.store.release(broadcastId, groupId, o.service.texts.say("broadcast.resent"), Date.now());
      o.logger.warn({ broadcastId, groupId }, "send cut off by a crash never reached the group; sending it");
    } else if (row.status !== "queued") return done(broadcastId);
    if (!o.store.claim(broadcastId, groupId, Date.now())) return done(broadcastId);
    try {
      const res = await o.outbound.sendText(to, row.text, { lane: "reminder" });
      o.store.finish(broadcastId, groupId, "sent", Date.now(), { messageId: res.messageIds.join(",") });
      if (!officer && !o.outbound.dryRun) o.groupStates?.clear(groupId);
      metrics.outboundTotal.inc({ kind: to.kind, result: o.outbound.dryRun ? "dry_run" : "sent" });
    } catch (err) {
      const reason = err instanceof ZaloApiError ? `${err.code}: ${err.reason}` : (err as Error).message;
      if (err instanceof ApiBudgetExhaustedError) {
        // The reminders' share of this minute's API budget is used (replies go first): wait for the next one.
        o.store.release(broadcastId, groupId, reason, Date.now());
        await worker.rateLimit(err.waitMs);
        throw Worker.RateLimitError();
      }
      if (err instanceof ZaloApiError && err.code === -32) {
        o.store.release(broadcastId, groupId, reason, Date.now());
        metrics.outboundTotal.inc({ kind: to.kind, result: "rate_limited" });
        await worker.rateLimit(o.rateLimitWaitMs ?? untilNextMinute());
        throw Worker.RateLimitError();
      }
      if (isRetryable(err) && !lastAttempt()) {
        o.store.release(broadcastId, groupId, reason, Date.now());
        metrics.outboundTotal.inc({ kind: to.kind, result: "retried" });
        throw err;
      }
      o.store.finish(broadcastId, groupId, "failed", Date.now(), { error: reason });
      metrics.outboundTotal.inc({ kind: to.kind, result: "failed" });
      const state = !officer && err instanceof ZaloApiError ? groupStateOfCode(err.code) : null;
      if (state) o.groupStates?.record(groupId, state, Date.now(), { code: (err as ZaloApiError).code, detail: reason });
      o.logger.warn({ broadcastId, groupId, err: reason }, "reminder not delivered");
      await done(broadcastId);
      throw new UnrecoverableError(reason);
    }
    await done(broadcastId);
  }

  async function done(broadcastId: string): Promise<void> {
    const summary = o.service.finishIfDone(broadcastId);
    if (!summary) return;
    try {
      await o.outbound.sendText(summary.notify, summary.text, { lane: "system" });
    } catch (err) {
      o.logger.warn({ broadcastId, err: (err as Error).message }, "broadcast summary not delivered");
    }
  }

  return {
    worker,
    async close() {
      closing = true;
      // With Redis unreachable, a graceful close would wait for a connection that never comes.
      const force = connection.status !== "ready";
      await Promise.race([worker.close(force).catch(() => {}), new Promise((r) => setTimeout(r, 5_000).unref())]);
      connection.disconnect();
    },
  };
}
