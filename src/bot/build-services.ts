import type { BroadcastQueue } from "../broadcasts/broadcast-queue.js";
import { buildBroadcastService } from "../broadcasts/build-broadcast-services.js";
import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Campaign } from "../content/campaign.js";
import { loadChatTexts } from "../content/chat-texts.js";
import type { Db } from "../db/database.js";
import { buildFaqServices } from "../faq/build-faq-services.js";
import type { Logger } from "../observability/logger.js";
import { createPeopleServices } from "../people/people-services.js";
import { DialogSessionStore } from "../stores/dialog-session-store.js";
import { TranscriptStore } from "../inbox/transcript-store.js";
import { BroadcastStore } from "../broadcasts/broadcast-store.js";
import { PersonalDataEraser } from "../privacy/personal-data-eraser.js";
import { OutboxStore, type OutboxRow } from "../inbox/outbox-store.js";
import { buildLoopServices } from "../loop/build-loop-services.js";
import type { Services } from "./services.js";

export interface ServiceDeps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  /** content/campaign.yaml, loaded once at start-up. */
  campaign: Campaign;
  /** null when there is no Redis (npm run ask / chat): features that need it must say "try later". */
  broadcastQueue: BroadcastQueue | null;
  /** Sends an outbox row like every reply (officers' replies, the digest); absent: rows wait for the bot. */
  deliver?: (row: OutboxRow) => Promise<void>;
}

/** The composition root for handler services: one line per feature. */
export function buildServices(deps: ServiceDeps): Services {
  const texts = loadChatTexts(deps.config.CONTENT_DIR, deps.campaign);
  const people = createPeopleServices(deps.db, deps.campaign.window);
  const dialogs = new DialogSessionStore(deps.db);
  const faq = buildFaqServices(deps.campaign, deps.config.CONTENT_DIR, deps.db);
  const loop = buildLoopServices({
    ...deps,
    ...faq,
    texts,
    contentDir: deps.config.CONTENT_DIR,
    people,
    outbox: new OutboxStore(deps.db),
    deliver: deps.deliver ?? (async () => {}),
  });
  // Every store that holds personal data (src/privacy/personal-data-registry.ts), for #xoa and user_withdraw.
  const privacy = new PersonalDataEraser(deps.db, [
    people,
    dialogs,
    faq.unanswered,
    ...loop.personalData,
    new TranscriptStore(deps.db),
    new BroadcastStore(deps.db),
  ]);
  return {
    clock: deps.clock,
    texts,
    dialogs,
    privacy,
    ...faq,
    loop,
    people,
    broadcasts: buildBroadcastService({ ...deps, texts, queue: deps.broadcastQueue, progress: people.progress }),
  };
}
