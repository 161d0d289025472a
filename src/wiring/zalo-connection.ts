import type { Redis } from "ioredis";
import { systemClock } from "../clock.js";
import type { Config } from "../config.js";
import type { Db } from "../db/database.js";
import { DryRunOutbound } from "../inbox/dry-run-outbound.js";
import type { OutboxStore } from "../inbox/outbox-store.js";
import type { Logger } from "../observability/logger.js";
import { ApiBudget } from "../zalo/api-budget.js";
import { groupHistory, type HistoryReader, userHistory } from "../zalo/conversation-history.js";
import type { Outbound } from "../zalo/outbound.js";
import { TokenManager } from "../zalo/token-manager.js";
import { TokenStore } from "../zalo/token-store.js";
import { ZaloClient } from "../zalo/zalo-client.js";
import { ZaloHttp, ZaloTransport } from "../zalo/zalo-http.js";
import { type GroupInfoReader, groupInfoReader } from "../zalo/group-info.js";

export interface ZaloConnection {
  /** null in dry run (no credentials). */
  tokens: TokenManager | null;
  /** Sends to Zalo, or stores in the outbox as dry_run. */
  outbound: Outbound;
  /** Conversation readers that settle a send cut off by a crash; null in dry run. */
  history: { user: HistoryReader; group: HistoryReader } | null;
  /** Reads an OA group's status and size (GMF); null in dry run. */
  groupInfo: GroupInfoReader | null;
}

/** Zalo for this process: the real API with rotating tokens, or the dry-run outbox when credentials are missing. */
export function connectZalo(
  config: Config,
  db: Db,
  outbox: OutboxStore,
  logger: Logger,
  redis: Redis | null = null,
  /** How long Zalo's -32 pauses every call (tests shorten it); default: until the next minute. */
  rateLimitPauseMs?: number,
  /** The API budget's window (tests shorten the minute); default: a minute. */
  budgetWindowMs?: number,
): ZaloConnection {
  // Token lifetimes and send times are real time, never BOT_NOW.
  if (config.dryRun) return { tokens: null, outbound: new DryRunOutbound(outbox, systemClock, logger), history: null, groupInfo: null };
  // Every call to Zalo (sends, history reads, token refresh) draws from the OA's one budget.
  const budget = new ApiBudget({
    perMinute: config.ZALO_API_RATE_PER_MIN,
    redis,
    prefix: config.BULLMQ_PREFIX,
    logger,
    pauseMs: rateLimitPauseMs,
    windowMs: budgetWindowMs,
  });
  const transport = new ZaloTransport({ budget });
  const tokens = new TokenManager({
    transport,
    store: new TokenStore(db),
    clock: systemClock,
    logger,
    appId: config.ZALO_APP_ID,
    appSecret: config.ZALO_APP_SECRET,
    oauthBaseUrl: config.ZALO_OAUTH_BASE_URL,
    initialAccessToken: config.ZALO_ACCESS_TOKEN,
    initialRefreshToken: config.ZALO_REFRESH_TOKEN,
  });
  const http = new ZaloHttp({ apiBaseUrl: config.ZALO_API_BASE_URL, tokens, logger, transport });
  return {
    tokens,
    outbound: new ZaloClient({ http, logger }),
    history: { user: userHistory(http, logger), group: groupHistory(http, logger) },
    groupInfo: groupInfoReader(http),
  };
}
