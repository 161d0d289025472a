import type { Conversation } from "../shared/conversation.js";
import type { ApiLane } from "./call-budget.js";
import type { SendQuota } from "./send-quota.js";

export interface SendResult {
  /** Zalo message ids, one per chunk sent (long texts are split); "dry-run:<n>" in dry-run mode. */
  messageIds: string[];
  /** What paid for a 1:1 send (Zalo's data.quota of the last chunk), when Zalo said. */
  quota?: SendQuota;
}

export interface SendOptions {
  /** Whose share of the API budget the call uses: replies go first (default), reminders take what is left. */
  lane?: ApiLane;
}

/**
 * Sends text to a user (1:1, /v3.0/oa/message/cs), an anonymous chat (/v2.0/oa/message) or an OA group
 * (/v3.0/oa/group/message). Throws ZaloApiError / ZaloHttpError (src/errors.ts) whose `kind` says whether a
 * retry can help: "retryable" (-32 rate limit, 5xx, timeouts), "permanent" (-230 window closed, -403 not in
 * group, -237 group disabled, ...). Auth errors are refreshed and retried once before they surface.
 */
export interface Outbound {
  readonly dryRun: boolean;
  sendText(to: Conversation, text: string, opts?: SendOptions): Promise<SendResult>;
}
