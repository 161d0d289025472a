import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { RedisOutageLog } from "../../src/redis/redis-outage.js";

/** Issue 14 §4: a mistake in the setup is one line naming the variable or port and what to do. */
const dir = mkdtempSync(join(tmpdir(), "zalo-bot-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function start(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    env: { ...process.env, PORT: "0", DATABASE_PATH: join(dir, "bot.db"), REDIS_URL: "redis://127.0.0.1:1", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stdout, stderr })));
}

describe("start-up failures", { timeout: 90_000 }, () => {
  it("a DATABASE_PATH that cannot be written: one line naming the variable and what to do", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "not a folder");
    const r = await start({ DATABASE_PATH: join(file, "bot.db") });
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^DATABASE_PATH=\S+a-file\/bot\.db cannot be opened for writing \(E[A-Z]+\): set DATABASE_PATH to a file in a folder this user can write, e\.g\. \.\/data\/bot\.db$/,
    );
  });

  it("a busy PORT: one line naming the port, and no 'bot listening' before it", async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, () => r()));
    const port = (blocker.address() as { port: number }).port;
    const r = await start({ PORT: String(port) });
    blocker.close();
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain("bot listening");
    expect(r.stderr.trim()).toBe(`PORT ${port} is already in use: stop the other process using it or set PORT to a free port`);
  });
});

describe("Redis outage log", () => {
  it("says it once, then once a minute while it lasts, and once when Redis is back", () => {
    const lines: string[] = [];
    const logger = { warn: (_o: unknown, msg: string) => lines.push(msg), info: (_o: unknown, msg: string) => lines.push(msg) };
    let now = 0;
    const log = new RedisOutageLog(logger as never, () => now);
    // Two connections retrying every 2 s for 3 minutes.
    for (now = 0; now < 180_000; now += 1_000) log.down("connect ECONNREFUSED 127.0.0.1:6379");
    log.up();
    log.up();
    expect(lines).toEqual([
      "redis unavailable: reminders wait; chat answers go on",
      "redis still unavailable",
      "redis still unavailable",
      "redis available again",
    ]);
  });
});
