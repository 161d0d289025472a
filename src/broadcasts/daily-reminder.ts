import type { Queue } from "bullmq";
import type { CampaignWindow } from "../shared/campaign-window.js";
import type { Logger } from "../observability/logger.js";
import type { BroadcastService } from "./broadcast-service.js";

export const DAILY_SCHEDULER_ID = "daily-reminder";

/** Creates, moves or removes the daily reminder job scheduler (tz Asia/Ho_Chi_Minh) to match the config. */
export async function syncDailyReminder(queue: Queue, hour: number | undefined): Promise<void> {
  if (hour === undefined) {
    await queue.removeJobScheduler(DAILY_SCHEDULER_ID);
    return;
  }
  await queue.upsertJobScheduler(
    DAILY_SCHEDULER_ID,
    { pattern: `0 0 ${hour} * * *`, tz: "Asia/Ho_Chi_Minh" },
    { name: "daily", data: {}, opts: { removeOnComplete: 30, removeOnFail: 30 } },
  );
}

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
