import type { Conversation } from "../shared/conversation.js";

export interface SendResult {
  /** Zalo message ids, one per chunk sent (long texts are split); "dry-run:<n>" in dry-run mode. */
  messageIds: string[];
}

/**
 * Sends text to a user (1:1, /v3.0/oa/message/cs) or an OA group (/v3.0/oa/group/message).
 * Throws ZaloApiError / ZaloHttpError (src/errors.ts) whose `kind` says whether a retry can help:
 * "retryable" (-32 rate limit, 5xx, timeouts), "permanent" (-403 not in group, -237 group disabled, ...).
 * Auth errors are refreshed and retried once inside the client before they surface.
 */
export interface Outbound {
  readonly dryRun: boolean;
  sendText(to: Conversation, text: string): Promise<SendResult>;
}
