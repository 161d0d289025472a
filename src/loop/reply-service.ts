import { z } from "zod";
import { LoopError } from "../errors.js";
import type { OutboxRow, OutboxStore } from "../inbox/outbox-store.js";
import type { Logger } from "../observability/logger.js";
import type { OfficerReply, ReplyTarget, UnansweredReplyStore } from "../stores/unanswered-reply-store.js";
import type { UnansweredStore } from "../stores/unanswered-store.js";
import { planReply, type ReplyPlan } from "./reply-planner.js";

/** Zalo's limit is 2,000 characters; keep an officer's reply one phone screen. */
const replyText = z.string().trim().min(1, { error: "the reply is empty" }).max(1500, { error: "keep the reply under 1,500 characters" });

export interface ReplyDeps {
  unanswered: UnansweredStore;
  replies: UnansweredReplyStore;
  outbox: OutboxStore;
  /** Sends an outbox row (retries, dry-run); the same path as every bot reply. */
  deliver: (row: OutboxRow) => Promise<void>;
  logger: Logger;
}

export interface ReplyResult extends ReplyPlan {
  id: number;
}

/**
 * An officer's answer to the people who asked a question: one text to each resident who asked 1:1 (inside
 * Zalo's 7-day window) and to each group where it was asked, written to the outbox with the reply record in
 * one transaction, then sent like any reply (exactly once, retried; a restart sends what is left).
 */
export class ReplyService {
  constructor(private readonly d: ReplyDeps) {}

  reply(itemId: number, text: string, by: string, at: Date): ReplyResult {
    const item = this.d.unanswered.get(itemId);
    if (!item) throw new LoopError("not_found", "no such question");
    const parsed = replyText.safeParse(text);
    if (!parsed.success) throw new LoopError("invalid", z.prettifyError(parsed.error));
    const plan = planReply(this.d.unanswered.askedIn(itemId), at);
    if (plan.send.length === 0 && plan.outsideWindow.length === 0) {
      throw new LoopError("conflict", "nobody to reply to: who asked was not recorded or has asked to be forgotten");
    }
    const { id, rows } = this.d.replies.transaction(() => {
      const rows: OutboxRow[] = [];
      const targets: ReplyTarget[] = plan.send.map((t) => {
        const outboxId = this.d.outbox.enqueue(null, { kind: t.kind, id: t.recipientId }, parsed.data, at.getTime());
        rows.push(this.d.outbox.get(outboxId)!);
        return { ...t, status: "queued", outboxId };
      });
      for (const o of plan.outsideWindow) targets.push({ kind: "user", recipientId: o.userId, status: "outside_window", outboxId: null });
      const id = this.d.replies.add(itemId, parsed.data, by, at, targets);
      if (item.state !== "taught" && plan.send.length > 0) this.d.unanswered.setState(itemId, "answered", by, at);
      return { id, rows };
    });
    for (const row of rows) {
      this.d.deliver(row).catch((err: unknown) => this.d.logger.error({ err, outboxId: row.id }, "officer reply send failed"));
    }
    this.d.logger.info(
      { item: itemId, reply: id, queued: rows.length, outsideWindow: plan.outsideWindow.length, by },
      "officer replied to an unanswered question",
    );
    return { id, ...plan };
  }

  forItem(itemId: number): OfficerReply[] {
    return this.d.replies.forItem(itemId);
  }
}
