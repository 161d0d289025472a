import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { TEST_APP_ID, TEST_OA_SECRET, signed, userText } from "../helpers/zalo-events.js";

const dir = mkdtempSync(join(tmpdir(), "zalo-bot-shutdown-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function startBot() {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: {
      ...process.env,
      PORT: "0",
      DATABASE_PATH: join(dir, "bot.db"),
      ZALO_APP_ID: TEST_APP_ID,
      ZALO_OA_SECRET_KEY: TEST_OA_SECRET,
      REDIS_URL: "redis://127.0.0.1:1",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const port = new Promise<number>((resolve, reject) => {
    let buf = "";
    child.stdout.on("data", (d: Buffer) => {
      buf += d.toString();
      const m = /"port":(\d+)/.exec(buf);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`bot exited early with ${code}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, port, exited };
}

describe("graceful shutdown", () => {
  it("SIGTERM finishes in-flight work, exits 0, and what was queued is answered after the next start", async () => {
    const first = startBot();
    const port = await first.port;
    const events = Array.from({ length: 40 }, (_, i) => userText(`u-${i}`, "xin chào"));
    const acks = await Promise.all(
      events.map((e) => {
        const s = signed(e);
        return fetch(`http://127.0.0.1:${port}/webhooks/zalo`, { method: "POST", body: s.body, headers: s.headers });
      }),
    );
    expect(acks.every((r) => r.status === 200)).toBe(true);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    const db = new Database(join(dir, "bot.db"), { readonly: true });
    const sending = db.prepare("SELECT COUNT(*) AS n FROM outbox WHERE status = 'sending'").get() as { n: number };
    expect(sending.n).toBe(0);
    db.close();

    const second = startBot();
    await second.port;
    // Give the restarted bot a moment to resume, then stop it too.
    const deadline = Date.now() + 10_000;
    let answered = 0;
    while (Date.now() < deadline) {
      const check = new Database(join(dir, "bot.db"), { readonly: true });
      answered = (check.prepare("SELECT COUNT(DISTINCT recipient_id) AS n FROM outbox WHERE status = 'dry_run'").get() as { n: number }).n;
      check.close();
      if (answered === 40) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    expect(answered).toBe(40);
    const final = new Database(join(dir, "bot.db"), { readonly: true });
    const perUser = final.prepare("SELECT MAX(n) AS m FROM (SELECT COUNT(*) AS n FROM outbox GROUP BY recipient_id)").get() as {
      m: number;
    };
    final.close();
    expect(perUser.m).toBe(1);
  });
});
