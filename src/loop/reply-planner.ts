import type { AskedIn } from "../stores/unanswered-store.js";
import type { ReplyTarget } from "../stores/unanswered-reply-store.js";
import { insideCsWindow } from "../zalo/cs-window.js";

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
    if (a.kind === "user" && !insideCsWindow(new Date(a.lastAskedAt).getTime(), now.getTime())) {
      plan.outsideWindow.push({ userId: a.id, lastAskedAt: a.lastAskedAt });
    } else {
      plan.send.push({ kind: a.kind, recipientId: a.id });
    }
  }
  return plan;
}
