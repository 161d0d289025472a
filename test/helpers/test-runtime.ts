import { createServer, type Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadConfig, type Config } from "../../src/config.js";
import { silentLogger } from "../../src/observability/logger.js";
import { createRuntime, type Runtime, type RuntimeOptions } from "../../src/runtime.js";
import { TEST_APP_ID, TEST_OA_SECRET, signed } from "./zalo-events.js";

export interface TestBot {
  rt: Runtime;
  url: string;
  dir: string;
  config: Config;
  /** POSTs a signed event to /webhooks/zalo. */
  post(event: Record<string, unknown>): Promise<Response>;
  /** POSTs raw bytes with the given headers. */
  postRaw(body: string | Buffer, headers?: Record<string, string>): Promise<Response>;
  /** Waits until every accepted event has been handled and its replies sent. */
  settle(): Promise<void>;
  /** Stops the server and the runtime (keeps the SQLite file unless `remove`). */
  close(remove?: boolean): Promise<void>;
}

/**
 * Starts the real bot (express on port 0, a SQLite file in a tmp dir) with test secrets.
 * env overrides config; pass ZALO_ACCESS_TOKEN etc. to go live against nock or a fake Zalo.
 */
export async function startTestBot(
  env: Record<string, string> = {},
  opts: {
    dir?: string;
    redis?: boolean;
    worker?: boolean;
    workerOptions?: RuntimeOptions["workerOptions"];
    answering?: RuntimeOptions["answering"];
    backlogRule?: RuntimeOptions["backlogRule"];
    apiBudgetWindowMs?: number;
  } = {},
): Promise<TestBot> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), "zalo-bot-test-"));
  const config = loadConfig({
    DATABASE_PATH: join(dir, "bot.db"),
    ZALO_APP_ID: TEST_APP_ID,
    ZALO_OA_SECRET_KEY: TEST_OA_SECRET,
    LOG_LEVEL: "silent",
    // Tests that are not about the API budget must not wait for it; the budget's own tests set it low.
    ZALO_API_RATE_PER_MIN: "1000000",
    ...env,
  });
  const rt = createRuntime(config, {
    logger: silentLogger,
    redis: opts.redis ?? false,
    worker: opts.worker,
    workerOptions: opts.workerOptions,
    answering: opts.answering,
    backlogRule: opts.backlogRule,
    apiBudgetWindowMs: opts.apiBudgetWindowMs,
  });
  const server: Server = await new Promise((resolve) => {
    const s = createServer(rt.listener).listen(0, "127.0.0.1", () => resolve(s));
  });
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  await rt.startAnswering();

  const postRaw = (body: string | Buffer, headers: Record<string, string> = { "content-type": "application/json" }) =>
    fetch(`${url}/webhooks/zalo`, { method: "POST", body: body as BodyInit, headers });
  return {
    rt,
    url,
    dir,
    config,
    post: (event) => {
      const s = signed(event);
      return postRaw(s.body, s.headers);
    },
    postRaw,
    async settle() {
      // Let setImmediate-scheduled handoffs run, then wait for the dispatcher to drain.
      for (let i = 0; i < 3; i++) {
        await new Promise((r) => setImmediate(r));
        await rt.dispatcher.idle();
      }
    },
    async close(remove = true) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await rt.close();
      if (remove) rmSync(dir, { recursive: true, force: true });
    },
  };
}
