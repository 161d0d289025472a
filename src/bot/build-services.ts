import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Db } from "../db/database.js";
import type { Redis } from "ioredis";
import type { Outbound } from "../zalo/outbound.js";
import type { Logger } from "../observability/logger.js";
import { DialogSessionStore } from "../stores/dialog-session-store.js";
import { TranscriptStore } from "../inbox/transcript-store.js";
import { BroadcastStore } from "../broadcasts/broadcast-store.js";
import { PersonalDataEraser } from "../privacy/personal-data-eraser.js";
import { buildFaqServices } from "../faq/build-faq-services.js";
import { buildPeopleServices } from "../people/people-services.js";
import { buildBroadcastService } from "../broadcasts/build-broadcast-services.js";
import type { Services } from "./services.js";

export interface ServiceDeps {
  config: Config;
  db: Db;
  clock: Clock;
  logger: Logger;
  /** null when there is no Redis (npm run ask / chat): features that need it must say "try later". */
  redis: Redis | null;
  /** Sends to Zalo (or the dry-run outbox) outside a reply, e.g. broadcasts and summaries. */
  outbound: Outbound;
}

/** The composition root for handler services: one line per feature. */
export function buildServices(deps: ServiceDeps): Services {
  const people = buildPeopleServices(deps);
  const dialogs = new DialogSessionStore(deps.db);
  const faq = buildFaqServices(deps.config.CONTENT_DIR, deps.db);
  // Every store that holds personal data (src/privacy/personal-data-registry.ts), for #xoa and user_withdraw.
  const privacy = new PersonalDataEraser(deps.db, [
    people,
    dialogs,
    faq.unanswered,
    new TranscriptStore(deps.db),
    new BroadcastStore(deps.db),
  ]);
  return {
    clock: deps.clock,
    logger: deps.logger,
    dialogs,
    privacy,
    ...faq,
    people,
    broadcasts: buildBroadcastService({ ...deps, progress: people.progress }),
  };
}
