import { z } from "zod";
import { ConfigError } from "./errors.js";

const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().trim().min(1).optional());
const intIn = (min: number, max: number, dflt: number) =>
  z.preprocess(emptyToUndefined, z.coerce.number().int().min(min).max(max).default(dflt));
const url = (dflt: string) =>
  z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).default(dflt)).transform((u) => u.replace(/\/+$/, ""));
const hourRange = z
  .string()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d-([01]?\d|2[0-3]):[0-5]\d$/, { error: "expected HH:MM-HH:MM, e.g. 21:00-07:00" });

const PROXY_ITEM = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F:.]+(\/\d{1,3})?)$/;
/**
 * Which proxies' X-Forwarded-For to believe (express's "trust proxy"): unset = none, the client address is the
 * TCP peer; a hop count ("1"); or addresses, subnets and the names loopback, linklocal, uniquelocal, comma-separated.
 */
const trustProxy = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .refine((v) => /^\d+$/.test(v) || v.split(",").every((p) => PROXY_ITEM.test(p.trim())), {
      error: "expected a hop count (1) or addresses/subnets/loopback/uniquelocal, comma-separated",
    })
    .transform((v): number | string => (/^\d+$/.test(v) ? Number(v) : v))
    .optional(),
);

/** Every environment variable the bot reads. Names in ../shared/docs/contract.md are kept exact. */
const envSchema = z.object({
  PORT: intIn(0, 65535, 3000),
  DATABASE_PATH: z.preprocess(emptyToUndefined, z.string().default("./data/bot.db")),
  REDIS_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^rediss?$/ }).default("redis://127.0.0.1:6379")),
  ZALO_APP_ID: optionalString,
  ZALO_APP_SECRET: optionalString,
  ZALO_OA_SECRET_KEY: optionalString,
  ZALO_ACCESS_TOKEN: optionalString,
  ZALO_REFRESH_TOKEN: optionalString,
  ZALO_API_BASE_URL: url("https://openapi.zalo.me"),
  ZALO_OAUTH_BASE_URL: url("https://oauth.zaloapp.com"),
  ADMIN_TOKEN: z.preprocess(emptyToUndefined, z.string().min(12, { error: "must be at least 12 characters" }).optional()),
  BOT_NOW: z.preprocess(emptyToUndefined, z.iso.datetime({ offset: true, local: false }).optional()),
  LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
  TRUST_PROXY: trustProxy,
  CONTENT_DIR: z.preprocess(emptyToUndefined, z.string().default("./content")),
  /** Reminder broadcasts: sends per second across all workers (Zalo allows ~4,000/min per app). */
  BROADCAST_RATE_PER_SEC: intIn(1, 1000, 10),
  /** One budget of Zalo OA API calls per minute, shared by every process (replies first, reminders take the rest). */
  ZALO_API_RATE_PER_MIN: intIn(1, 1_000_000, 100),
  BROADCAST_QUIET_HOURS: z.preprocess(emptyToUndefined, hourRange.default("21:00-07:00")),
  BROADCAST_COOLDOWN_HOURS: intIn(0, 24 * 30, 12),
  /** Hour (0-23, Asia/Ho_Chi_Minh) of the automatic daily reminder; empty = off. */
  /** Key prefix of the BullMQ queues in Redis (several bots may share one Redis). */
  BULLMQ_PREFIX: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,40}$/)
      .default("zbot"),
  ),
  DAILY_REMINDER_HOUR: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(23).optional()),
  /** The bot stays silent in a 1:1 conversation this long after an OA admin answers by hand (0: never). */
  HUMAN_TAKEOVER_MINUTES: intIn(0, 7 * 24 * 60, 60),
  /** Hour (0-23, Asia/Ho_Chi_Minh) of the officers' daily digest of new unanswered questions; empty = off. */
  UNANSWERED_DIGEST_HOUR: z.preprocess(emptyToUndefined, z.coerce.number().int().min(0).max(23).optional()),
  /** The dashboard's public address, put in the digest (e.g. https://bot.example.vn/admin). */
  DASHBOARD_URL: z.preprocess(emptyToUndefined, z.url({ protocol: /^https?$/ }).optional()),
});

export type Config = z.infer<typeof envSchema> & {
  /** True when no Zalo credentials are set: outbound messages go to the outbox table only. */
  dryRun: boolean;
};

/** Parses the environment; throws ConfigError listing every bad variable at once. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(env)"}: ${i.message}`);
    throw new ConfigError(problems);
  }
  const c = parsed.data;
  const problems: string[] = [];
  const hasTokens = Boolean(c.ZALO_ACCESS_TOKEN || c.ZALO_REFRESH_TOKEN);
  if (c.ZALO_REFRESH_TOKEN && (!c.ZALO_APP_ID || !c.ZALO_APP_SECRET)) {
    problems.push("ZALO_REFRESH_TOKEN: refreshing needs ZALO_APP_ID and ZALO_APP_SECRET too");
  }
  if (c.ZALO_OA_SECRET_KEY && !c.ZALO_APP_ID) {
    problems.push("ZALO_OA_SECRET_KEY: verifying webhooks needs ZALO_APP_ID too");
  }
  if (problems.length) throw new ConfigError(problems);
  return { ...c, dryRun: !hasTokens };
}

/** Reads .env from the working directory when present; real environment variables win. */
export function loadDotEnv(path = ".env"): void {
  try {
    process.loadEnvFile(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
}
