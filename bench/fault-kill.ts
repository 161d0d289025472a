import Database from "better-sqlite3";
import { join } from "node:path";
import { cleanRedis } from "../test/broadcasts/broadcast-setup.js";
import { botEnv, freePort, importUnits, startBot, type BotProcess } from "./lib/bot-process.js";
import { drive } from "./lib/driver.js";
import { describeCheck, fmt, Ledger, pct, waitUntil } from "./lib/load.js";
import { startRig } from "./lib/rig.js";

/**
 * npm run fault:kill [-- <events> <kill after ms>]: a burst of signed events from distinct users; the bot is
 * killed with SIGKILL in the middle and restarted on the same port after a second. The sender behaves like
 * Zalo: a delivery without a 200 is redelivered with the same bytes. Verdict: every event that got a 200 is
 * answered exactly once. The ambiguous window is counted: replies whose HTTP call was under way when the
 * process died (still 'sending' in the outbox) and whether they had reached Zalo; on restart the bot reads
 * the conversation back before sending those again.
 */
const total = Number(process.argv[2] ?? 6_000);
const killAfterMs = Number(process.argv[3] ?? 3_000);
const { redisUrl, prefix, tmp, fake } = await startRig("fault-kill", "fk");
let bot: BotProcess | null = null;
let code = 1;
try {
  await importUnits(join(tmp.dir, "bot.db"), "content/units.example.csv");
  const port = await freePort();
  const env = botEnv(fake.url, { REDIS_URL: redisUrl, BULLMQ_PREFIX: prefix });
  bot = await startBot({ dir: tmp.dir, port, env });
  const url = bot.url;
  const ledger = new Ledger(`${prefix}-u`);
  const run = drive({ url: () => url, ledger, prefix: `${prefix}-u`, total, concurrency: 32, redeliverMs: 500, deadlineMs: 180_000 });

  await new Promise((r) => setTimeout(r, killAfterMs));
  const beforeKill = { started: run.started(), delivered: fake.delivered.length };
  await bot.kill();
  const killedAt = Date.now();
  // What the dead process left: replies claimed but not confirmed, replies not yet sent, events not handled.
  const db = new Database(bot.dbPath, { readonly: true });
  const sending = db
    .prepare<[], { recipient_id: string; text: string }>("SELECT recipient_id, text FROM outbox WHERE status = 'sending'")
    .all();
  const openPending = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE status = 'pending'").get()!.n;
  const inboxPending = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM inbox WHERE status = 'pending'").get()!.n;
  const stored = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM inbox").get()!.n;
  db.close();
  const atFake = new Set(fake.delivered.map((m) => `${m.to}\u0000${m.text}`));
  const ambiguousDelivered = sending.filter((r) => atFake.has(`${r.recipient_id}\u0000${r.text}`)).length;
  console.log(
    `SIGKILL after ${killAfterMs} ms: ${beforeKill.started} events posted, ${stored} stored, ${beforeKill.delivered} replies at Zalo; ` +
      `left behind: ${inboxPending} events to handle, ${openPending} replies to send, ${sending.length} replies mid-send ` +
      `(${ambiguousDelivered} of them had already reached Zalo)`,
  );

  await new Promise((r) => setTimeout(r, 1000));
  bot = await startBot({ dir: tmp.dir, port, env });
  console.log(`restarted on the same port ${Date.now() - killedAt} ms after the kill`);
  await run.done;
  const drained = await waitUntil(() => ledger.missing(fake.delivered) === 0, 120_000);
  // Every reply settled: those left mid-send are checked against the conversation once a call in flight
  // would have ended (15 s after it started), then marked sent or sent again.
  const live = new Database(bot.dbPath, { readonly: true });
  const openStmt = live.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM outbox WHERE status IN ('pending','sending')");
  const settled = await waitUntil(() => openStmt.get()!.n === 0, 60_000);
  const settledAt = Date.now();
  live.close();
  await new Promise((r) => setTimeout(r, 1500)); // a late duplicate would show up here
  const c = ledger.check(fake.delivered);
  console.log(`deliveries without a 200 (refused while down, reset mid-request), redelivered: ${run.failedDeliveries()}`);
  console.log(`exactly once: ${describeCheck(c)}`);
  console.log(`leftover replies settled ${settled ? "" : "NOT "}${fmt((settledAt - killedAt) / 1000)} s after the kill`);
  console.log(`answer latency: p50 ${fmt(pct(c.answerMs, 0.5), 0)} ms, p99 ${fmt(pct(c.answerMs, 0.99), 0)} ms (includes the outage)`);
  const pass = drained && settled && c.exactlyOnce && c.acked + c.ackedDuplicate === total;
  console.log(
    `RESULT fault=kill events=${total} acked=${c.acked + c.ackedDuplicate} answered=${c.answered} missing=${c.missing} duplicates=${c.duplicates} ` +
      `ambiguous_window=${sending.length} ambiguous_reached_zalo=${ambiguousDelivered} exactly_once=${c.exactlyOnce} verdict=${pass ? "PASS" : "FAIL"}`,
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
