import { setTimeout as sleep } from "node:timers/promises";
import type { Clock } from "../clock.js";
import { ZaloApiError, isRetryable } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import { metrics } from "../observability/metrics.js";
import type { DeliveryCheck } from "../zalo/conversation-history.js";
import { settleInterrupted } from "../zalo/interrupted-send.js";
import { QUOTA_CODES } from "../zalo/zalo-errors.js";
import type { Outbound } from "../zalo/outbound.js";
import { parseAnonymousRecipient } from "../zalo/anonymous-recipient.js";
import type { OutboxRow, OutboxStore } from "./outbox-store.js";

export interface ReplySenderOptions {
  outbox: OutboxStore;
  outbound: Outbound;
  clock: Clock;
  logger: Logger;
  /** Attempts for retryable failures (-32, 5xx, timeouts) before the reply is marked failed. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /**
   * Reads a conversation back (1:1 and group) to settle a reply a crash left 'sending': there → sent, not
   * there or cannot tell → sent again (a second answer is better than none). null: always sent again.
   */
  interrupted?: { user: DeliveryCheck | null; group: DeliveryCheck | null; settleMs?: number } | null;
}

/** Delivers outbox rows: retryable errors back off exponentially, permanent ones fail with the reason. */
export class ReplySender {
  private readonly abort = new AbortController();

  constructor(private readonly o: ReplySenderOptions) {}

  /** Stop waiting between retries (shutdown); unsent rows stay pending for the next start. */
  stop(): void {
    this.abort.abort();
  }

  /**
   * Sends the row. `claimed`: the caller wrote it already claimed for this attempt (OutboxStore.enqueueClaimed,
   * in the transaction that stored it), so the first attempt needs no claim of its own.
   */
  async deliver(row: OutboxRow, o: { claimed?: boolean } = {}): Promise<void> {
    const { outbox, outbound, logger } = this.o;
    const to = { kind: row.recipient_kind, id: row.recipient_id } as const;
    if (outbound.dryRun) {
      // Not when dropped meanwhile (an OA admin answered by hand).
      if (!outbox.finishDryRun(row.id, this.now())) return;
      metrics.outboundTotal.inc({ kind: to.kind, result: "dry_run" });
      logger.info({ to, text: row.text, outboxId: row.id }, "dry-run: reply stored, not sent");
      return;
    }
    if (row.status === "sending" && !o.claimed) {
      // Claimed by a process that died during the call: it may or may not have reached Zalo.
      const settled = await this.settleInterrupted(row);
      if (settled !== "send") return;
    }
    const maxAttempts = this.o.maxAttempts ?? 6;
    const first = o.claimed ? row.attempts : row.attempts + 1;
    for (let attempt = first; ; attempt++) {
      // Shutting down: a row claimed by its writer stays 'sending' and is settled at the next start.
      if (this.abort.signal.aborted) return;
      // Dropped meanwhile (an OA admin answered by hand; counted where it was dropped): never sent.
      if (!(o.claimed && attempt === first) && !outbox.claim(row.id, this.now())) return;
      try {
        const res = await outbound.sendText(to, row.text, { lane: "reply" });
        // The dispatcher's replies: the 'sent' mark rides on its next transaction (write-behind.ts).
        outbox.finishSent(row.id, this.now(), res.messageIds.join(","), res.quota, { later: o.claimed === true });
        metrics.outboundTotal.inc({ kind: to.kind, result: "sent" });
        return;
      } catch (err) {
        const reason = (err as Error).message;
        if (isRetryable(err) && attempt < maxAttempts) {
          outbox.release(row.id, reason);
          metrics.outboundTotal.inc({ kind: to.kind, result: "retried" });
          const delay = Math.min((this.o.baseDelayMs ?? 500) * 2 ** (attempt - 1), this.o.maxDelayMs ?? 30_000);
          logger.warn({ outboxId: row.id, attempt, delayMs: delay, err: reason }, "reply send failed; will retry");
          try {
            await sleep(delay, undefined, { signal: this.abort.signal });
          } catch {
            return; // shutting down: the row stays pending
          }
          continue;
        }
        outbox.finish(row.id, "failed", this.now(), { error: reason });
        if (err instanceof ZaloApiError && QUOTA_CODES.has(err.code)) {
          // Zalo's quota or 7-day window: not a bug, not retryable; counted, and officers see it on the dashboard.
          outbox.markRefused(row.id, err.code);
          metrics.sendRefusedTotal.inc({ code: String(err.code) });
        }
        metrics.outboundTotal.inc({ kind: to.kind, result: "failed" });
        logger.error({ outboxId: row.id, to, err: reason }, "reply could not be sent");
        return;
      }
    }
  }

  /**
   * The reply sender's policy for a send cut off by a crash: there → sent; not there, or no way to tell →
   * send it (a second answer beats none); "stop": shutting down, left as is.
   */
  private async settleInterrupted(row: OutboxRow): Promise<"sent" | "send" | "stop"> {
    const { outbox, logger } = this.o;
    const check = row.recipient_kind === "user" ? this.o.interrupted?.user : this.o.interrupted?.group;
    // An anonymous chat has no history endpoint: send again.
    if (!check || parseAnonymousRecipient(row.recipient_id)) return "send";
    const send = { conversationId: row.recipient_id, text: row.text, startedAt: row.sent_at ?? row.created_at };
    const settleMs = this.o.interrupted?.settleMs;
    try {
      let s = await settleInterrupted(check, send, this.now(), settleMs);
      if (s.kind === "wait") {
        try {
          await sleep(s.until - this.now(), undefined, { signal: this.abort.signal });
        } catch {
          return "stop";
        }
        s = await settleInterrupted(check, send, Math.max(this.now(), s.until), settleMs);
      }
      if (s.kind === "sent") {
        outbox.finish(row.id, "sent", this.now(), { messageId: s.messageId });
        metrics.outboundTotal.inc({ kind: row.recipient_kind, result: "sent" });
        logger.info({ outboxId: row.id }, "reply cut off by a restart had reached Zalo; not sent again");
        return "sent";
      }
      if (s.kind === "unknown")
        logger.warn({ outboxId: row.id }, "cannot tell whether a reply cut off by a restart arrived; sending it again");
    } catch (err) {
      logger.warn({ outboxId: row.id, err: (err as Error).message }, "could not read the conversation back; sending the reply again");
    }
    return "send";
  }

  private now(): number {
    return this.o.clock.now().getTime();
  }
}
