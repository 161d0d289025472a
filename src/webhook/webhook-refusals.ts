import type { Alarms } from "../observability/alarms.js";
import type { Logger } from "../observability/logger.js";
import { metrics } from "../observability/metrics.js";
import { ThrottledLog } from "../observability/throttled-log.js";

/** Why the edge acknowledged a body (200) without storing or acting on it. */
export type RefusalReason =
  | "probe"
  | "empty_event"
  | "not_an_event"
  | "too_deep"
  | "not_configured"
  | "missing_signature"
  | "missing_app_id"
  | "missing_timestamp"
  | "bad_signature"
  | "wrong_app"
  | "unlinked_withdraw"
  | "invalid_event";

export const BAD_SIGNATURE_ALARM = "webhook_bad_signature";
export const BAD_SIGNATURE_BANNER = "Chữ ký webhook sai: kiểm tra ZALO_OA_SECRET_KEY";
/** Bad signatures in a row (no good one between) that raise the alarm: one stray post is not a wrong key. */
export const BAD_SIGNATURE_RUN = 5;

/**
 * Counts refused webhook bodies by reason (/metrics), logs each reason at most once a minute, and watches
 * signatures: a run of bad ones with no good one between means ZALO_OA_SECRET_KEY is wrong, and raises an
 * alarm that the next correctly signed event clears. In memory only: the edge makes no Redis or disk call for it.
 */
export class WebhookRefusals {
  private readonly log: ThrottledLog;
  private badRun = 0;

  constructor(
    logger: Logger,
    private readonly alarms: Alarms,
  ) {
    this.log = new ThrottledLog(logger);
  }

  refused(reason: RefusalReason, detail: Record<string, unknown> = {}): void {
    metrics.webhookRefusedTotal.inc({ reason });
    if (reason !== "probe") this.log.warn(reason, { reason, ...detail }, "webhook body acknowledged but refused");
    if (reason === "bad_signature" && ++this.badRun >= BAD_SIGNATURE_RUN) {
      this.alarms.raise(BAD_SIGNATURE_ALARM, BAD_SIGNATURE_BANNER);
    }
  }

  signatureOk(): void {
    this.badRun = 0;
    this.alarms.clear(BAD_SIGNATURE_ALARM);
  }
}
