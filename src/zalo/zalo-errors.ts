import type { ZaloErrorKind } from "../errors.js";

/** What the bot does about a Zalo `error` code (../shared/docs/zalo-platform.md §6). */
const REASONS: Record<number, string> = {
  [-32]: "app exceeded its per-minute rate limit",
  [-200]: "send failed",
  [-201]: "invalid parameter",
  [-204]: "OA deleted",
  [-205]: "OA not found",
  [-210]: "parameter exceeds limit",
  [-211]: "out of quota for this feature",
  [-213]: "user has not followed the OA",
  [-216]: "access token invalid",
  [-217]: "user blocked OA invitations",
  [-218]: "out of receive quota for this user",
  [-220]: "access token expired or removed",
  [-221]: "OA not verified",
  [-223]: "OA has not authorised the app for this API",
  [-224]: "OA tier package does not include this feature",
  [-227]: "user banned or offline for more than 45 days",
  [-230]: "user has not interacted with the OA in the past 7 days",
  [-232]: "user never interacted or the interaction expired",
  [-233]: "message type invalid or unsupported",
  [-234]: "message type not allowed at this hour",
  [-237]: "group disabled (GMF asset expired)",
  [-240]: "Message V2 API has been shut down",
  [-244]: "user restricted this message type from the OA",
  [-248]: "message violates platform standards",
  [-320]: "app must be linked to a Zalo Cloud Account",
  [-321]: "Zalo Cloud Account out of money",
  [-403]: "OA is not in this group (group not owned by the OA)",
};

/**
 * Zalo refusing a send for quota or window reasons (phu-luc/ma-loi): out of quota for the feature (-211), out of
 * this user's receive quota (-218), no interaction in the past 7 days (-230), never interacted or expired (-232).
 * Not bugs and not retryable: the reply is marked failed with the reason, counted, and officers are told.
 */
export const QUOTA_CODES = new Set([-211, -218, -230, -232]);

export const AUTH_CODES = new Set([-216, -220]);
export const RETRYABLE_CODES = new Set([-32]);

export function classifyZaloError(code: number): ZaloErrorKind {
  if (AUTH_CODES.has(code)) return "auth";
  if (RETRYABLE_CODES.has(code)) return "retryable";
  return "permanent";
}

export function zaloErrorReason(code: number, message?: string): string {
  return REASONS[code] ?? (message?.trim() ? message.trim().slice(0, 200) : "unknown Zalo error");
}
