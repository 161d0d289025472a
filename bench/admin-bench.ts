import { mkdtempSync, rmSync } from "node:fs";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig } from "../src/config.js";
import { silentLogger } from "../src/observability/logger.js";
import { createRuntime } from "../src/runtime.js";

/**
 * npm run bench:admin [-- <units>]: the dashboard over N units (default 1,000 in 30 wards) and ~100 completions
 * per unit spread over 30 days, in a real SQLite file: GET /admin (server-rendered page), the progress CSV and
 * GET /metrics, each requested 50 times one after another.
 */
const unitCount = Number(process.argv[2] ?? 1_000);
const ADMIN_TOKEN = "bench-admin-token-123";
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const dir = mkdtempSync(join(tmpdir(), "admin-bench-"));

async function main(): Promise<void> {
  const config = loadConfig({
    DATABASE_PATH: join(dir, "bot.db"),
    ADMIN_TOKEN,
    BOT_NOW: "2025-11-01T10:00:00+07:00",
    LOG_LEVEL: "silent",
  });
  const rt = createRuntime(config, { logger: silentLogger, redis: false });
  const { units, completions } = rt.services.people;
  const t0 = performance.now();
  units.upsertAll(
    Array.from({ length: unitCount }, (_, i) => ({
      code: `U${i}`,
      name: `Tổ dân phố số ${i}`,
      kind: "residential" as const,
      ward: `Phường ${i % 30}`,
      base: 150 + (i % 50),
      targetRatio: 0.7,
      zaloGroupId: i % 3 === 0 ? null : `g${i}`,
      aliases: [],
    })),
    new Date(),
  );
  let n = 0;
  rt.db.transaction(() => {
    for (let u = 0; u < unitCount; u++) {
      const reports = (u * 37) % 140;
      for (let k = 0; k < reports; k++) {
        const day = 1 + ((u + k) % 30);
        const at = new Date(Date.UTC(2025, 9, 11 + day, 2, 0, 0));
        completions.upsert({ zaloUserId: `p${n++}`, fullName: "Nguyễn Văn An", unitCode: `U${u}`, source: "command" }, at);
      }
    }
  })();
  console.log(`seeded units=${unitCount} completions=${n} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const server: Server = await new Promise((resolve) => {
    const s = rt.app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const addr = server.address();
  const base = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  const headers = { authorization: `Bearer ${ADMIN_TOKEN}` };
  for (const path of ["/admin", "/admin/export/progress.csv", "/metrics"]) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 50; i++) {
      const s = performance.now();
      const res = await fetch(`${base}${path}`, { headers });
      bytes = (await res.arrayBuffer()).byteLength;
      if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
      times.push(performance.now() - s);
    }
    console.log(`RESULT ${path} p50_ms=${pct(times, 0.5).toFixed(1)} p99_ms=${pct(times, 0.99).toFixed(1)} bytes=${bytes}`);
  }
  await new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
  await rt.close();
}

main()
  .finally(() => rmSync(dir, { recursive: true, force: true }))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
