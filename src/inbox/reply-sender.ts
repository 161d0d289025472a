import { setTimeout as sleep } from "node:timers/promises";
import type { Clock } from "../clock.js";
import { isRetryable } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import { metrics } from "../observability/metrics.js";
import type { Outbound } from "../zalo/outbound.js";
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
}

/** Delivers outbox rows: retryable errors back off exponentially, permanent ones fail with the reason. */
export class ReplySender {
  private readonly abort = new AbortController();

  constructor(private readonly o: ReplySenderOptions) {}

  /** Stop waiting between retries (shutdown); unsent rows stay pending for the next start. */
  stop(): void {
    this.abort.abort();
  }

  async deliver(row: OutboxRow): Promise<void> {
    const { outbox, outbound, logger } = this.o;
    const to = { kind: row.recipient_kind, id: row.recipient_id } as const;
    if (outbound.dryRun) {
      outbox.finish(row.id, "dry_run", this.now());
      metrics.outboundTotal.inc({ kind: to.kind, result: "dry_run" });
      logger.info({ to, text: row.text, outboxId: row.id }, "dry-run: reply stored, not sent");
      return;
    }
    const maxAttempts = this.o.maxAttempts ?? 6;
    for (let attempt = row.attempts + 1; ; attempt++) {
      if (this.abort.signal.aborted) return;
      outbox.claim(row.id);
      try {
        const res = await outbound.sendText(to, row.text);
        outbox.finish(row.id, "sent", this.now(), { messageId: res.messageIds.join(",") });
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
        metrics.outboundTotal.inc({ kind: to.kind, result: "failed" });
        logger.error({ outboxId: row.id, to, err: reason }, "reply could not be sent");
        return;
      }
    }
  }

  private now(): number {
    return this.o.clock.now().getTime();
  }
}
