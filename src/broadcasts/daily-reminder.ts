import type { CampaignWindow } from "../shared/campaign-window.js";
import type { Logger } from "../observability/logger.js";
import type { BroadcastService } from "./broadcast-service.js";

/** The daily job: remind the units behind pace, only while the campaign runs. */
export function dailyReminder(service: BroadcastService, window: CampaignWindow, now: () => Date, logger: Logger) {
  return async (): Promise<void> => {
    const t = now();
    if (t < window.start || t > window.end) {
      logger.info("daily reminder skipped: outside the campaign");
      return;
    }
    const r = await service.request({ scope: "behind", requestedBy: "daily" });
    logger.info({ broadcastId: r.id, targets: r.targets }, "daily reminder queued");
  };
}
