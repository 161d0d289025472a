import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TEST_APP_ID, TEST_OA_SECRET } from "../../test/helpers/zalo-events.js";

/** The real bot as a child process, with the node flags of `npm start` (package.json), as production runs it. */
export interface BotProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  url: string;
  /** The SQLite file the bot uses. */
  dbPath: string;
  /** stderr and non-JSON stdout so far (for error reports). */
  output(): string;
  /** Resolves with true once a stdout line matches `pattern` (from now on), or false after `timeoutMs`. */
  logs(pattern: RegExp, timeoutMs: number): Promise<boolean>;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resident memory of the process in bytes (from /proc). */
  rss(): number;
  /** SIGTERM (graceful), SIGKILL after `graceMs`; resolves on exit. */
  stop(graceMs?: number): Promise<void>;
  /** SIGKILL now; resolves on exit. */
  kill(): Promise<void>;
}

export interface StartBotOptions {
  /** Folder for the SQLite file; reuse it to restart on the same database. */
  dir: string;
  env?: Record<string, string>;
  /** Fixed port (a restart keeps the URL Zalo posts to); default 0 = any free port. */
  port?: number;
  startTimeoutMs?: number;
  /** Entry point run through tsx; default the compiled bot, dist/src/main.js (npm start). */
  script?: string;
  /** Extra node flags, e.g. ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"]. */
  nodeArgs?: string[];
}

export function makeTempDir(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A port free at this moment on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Env for a bot that talks to a fake Zalo at `fakeUrl` with the test app id and OA secret. */
export function botEnv(fakeUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    ZALO_APP_ID: TEST_APP_ID,
    ZALO_OA_SECRET_KEY: TEST_OA_SECRET,
    // The API budget is not what this measures: let every call through.
    ZALO_API_RATE_PER_MIN: "1000000",
    ZALO_ACCESS_TOKEN: "bench-access-1",
    ZALO_API_BASE_URL: fakeUrl,
    ZALO_OAUTH_BASE_URL: fakeUrl,
    BOT_NOW: "2025-11-01T10:00:00+07:00",
    ...extra,
  };
}

/**
 * The node flags of `npm start` (package.json's start script: V8 heap limits), so every bench runs the bot as
 * production does and a change of flags needs no edit here.
 */
export function startFlags(): string[] {
  const pkg = JSON.parse(readFileSync(join(process.cwd(), "package.json"), "utf8")) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((a) => a.startsWith("--"));
}

let built = false;

/** dist/src/main.js, built (incrementally) on first use so a bench never measures stale code. */
function compiledMain(): string {
  if (!built) {
    const r = spawnSync("npm", ["run", "--silent", "build"], { cwd: process.cwd(), stdio: "inherit" });
    if (r.status !== 0) throw new Error("npm run build failed");
    built = true;
  }
  return "dist/src/main.js";
}

/**
 * Starts the bot and waits for its `"port":N` log line. LOG_LEVEL is info (the port line is info); the bot
 * logs nothing per ordinary event at that level.
 */
export async function startBot(o: StartBotOptions): Promise<BotProcess> {
  const dbPath = join(o.dir, "bot.db");
  // BENCH_NODE_ARGS: extra node flags for experiments, e.g. "--max-semi-space-size=4" (later flags win).
  const extra = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  // The bot runs compiled, as npm start runs it (built once per bench run); other scripts through tsx.
  // BENCH_BOT_MAIN: another compiled entry point for experiments (built with the bot), e.g. dist/src/x.js.
  const entry = o.script
    ? ["--import", "tsx", o.script]
    : [process.env.BENCH_BOT_MAIN ? compiledMain() && process.env.BENCH_BOT_MAIN : compiledMain()];
  const child = spawn(process.execPath, [...startFlags(), ...extra, ...(o.nodeArgs ?? []), ...entry], {
    cwd: process.cwd(),
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      LOG_LEVEL: "info",
      ...o.env,
      // BENCH_BOT_ENV: extra variables for experiments, e.g. "MALLOC_ARENA_MAX=2".
      ...Object.fromEntries(
        (process.env.BENCH_BOT_ENV ?? "")
          .split(" ")
          .filter(Boolean)
          .map((kv) => kv.split("=", 2) as [string, string]),
      ),
      PORT: String(o.port ?? 0),
      DATABASE_PATH: dbPath,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  const watchers = new Set<{ pattern: RegExp; hit(): void }>();
  let tail = "";
  const keep = (s: string) => {
    out = (out + s).slice(-20_000);
  };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal })),
  );
  child.stderr!.setEncoding("utf8").on("data", keep);
  // BENCH_BOT_LOG=<file>: every line the bot writes goes there too (experiments).
  const log = process.env.BENCH_BOT_LOG;
  if (log) child.stdout!.on("data", (s: string | Buffer) => appendFileSync(log, s));
  const port = await new Promise<number>((resolve, reject) => {
    let buf = "";
    let found = false;
    const timer = setTimeout(() => reject(new Error(`bot did not start in time:\n${out}`)), o.startTimeoutMs ?? 30_000);
    child.stdout!.setEncoding("utf8").on("data", (s: string) => {
      if (found) {
        // A line may come in two chunks: the end of the previous chunk goes along.
        const text = tail + s;
        tail = s.slice(-300);
        for (const w of watchers) if (w.pattern.test(text)) w.hit();
        // Keep warnings and errors; ordinary info lines are dropped.
        if (/"level":[4-6]\d/.test(s)) keep(s);
        return;
      }
      buf += s;
      const m = /"port":(\d+)/.exec(buf);
      if (m) {
        found = true;
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      if (!found) reject(new Error(`bot exited (code ${code}, signal ${signal}) before listening:\n${out}${buf}`));
    });
  });
  const pid = child.pid!;
  const waitExit = async () => void (await exited);
  return {
    child,
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    dbPath,
    output: () => out,
    logs(pattern, timeoutMs) {
      return new Promise((resolve) => {
        const w = {
          pattern,
          hit: () => {
            watchers.delete(w);
            clearTimeout(timer);
            resolve(true);
          },
        };
        const timer = setTimeout(() => {
          watchers.delete(w);
          resolve(false);
        }, timeoutMs);
        timer.unref();
        watchers.add(w);
      });
    },
    exited,
    rss() {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
        return m ? Number(m[1]) * 1024 : 0;
      } catch {
        return 0;
      }
    },
    async stop(graceMs = 12_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const t = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await waitExit();
      clearTimeout(t);
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGKILL");
      await waitExit();
    },
  };
}

/** Runs `npm run cli -- units import <csv>` against the bot's database (a separate process, as an officer would). */
export async function importUnits(dbPath: string, csvPath: string): Promise<string> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli/index.ts", "units", "import", csvPath], {
    cwd: process.cwd(),
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_PATH: dbPath, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout!.setEncoding("utf8").on("data", (s: string) => (out += s));
  child.stderr!.setEncoding("utf8").on("data", (s: string) => (out += s));
  const code = await new Promise<number | null>((r) => child.once("exit", (c) => r(c)));
  if (code !== 0) throw new Error(`units import failed (${code}): ${out}`);
  return out.trim();
}
