import type { Config } from "../config.js";
import type { InboxStore } from "../inbox/inbox-store.js";
import type { Logger } from "../observability/logger.js";
import type { Answering } from "./answering.js";
import type { ProcessBase } from "./process-base.js";
import { checkGroups } from "../broadcasts/group-check.js";
import { GroupStateStore } from "../stores/group-state-store.js";

/**
 * The bot's timers, run where events are answered (off the HTTP event loop): proactive token refresh, pruning
 * handled inbox rows and expired dialog steps, the officers' daily digest, and an hourly read of the OA groups'
 * state (disabled, full) for the dashboard. Returns a stop function.
 */
export function startHousekeeping(d: {
  config: Config;
  logger: Logger;
  base: ProcessBase;
  inbox: InboxStore;
  answering: Answering;
}): () => void {
  const { config, logger, base, inbox, answering } = d;
  const { services } = answering;
  const timers: NodeJS.Timeout[] = [];
  const tokens = answering.zalo.tokens;
  if (tokens) {
    const refresh = () => tokens.refreshIfDue().catch((err) => logger.error({ err }, "proactive token refresh failed"));
    void refresh();
    timers.push(setInterval(refresh, 10 * 60_000));
  }
  // Keep inbox rows 3 days: Zalo redelivers for ~2 h, so dedupe keys older than that are dead weight.
  // Expired dialog steps go too; they expire on the bot's clock (BOT_NOW), not the wall clock.
  const prune = () => {
    try {
      inbox.pruneOlderThan(Date.now() - 3 * 24 * 3600_000);
      services.dialogs.prune(base.clock.now().getTime());
    } catch (err) {
      logger.error({ err }, "pruning the inbox failed");
    }
  };
  prune();
  timers.push(setInterval(prune, 3600_000));
  // The linked OA groups' state (a few calls: an OA package holds one to three groups).
  const read = answering.zalo.groupInfo;
  if (read) {
    const states = new GroupStateStore(base.db);
    const check = () => {
      const groupIds = services.people.units.all().flatMap((u) => (u.zaloGroupId ? [u.zaloGroupId] : []));
      checkGroups({ groupIds, read, states, logger }).catch((err) => logger.error({ err }, "reading the OA groups' state failed"));
    };
    check();
    timers.push(setInterval(check, 3600_000));
  }
  // The officers' daily digest of new unanswered questions (UNANSWERED_DIGEST_HOUR; off by default).
  if (config.UNANSWERED_DIGEST_HOUR !== undefined) {
    const digest = () => {
      try {
        services.loop.digest.runIfDue(base.clock.now());
      } catch (err) {
        logger.error({ err }, "unanswered-questions digest failed");
      }
    };
    timers.push(setInterval(digest, 60_000));
  }
  for (const t of timers) t.unref();
  return () => {
    for (const t of timers) clearInterval(t);
  };
}
