import type { TargetRow } from "./broadcast-store.js";
import type { DeliveryCheck } from "../zalo/group-history.js";

/** What to do with a target left in 'sending' by a process that died during the call. */
export type Resolution = { kind: "wait"; until: number } | { kind: "sent"; messageId: string } | { kind: "resend" } | { kind: "uncertain" };

/** Longer than the Zalo client's HTTP timeout (10 s): by then a call still in flight has ended one way or the other. */
export const INTERRUPTED_SETTLE_MS = 15_000;

/**
 * Decides by reading the group's history back: the reminder is there → sent; the history works and it is
 * not there → the call never reached Zalo, send it; no way to tell (no check, history unreadable) → report
 * it as uncertain and do not send, since a second message is the worse mistake.
 * Throws the check's retryable errors so the job asks again later.
 */
export async function resolveInterrupted(
  check: DeliveryCheck | null,
  row: Pick<TargetRow, "group_id" | "text" | "updated_at">,
  now: number,
  settleMs = INTERRUPTED_SETTLE_MS,
): Promise<Resolution> {
  if (!check) return { kind: "uncertain" };
  if (now < row.updated_at + settleMs) return { kind: "wait", until: row.updated_at + settleMs };
  const answer = await check.find(row.group_id, row.text, row.updated_at);
  if (answer === null) return { kind: "uncertain" };
  return answer.found ? { kind: "sent", messageId: answer.messageId } : { kind: "resend" };
}
