import { cleanRedis } from "../test/broadcasts/broadcast-setup.js";
import { botEnv, startBot, type BotProcess } from "./lib/bot-process.js";
import { drive, warmUp } from "./lib/driver.js";
import { describeCheck, fmt, Ledger, pct, waitUntil } from "./lib/load.js";
import { startRig } from "./lib/rig.js";

/**
 * npm run fault:slow-zalo: the Zalo API turns bad under a steady flow of chat events (200/s).
 *   1. slow: every send answered after 2 s, for the whole 5 s burst;
 *   2. 5xx: every send answered 502 for 4 s in the middle of a 6 s burst, then healthy again.
 * Verdict per phase: acks stay fast (p99 < 50 ms) — the webhook never waits on Zalo — and every acked event
 * is answered exactly once, the 5xx ones after retries.
 */
const rate = 200;
const { redisUrl, prefix, tmp, fake } = await startRig("fault-slow", "fs");
let bot: BotProcess | null = null;
let code = 1;
try {
  bot = await startBot({ dir: tmp.dir, env: botEnv(fake.url, { REDIS_URL: redisUrl, BULLMQ_PREFIX: prefix }) });
  const url = bot.url;
  await warmUp(url, `${prefix}-warm-`, fake.delivered);
  const verdicts: string[] = [];
  let allPass = true;

  const phase = async (name: string, seconds: number, during: () => Promise<void>) => {
    const ledger = new Ledger(`${prefix}-${name}-`);
    const total = rate * seconds;
    const requestsBefore = fake.requests.length;
    const deliveredBefore = fake.delivered.length;
    const run = drive({
      url: () => url,
      ledger,
      prefix: `${prefix}-${name}-`,
      total,
      ratePerSec: rate,
      concurrency: 16,
      deadlineMs: 120_000,
    });
    await during();
    await run.done;
    const drained = await waitUntil(() => ledger.missing(fake.delivered) === 0, 120_000);
    await new Promise((r) => setTimeout(r, 1000));
    fake.respond(null);
    const c = ledger.check(fake.delivered);
    const calls = fake.requests.length - requestsBefore;
    const ok = fake.delivered.length - deliveredBefore;
    const ackP99 = pct(c.ackMs, 0.99);
    console.log(`${name}: ${describeCheck(c)}`);
    console.log(
      `${name}: ack p50 ${fmt(pct(c.ackMs, 0.5))} ms, p99 ${fmt(ackP99)} ms; answer p50 ${fmt(pct(c.answerMs, 0.5), 0)} ms, p99 ${fmt(pct(c.answerMs, 0.99), 0)} ms; ` +
        `${calls} send calls for ${ok} delivered (${calls - ok} refused and retried)`,
    );
    const pass = drained && c.exactlyOnce && c.acked + c.ackedDuplicate === total && ackP99 < 50;
    allPass &&= pass;
    verdicts.push(`${name}_ack_p99_ms=${fmt(ackP99)} ${name}_retries=${calls - ok} ${name}_exactly_once=${c.exactlyOnce}`);
  };

  // 1. Slow: Zalo takes 2 s for every send during the burst.
  await phase("slow", 5, async () => {
    fake.respond(() => ({ delayMs: 2000 }));
    await new Promise((r) => setTimeout(r, 5000));
    fake.respond(null);
  });
  // 2. 5xx: Zalo answers 502 for 4 s, from 1 s into the burst.
  await phase("5xx", 6, async () => {
    await new Promise((r) => setTimeout(r, 1000));
    fake.respond(() => ({ status: 502, body: { message: "Bad Gateway" } }));
    await new Promise((r) => setTimeout(r, 4000));
    fake.respond(null);
  });
  console.log(`RESULT fault=slow-zalo ${verdicts.join(" ")} verdict=${allPass ? "PASS" : "FAIL"}`);
  code = allPass ? 0 : 1;
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
