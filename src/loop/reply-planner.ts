import type { AskedIn } from "../stores/unanswered-store.js";
import type { ReplyTarget } from "../stores/unanswered-reply-store.js";

/** Zalo lets an OA write to a user through /v3.0/oa/message/cs only within 7 days of their last message. */
export const CS_WINDOW_MS = 7 * 24 * 3600_000;

export interface ReplyPlan {
  /** Residents (1:1) inside the window and groups: each gets the text once. */
  send: Array<Pick<ReplyTarget, "kind" | "recipientId">>;
  /** Residents whose last question is older than the window: listed for the officer, not sent. */
  outsideWindow: Array<{ userId: string; lastAskedAt: string }>;
}

/** Who an officer's reply goes to, and who it cannot reach. Pure: the caller writes the outbox. */
export function planReply(askedIn: readonly AskedIn[], now: Date): ReplyPlan {
  const plan: ReplyPlan = { send: [], outsideWindow: [] };
  for (const a of askedIn) {
    if (a.kind === "user" && now.getTime() - new Date(a.lastAskedAt).getTime() > CS_WINDOW_MS) {
      plan.outsideWindow.push({ userId: a.id, lastAskedAt: a.lastAskedAt });
    } else {
      plan.send.push({ kind: a.kind, recipientId: a.id });
    }
  }
  return plan;
}
