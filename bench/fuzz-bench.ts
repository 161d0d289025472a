import Database from "better-sqlite3";
import { cleanRedis } from "../test/broadcasts/broadcast-setup.js";
import { botEnv, startBot, type BotProcess } from "./lib/bot-process.js";
import { fuzzCases } from "./lib/fuzz.js";
import { describeTally, runFuzz } from "./lib/fuzz-run.js";
import { fmt, Ledger, postEvent, waitUntil } from "./lib/load.js";
import { startRig } from "./lib/rig.js";

/**
 * npm run bench:fuzz [-- <cases> <seed>]: random and mutated bodies posted one at a time to the bot (a child
 * process): random bytes, random JSON, real events with fields removed or of the wrong type (signed, so the
 * schema has to refuse them), huge strings, invalid UTF-8, JSON nested 100,000 deep, bad signatures. Checks:
 * no 5xx, an answer to every request, nothing in the inbox after a refused body, the process still up and
 * still answering a normal question at the end.
 */
const count = Number(process.argv[2] ?? 5_000);
const seed = Number(process.argv[3] ?? 20251011);
const { redisUrl, prefix, tmp, fake } = await startRig("fuzz-bench", "fz");
let bot: BotProcess | null = null;
let db: Database.Database | null = null;
let code = 1;
try {
  bot = await startBot({ dir: tmp.dir, env: botEnv(fake.url, { REDIS_URL: redisUrl, BULLMQ_PREFIX: prefix }) });
  db = new Database(bot.dbPath, { readonly: true, fileMustExist: true });
  const rowsStmt = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM inbox");
  const holdsStmt = db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM inbox WHERE body = ?");
  const rssStart = bot.rss();
  const t0 = performance.now();
  const tally = await runFuzz(bot.url, fuzzCases(seed, count), {
    rows: () => rowsStmt.get()!.n,
    holds: (body) => holdsStmt.get(body)!.n > 0,
  });
  const sec = (performance.now() - t0) / 1000;
  for (const line of describeTally(tally)) console.log(line);

  // Still alive, still answering: one ordinary question after the storm.
  const alive = bot.child.exitCode === null && bot.child.signalCode === null;
  const health = await fetch(`${bot.url}/healthz`)
    .then((r) => r.status)
    .catch(() => 0);
  const ledger = new Ledger(`${prefix}-after`);
  const user = `${prefix}-after-1`;
  const status = await postEvent(bot.url, ledger, user, "cuoc thi ket thuc ngay nao");
  const answered = status === 200 && (await waitUntil(() => fake.delivered.some((m) => m.to === user), 60_000));
  const failed = db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM inbox WHERE status = 'failed'").get()!.n;
  const stored = rowsStmt.get()!.n;
  const reasons = db
    .prepare<[], { e: string; n: number }>(
      "SELECT substr(last_error, 1, 160) AS e, COUNT(*) AS n FROM inbox WHERE status = 'failed' GROUP BY 1 ORDER BY 2 DESC LIMIT 5",
    )
    .all();
  for (const r of reasons) console.log(`  handler failure ×${r.n}: ${r.e}`);
  console.log(
    `${fmt(sec)} s; inbox rows from accepted cases ${stored}, of which handler failures ${failed}; ` +
      `bot alive ${alive}, /healthz ${health}, a normal question afterwards answered ${answered}; RSS ${fmt(rssStart / 2 ** 20, 0)} → ${fmt(bot.rss() / 2 ** 20, 0)} MB`,
  );
  const pass = tally.serverErrors === 0 && tally.noAnswer === 0 && tally.storedOnRefusal === 0 && alive && health === 200 && answered;
  console.log(
    `RESULT fuzz_cases=${tally.cases} server_errors=${tally.serverErrors} no_answer=${tally.noAnswer} stored_on_refusal=${tally.storedOnRefusal} handler_failures=${failed} crashed=${!alive} verdict=${pass ? "PASS" : "FAIL"}`,
  );
  code = pass ? 0 : 1;
} catch (err) {
  console.error(err);
  if (bot) console.error(bot.output());
} finally {
  db?.close();
  await bot?.stop();
  await fake.close();
  await cleanRedis(prefix, redisUrl).catch(() => undefined);
  tmp.remove();
}
process.exit(code);
