import Database from "better-sqlite3";
import { cleanRedis } from "../test/broadcasts/broadcast-setup.js";
import { botEnv, startBot, type BotProcess } from "./lib/bot-process.js";
import { drive, warmUp } from "./lib/driver.js";
import { describeCheck, fmt, Ledger, pct, waitUntil } from "./lib/load.js";
import { startRig } from "./lib/rig.js";

/**
 * npm run fault:token: the OA access token dies in the middle of a burst (300 events/s for 6 s): from +2 s the
 * fake Zalo answers -216 to the old token. Verdict: exactly one refresh call (single flight, however many
 * sends failed at once), the rotated refresh token saved, every acked event answered exactly once.
 */
const rate = 300;
const seconds = 6;
const { redisUrl, prefix, tmp, fake } = await startRig("fault-token", "ft");
let bot: BotProcess | null = null;
let code = 1;
try {
  fake.acceptTokens(["old-access"]);
  fake.nextTokens("new-access", "refresh-2");
  bot = await startBot({
    dir: tmp.dir,
    env: botEnv(fake.url, {
      REDIS_URL: redisUrl,
      BULLMQ_PREFIX: prefix,
      // The API budget is not what this measures: let every call through.
      ZALO_API_RATE_PER_MIN: "1000000",
      ZALO_ACCESS_TOKEN: "old-access",
      ZALO_REFRESH_TOKEN: "refresh-1",
      ZALO_APP_SECRET: "bench-app-secret",
    }),
  });
  const url = bot.url;
  await warmUp(url, `${prefix}-warm-`, fake.delivered);
  const refreshBefore = fake.refreshCalls;

  const ledger = new Ledger(`${prefix}-u`);
  const total = rate * seconds;
  const requestsBefore = fake.requests.length;
  const run = drive({ url: () => url, ledger, prefix: `${prefix}-u`, total, ratePerSec: rate, concurrency: 16, deadlineMs: 120_000 });
  await new Promise((r) => setTimeout(r, 2000));
  fake.acceptTokens([]); // the old token is now rejected with -216; a refresh adds the new one
  const expiredAt = Date.now();
  await run.done;
  const drained = await waitUntil(() => ledger.missing(fake.delivered) === 0, 60_000);
  await new Promise((r) => setTimeout(r, 1000));
  const c = ledger.check(fake.delivered);
  const sends = fake.requests.slice(requestsBefore);
  const rejected = sends.filter((m) => m.token === "old-access" && m.at >= expiredAt).length;
  const withNew = sends.filter((m) => m.token === "new-access").length;
  const refreshes = fake.refreshCalls - refreshBefore;
  const db = new Database(bot.dbPath, { readonly: true });
  const stored = db
    .prepare<[], { access_token: string; refresh_token: string }>("SELECT access_token, refresh_token FROM zalo_tokens")
    .get();
  db.close();
  console.log(
    `token expired at +2 s: ${rejected} sends refused with -216, ${refreshes} refresh call(s), then ${withNew} sends with the new token`,
  );
  console.log(`stored tokens: access ${stored?.access_token}, refresh ${stored?.refresh_token}`);
  console.log(`exactly once: ${describeCheck(c)}; ack p99 ${fmt(pct(c.ackMs, 0.99))} ms, answer p99 ${fmt(pct(c.answerMs, 0.99), 0)} ms`);
  const pass = drained && c.exactlyOnce && c.acked + c.ackedDuplicate === total && refreshes === 1 && stored?.refresh_token === "refresh-2";
  console.log(
    `RESULT fault=token refresh_calls=${refreshes} rejected_sends=${rejected} acked=${c.acked + c.ackedDuplicate} answered=${c.answered} ` +
      `exactly_once=${c.exactlyOnce} verdict=${pass ? "PASS" : "FAIL"}`,
  );
  code = pass ? 0 : 1;
} catch (err) {
  console.error(err);
  if (bot) console.error(bot.output());
} finally {
  await bot?.stop();
  await fake.close();
  await cleanRedis(prefix, redisUrl).catch(() => undefined);
  tmp.remove();
}
process.exit(code);
