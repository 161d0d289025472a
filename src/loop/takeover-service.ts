import type { OutboxStore } from "../inbox/outbox-store.js";
import type { Logger } from "../observability/logger.js";
import { metrics } from "../observability/metrics.js";
import type { Takeover, TakeoverStore } from "../stores/takeover-store.js";

export const DROPPED_REASON = "not sent: an OA admin answered this resident by hand first";

export interface TakeoverDeps {
  store: TakeoverStore;
  outbox: OutboxStore;
  minutes: number;
  logger: Logger;
}

/**
 * A human answer pauses the bot: when an OA admin writes to a resident from Zalo's OA chat (an oa_send_*
 * echo with sender.admin_id), the bot stays silent in that 1:1 conversation for `minutes`, renewed by each
 * human reply, and bot replies to that resident not yet sent are dropped (status 'dropped', counted).
 */
export class TakeoverService {
  constructor(private readonly d: TakeoverDeps) {}

  humanReplied(userId: string, adminId: string, at: Date): { dropped: number } {
    if (this.d.minutes <= 0) return { dropped: 0 };
    this.d.store.hold(userId, adminId, at, new Date(at.getTime() + this.d.minutes * 60_000));
    const dropped = this.d.outbox.dropPendingTo(userId, DROPPED_REASON, Date.now());
    this.d.store.addDropped(userId, dropped);
    if (dropped > 0) {
      metrics.outboundTotal.inc({ kind: "user", result: "dropped" }, dropped);
      this.d.logger.info({ userId, dropped }, "bot replies dropped: an OA admin answered by hand");
    }
    this.d.logger.info({ userId, adminId, minutes: this.d.minutes }, "conversation held by a human; the bot stays silent");
    return { dropped };
  }

  isHeld(userId: string, now: Date): boolean {
    return this.d.store.isHeld(userId, now);
  }

  active(now: Date): Takeover[] {
    return this.d.store.active(now);
  }

  handBack(userId: string): boolean {
    const released = this.d.store.release(userId);
    if (released) this.d.logger.info({ userId }, "conversation handed back to the bot");
    return released;
  }
}
