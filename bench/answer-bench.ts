import { createServer } from "node:http";
import { join } from "node:path";
import { cleanRedis } from "../test/broadcasts/broadcast-setup.js";
import { loadConfig } from "../src/config.js";
import { silentLogger } from "../src/observability/logger.js";
import { createRuntime } from "../src/runtime.js";
import { botEnv, importUnits } from "./lib/bot-process.js";
import { fmt, Ledger, postEvent, QUESTION_MIX, waitUntil } from "./lib/load.js";
import { startRig } from "./lib/rig.js";

/**
 * npm run bench:answering [-- <events>]: the answering side alone, in this process. <events> signed events (the
 * bench:webhook mix, each from a new user) are stored through the real webhook while the dispatcher is not yet
 * started; then it answers the backlog against a local fake Zalo. Prints answered events/s and CPU milliseconds
 * per answered event (the figure that decides how fast a steady load can be answered on one core).
 * Run it with `node --cpu-prof --import tsx bench/answer-bench.ts` for a profile of the per-question path.
 */
const total = Number(process.argv[2] ?? 3000);
const { redisUrl, prefix, tmp, fake } = await startRig("answer-bench", "ab");
let code = 1;
try {
  await importUnits(join(tmp.dir, "bot.db"), "content/units.example.csv");
  const config = loadConfig({
    ...botEnv(fake.url, { REDIS_URL: redisUrl, BULLMQ_PREFIX: prefix }),
    DATABASE_PATH: join(tmp.dir, "bot.db"),
    LOG_LEVEL: "silent",
  });
  const rt = createRuntime(config, { logger: silentLogger, worker: false, answering: "here" });
  const server = createServer(rt.listener).listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  const ledger = new Ledger(`${prefix}-u`);
  for (let i = 0; i < total; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, total - i) }, (_, k) =>
        postEvent(url, ledger, `${prefix}-u${i + k}`, QUESTION_MIX[(i + k) % QUESTION_MIX.length]!),
      ),
    );
  }
  console.log(`${total} events stored; answering them`);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await rt.startAnswering();
  await waitUntil(() => ledger.missing(fake.delivered) === 0, 600_000, 20);
  const sec = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const c = ledger.check(fake.delivered);
  console.log(
    `answered ${c.answered} in ${fmt(sec, 2)} s → ${fmt(c.answered / sec, 0)} events/s; ` +
      `${fmt(cpuMs / c.answered, 2)} CPU-ms per event (this process, fake Zalo included); duplicates ${c.duplicates}`,
  );
  console.log(`RESULT answered_per_s=${Math.round(c.answered / sec)} cpu_ms_per_event=${fmt(cpuMs / c.answered, 2)}`);
  server.close();
  await rt.close();
  code = c.exactlyOnce ? 0 : 1;
} catch (err) {
  console.error(err);
} finally {
  await fake.close();
  await cleanRedis(prefix, redisUrl).catch(() => undefined);
  tmp.remove();
}
process.exit(code);
