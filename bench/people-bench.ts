import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { silentLogger } from "../src/observability/logger.js";
import { createPeopleServices } from "../src/people/people-services.js";
import { parseUnitsCsv } from "../src/people/units-csv.js";
import { createRuntime } from "../src/runtime.js";
import { signed, TEST_APP_ID, TEST_OA_SECRET, userText } from "../test/helpers/zalo-events.js";

/**
 * npm run bench:people [-- <reports>]: (1) N self-reports posted concurrently through the signed webhook into
 * a real SQLite file: ack latency and time until every report is recorded and answered; (2) the progress
 * report over 1,000 units and 100,000 completions; (3) unit resolution over those 1,000 units.
 */
const reports = Number(process.argv[2] ?? 2_000);
const window = { start: new Date("2025-10-11T00:00:00+07:00"), end: new Date("2025-11-11T23:59:59+07:00") };
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const dir = mkdtempSync(join(tmpdir(), "people-bench-"));

async function webhookRun(): Promise<void> {
  const config = loadConfig({
    DATABASE_PATH: join(dir, "bot.db"),
    ZALO_APP_ID: TEST_APP_ID,
    ZALO_OA_SECRET_KEY: TEST_OA_SECRET,
    BOT_NOW: "2025-10-27T12:00:00+07:00",
    LOG_LEVEL: "silent",
  });
  const rt = createRuntime(config, { logger: silentLogger, redis: false });
  const parsed = parseUnitsCsv(readFileSync("content/units.example.csv"));
  if (!parsed.ok) throw new Error("example CSV is invalid");
  rt.services.people.units.upsertAll(parsed.units, new Date());
  const server: Server = await new Promise((resolve) => {
    const s = createServer(rt.listener).listen(0, "127.0.0.1", () => resolve(s));
  });
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}/webhooks/zalo`;
  const bodies = Array.from({ length: reports }, (_, i) => signed(userText(`bench-${i}`, `#xong Nguyễn Văn An, tổ ${(i % 15) + 1}`)));
  const acks: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    bodies.map(async (b) => {
      const s = performance.now();
      const res = await fetch(url, { method: "POST", body: b.body, headers: b.headers });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      acks.push(performance.now() - s);
    }),
  );
  const acked = performance.now() - t0;
  for (let i = 0; i < 3; i++) {
    await new Promise((r) => setImmediate(r));
    await rt.dispatcher.idle();
  }
  const done = performance.now() - t0;
  const recorded = rt.services.people.completions.count();
  console.log(
    `RESULT webhook reports=${reports} recorded=${recorded} ack_p50_ms=${pct(acks, 0.5).toFixed(1)} ack_p99_ms=${pct(acks, 0.99).toFixed(1)} ` +
      `all_acked_ms=${acked.toFixed(0)} all_recorded_ms=${done.toFixed(0)} reports_per_s=${((reports / done) * 1000).toFixed(0)}`,
  );
  await new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
  await rt.close();
}

function storeRun(): void {
  const db = openDatabase(join(dir, "big.db"));
  const people = createPeopleServices(db, window);
  const units = Array.from({ length: 1000 }, (_, i) => ({
    code: `W${i % 20}-TDP${i}`,
    name: `Tổ dân phố số ${i}`,
    kind: "residential" as const,
    ward: `Phường ${i % 20}`,
    base: 200,
    targetRatio: 0.7,
    zaloGroupId: i % 3 === 0 ? `g${i}` : null,
    aliases: [`TDP ${i}`],
  }));
  people.units.upsertAll(units, new Date());
  db.transaction(() => {
    for (let i = 0; i < 100_000; i++) {
      people.completions.upsert(
        { zaloUserId: `z${i}`, fullName: "Lê Thu Hà", unitCode: units[i % 1000]!.code, source: "command" },
        new Date(),
      );
    }
  })();
  const now = new Date("2025-10-27T12:00:00+07:00");
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    people.progress.report(now);
    times.push(performance.now() - t);
  }
  console.log(`RESULT progress units=1000 completions=100000 p50_ms=${pct(times, 0.5).toFixed(2)} p99_ms=${pct(times, 0.99).toFixed(2)}`);

  const queries = ["tổ 517", "tdp 42", "TDP số 7 Phường 7", "W3-TDP803", "to dan pho so 99", "trường tiểu học", "xin chào"];
  for (let i = 0; i < 200; i++) people.resolver.resolve(queries[i % queries.length]!); // warm-up
  const rt: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const t = performance.now();
    people.resolver.resolve(queries[i % queries.length]!);
    rt.push(performance.now() - t);
  }
  console.log(`RESULT resolve units=1000 p50_ms=${pct(rt, 0.5).toFixed(3)} p99_ms=${pct(rt, 0.99).toFixed(3)}`);
  db.close();
}

try {
  await webhookRun();
  storeRun();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
