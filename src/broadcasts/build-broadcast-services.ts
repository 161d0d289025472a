import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import { type Campaign, campaignVars } from "../content/campaign.js";
import { type ChatTexts, loadChatTexts } from "../content/chat-texts.js";
import type { Db } from "../db/database.js";
import { templateNames } from "../content/faq-content.js";
import type { Logger } from "../observability/logger.js";
import { OfficersStore } from "../people/officers-store.js";
import type { ProgressReport } from "../people/progress-types.js";
import type { BroadcastQueue } from "./broadcast-queue.js";
import { BroadcastService } from "./broadcast-service.js";
import { BroadcastStore } from "./broadcast-store.js";
import { loadReminderTemplate } from "./reminder-template.js";

export interface BroadcastDeps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  campaign: Campaign;
  /** null when there is no Redis in this process: requests answer "try later". */
  queue: BroadcastQueue | null;
  progress: { report(now: Date): ProgressReport };
  /** The chat texts when the caller loaded them already; else read from CONTENT_DIR. */
  texts?: ChatTexts;
}

/** The broadcast service as handlers, routes, the CLI and the worker see it. */
export function buildBroadcastService(d: BroadcastDeps): BroadcastService {
  const { campaign } = d;
  const officers = new OfficersStore(d.db);
  return new BroadcastService({
    store: new BroadcastStore(d.db),
    progress: d.progress,
    texts: d.texts ?? loadChatTexts(d.config.CONTENT_DIR, campaign),
    template: loadReminderTemplate(d.config.CONTENT_DIR, templateNames(campaign)),
    facts: {
      start: campaign.window.start,
      end: campaign.window.end,
      opens: campaign.dates.launch,
      deadline: campaign.dates.end,
      vars: campaignVars(campaign),
    },
    clock: d.clock,
    queue: d.queue,
    cooldownMs: d.config.BROADCAST_COOLDOWN_HOURS * 3600_000,
    logger: d.logger,
    officers: { unitOfficers: (code) => officers.unitOfficers(code), nameOf: (id) => officers.rightsOf(id)?.name ?? null },
    apiRatePerMin: d.config.ZALO_API_RATE_PER_MIN,
    ratePerSec: d.config.BROADCAST_RATE_PER_SEC,
  });
}
