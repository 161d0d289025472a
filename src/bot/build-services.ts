import type { Clock } from "../clock.js";
import type { Config } from "../config.js";
import type { Db } from "../db/database.js";
import type { Redis } from "ioredis";
import type { Outbound } from "../zalo/outbound.js";
import type { Logger } from "../observability/logger.js";
import { DialogSessionStore } from "../stores/dialog-session-store.js";
import { TranscriptStore } from "../stores/transcript-store.js";
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
  return {
    clock: deps.clock,
    logger: deps.logger,
    dialogs: new DialogSessionStore(deps.db),
    transcripts: new TranscriptStore(deps.db),
    ...buildFaqServices(deps.config.CONTENT_DIR, deps.db),
    people,
    broadcasts: buildBroadcastService({ ...deps, progress: people.progress }),
  };
}
