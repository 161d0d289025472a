import type { DeliveryCheck } from "./conversation-history.js";
import { splitText } from "./text-splitter.js";

/** Longer than the Zalo HTTP timeout (10 s): by then a call still in flight when the process died has ended. */
export const INTERRUPTED_SETTLE_MS = 15_000;

/** What the conversation says about a send a crash cut off. Each caller keeps its own policy for each case. */
export type Settlement =
  /** Too early to read the history: the call may still be landing. */
  | { kind: "wait"; until: number }
  /** It is there: the send happened. */
  | { kind: "sent"; messageId: string }
  /** The history reaches back before the send and it is not there: the call never reached Zalo. */
  | { kind: "absent" }
  /** No way to tell (no history to read, unreadable, too busy). */
  | { kind: "unknown" };

export interface InterruptedSend {
  conversationId: string;
  text: string;
  /** When the cut-off attempt started. */
  startedAt: number;
}

/**
 * Settles a send left 'sending' by a process that died during the call, by reading the conversation back.
 * Long texts go out in chunks, in order: the last chunk there means all of them are.
 * Throws the check's retryable errors (asking again later may help).
 */
export async function settleInterrupted(
  check: DeliveryCheck | null,
  send: InterruptedSend,
  now: number,
  settleMs = INTERRUPTED_SETTLE_MS,
): Promise<Settlement> {
  if (!check) return { kind: "unknown" };
  const until = send.startedAt + settleMs;
  if (now < until) return { kind: "wait", until };
  const chunks = splitText(send.text);
  const answer = await check.find(send.conversationId, chunks[chunks.length - 1] ?? send.text, send.startedAt);
  if (answer === null) return { kind: "unknown" };
  return answer.found ? { kind: "sent", messageId: answer.messageId } : { kind: "absent" };
}
