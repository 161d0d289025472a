import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Db } from "../db/database.js";
import { loadCampaign } from "../content/campaign.js";
import type { Logger } from "../observability/logger.js";
import type { ProgressReport } from "../people/progress-types.js";
import type { Redis } from "ioredis";
import { BroadcastQueue } from "./broadcast-queue.js";
import { BroadcastService } from "./broadcast-service.js";
import { BroadcastStore } from "./broadcast-store.js";
import { loadReminderTemplate } from "./reminder-template.js";

export interface BroadcastDeps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  redis: Redis | null;
  progress: { report(now: Date): ProgressReport };
  /** BullMQ key prefix (tests use a unique one). */
  prefix?: string;
}

/** The broadcast service as handlers, routes and the CLI see it; the queue only when Redis is configured. */
export function buildBroadcastService(d: BroadcastDeps): BroadcastService {
  const campaign = loadCampaign(d.config.CONTENT_DIR);
  return new BroadcastService({
    store: new BroadcastStore(d.db),
    progress: d.progress,
    template: loadReminderTemplate(d.config.CONTENT_DIR),
    facts: {
      end: campaign.window.end,
      deadline: campaign.dates.end,
      courseUrl: campaign.links.course,
      guideUrl: campaign.links.guide,
      hotline: campaign.hotline.display,
    },
    clock: d.clock,
    queue: d.redis ? new BroadcastQueue(d.redis, d.prefix ?? d.config.BULLMQ_PREFIX) : null,
    cooldownMs: d.config.BROADCAST_COOLDOWN_HOURS * 3600_000,
    logger: d.logger,
  });
}
