import { join } from "node:path";
import { cleanRedis } from "../test/broadcasts/broadcast-setup.js";
import { mb, scrapeMetrics } from "./lib/bot-metrics.js";
import { botEnv, importUnits, startBot, type BotProcess } from "./lib/bot-process.js";
import { drive } from "./lib/driver.js";
import { describeCheck, fire, fmt, Ledger, waitUntil } from "./lib/load.js";
import { startRig } from "./lib/rig.js";

/**
 * npm run bench:memory [-- <events> <events/s>]: 100,000 signed events (the bench:webhook mix, each from a new user)
 * through the bot as a child process, then the replies drained. Samples the bot's resident memory (RSS, from
 * /proc) every second and its V8 heap from /metrics (both threads). Limits (issue 15): RSS at start under 100 MB
 * and peak RSS under 200 MB through the whole run, whatever the backlog.
 * Without <events/s> the events come as fast as the bot acknowledges them (more than it can handle, so a
 * backlog builds in the inbox); with it, evenly paced.
 */
const total = Number(process.argv[2] ?? 100_000);
const rate = process.argv[3] ? Number(process.argv[3]) : undefined;
const limitMb = 200;
const startLimitMb = 100;
const { redisUrl, prefix, tmp, fake } = await startRig("memory-bench", "mb");
let bot: BotProcess | null = null;
let code = 1;
let sampler: NodeJS.Timeout | undefined;
try {
  await importUnits(join(tmp.dir, "bot.db"), "content/units.example.csv");
  bot = await startBot({ dir: tmp.dir, env: botEnv(fake.url, { REDIS_URL: redisUrl, BULLMQ_PREFIX: prefix }) });
  const b = bot;
  // Once the answering side is built too (npm start builds it a moment after the port is bound).
  await new Promise((r) => setTimeout(r, 3000));
  const start: Record<string, number> = { rss: b.rss(), ...(await scrapeMetrics(b.url)) };
  console.log(
    `start: RSS ${mb(start.rss)} MB, heap used ${mb(start.nodejs_heap_size_used_bytes)} MB of ${mb(start.nodejs_heap_size_total_bytes)} MB`,
  );

  let peak = b.rss();
  const t0 = performance.now();
  let peakAt = 0;
  sampler = setInterval(() => {
    const rss = b.rss();
    if (rss > peak) {
      peak = rss;
      peakAt = (performance.now() - t0) / 1000;
    }
  }, 1000);
  const ledger = new Ledger(`${prefix}-u`);
  const progress = setInterval(() => {
    const s = ((performance.now() - t0) / 1000).toFixed(0);
    process.stdout.write(`  ${s} s: ${ledger.events.size} sent, ${fake.delivered.length} answered, RSS ${mb(b.rss())} MB\n`);
  }, 10_000);
  const { fired } = rate
    ? await drive({
        url: () => b.url,
        ledger,
        prefix: `${prefix}-u`,
        total,
        ratePerSec: rate,
        concurrency: 32,
        deadlineMs: 3_600_000,
        redeliverMs: 60_000,
      }).done.then(() => ({ fired: total }))
    : await fire({ url: b.url, ledger, prefix: `${prefix}-u`, amount: total, durationSec: 3600, connections: 32 });
  const loadSec = (performance.now() - t0) / 1000;
  const afterLoad = { rss: b.rss(), ...(await scrapeMetrics(b.url)) };
  const drained = await waitUntil(() => ledger.missing(fake.delivered) === 0, 600_000, 1000);
  clearInterval(progress);
  const allSec = (performance.now() - t0) / 1000;
  const afterDrain = { rss: b.rss(), ...(await scrapeMetrics(b.url)) };
  await new Promise((r) => setTimeout(r, 10_000));
  const idle = { rss: b.rss(), ...(await scrapeMetrics(b.url)) };
  clearInterval(sampler);
  const c = ledger.check(fake.delivered);
  console.log(
    `${fired} events fired${rate ? ` at ${rate}/s` : " as fast as acknowledged"} in ${fmt(loadSec)} s; ${drained ? "all" : "NOT all"} answered after ${fmt(allSec)} s`,
  );
  console.log(`exactly once: ${describeCheck(c)}`);
  const row = (label: string, m: Record<string, number>) =>
    console.log(
      `${label.padEnd(22)} RSS ${mb(m.rss).padStart(4)} MB   heap used ${mb(m.nodejs_heap_size_used_bytes).padStart(3)} MB of ${mb(m.nodejs_heap_size_total_bytes).padStart(3)} MB   external ${mb(m.nodejs_external_memory_bytes)} MB`,
    );
  row("start", start);
  row("load sent", afterLoad);
  row("all answered", afterDrain);
  row("10 s later", idle);
  console.log(`peak RSS ${mb(peak)} MB (sampled each second) at +${fmt(peakAt, 0)} s`);
  const endMb = afterDrain.rss / 2 ** 20;
  console.log(
    `RESULT events=${fired} rss_start_mb=${mb(start.rss)} rss_peak_mb=${mb(peak)} rss_after_mb=${fmt(endMb, 0)} rss_idle_mb=${mb(idle.rss)} exactly_once=${c.exactlyOnce} limit_mb=${limitMb} start_limit_mb=${startLimitMb}`,
  );
  const mib = 2 ** 20;
  code = peak < limitMb * mib && (start.rss ?? Infinity) < startLimitMb * mib && endMb < limitMb && c.exactlyOnce && drained ? 0 : 1;
} catch (err) {
  console.error(err);
  if (bot) console.error(bot.output());
} finally {
  clearInterval(sampler);
  await bot?.stop();
  await fake.close();
  await cleanRedis(prefix, redisUrl).catch(() => undefined);
  tmp.remove();
}
process.exit(code);
