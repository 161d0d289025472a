import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cleanRedis } from "../test/broadcasts/broadcast-setup.js";
import { mb, scrapeMetrics } from "./lib/bot-metrics.js";
import { botEnv, importUnits, type BotProcess, startBot } from "./lib/bot-process.js";
import { machineLine } from "./lib/machine.js";
import { startRig } from "./lib/rig.js";

/**
 * npm run bench:start-rss [-- --runs=5]: the bot's resident memory at start alone, as bench:memory reads it (3 s
 * after the port is bound, here after /healthz first answers), without the 100,000-event burst. Each run is a
 * fresh bot on a fresh database (the example units imported) and its own Redis prefix. Prints each run's RSS
 * (anonymous and file-backed), V8 heap and external memory, then min/median/max. Limit (issue 15): under 100 MB.
 */
const RUNS = Number(process.argv.find((a) => /^--runs=\d+$/.test(a))?.slice(7) ?? 5);
const SETTLE_MS = 3000;

/** A field of /proc/<pid>/status in MB. */
function statusMb(pid: number, field: string): string {
  const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? (Number(m[1]) / 1024).toFixed(1) : "?";
}

async function healthz(url: string): Promise<void> {
  for (;;) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function once(): Promise<number> {
  const { redisUrl, prefix, tmp, fake } = await startRig("start-rss-bench", "sr");
  let bot: BotProcess | null = null;
  try {
    await importUnits(join(tmp.dir, "bot.db"), "content/units.example.csv");
    bot = await startBot({ dir: tmp.dir, env: botEnv(fake.url, { REDIS_URL: redisUrl, BULLMQ_PREFIX: prefix }) });
    await healthz(bot.url);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const rss = bot.rss();
    const m = await scrapeMetrics(bot.url);
    console.log(
      `RSS ${(rss / 2 ** 20).toFixed(1)} MB (anon ${statusMb(bot.pid, "RssAnon")}, file ${statusMb(bot.pid, "RssFile")})   heap used ${mb(m.nodejs_heap_size_used_bytes)} MB of ${mb(m.nodejs_heap_size_total_bytes)} MB   external ${mb(m.nodejs_external_memory_bytes)} MB`,
    );
    return rss;
  } finally {
    await bot?.stop();
    await fake.close();
    await cleanRedis(prefix, redisUrl).catch(() => undefined);
    tmp.remove();
  }
}

const figures: number[] = [];
for (let i = 0; i < RUNS; i++) figures.push(await once());
const sorted = figures.map((b) => b / 2 ** 20).sort((a, b) => a - b);
const median = sorted[Math.floor(sorted.length / 2)]!;
console.log(machineLine());
console.log(
  `RESULT runs=${RUNS} rss_start_mb_min=${sorted[0]!.toFixed(1)} rss_start_mb_median=${median.toFixed(1)} rss_start_mb_max=${sorted.at(-1)!.toFixed(1)} start_limit_mb=100`,
);
process.exit(median < 100 ? 0 : 1);
