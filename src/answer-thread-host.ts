import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Worker, type WorkerOptions } from "node:worker_threads";
import type { MetricObjectWithValues, MetricValue } from "prom-client";
import type { WorkerTuning } from "./broadcasts/start-reminder-worker.js";
import type { Config } from "./config.js";
import type { Logger } from "./observability/logger.js";

export type Metrics = Array<MetricObjectWithValues<MetricValue<string>>>;

/** What the answering thread starts with (structured-cloned). */
export interface ThreadData {
  config: Config;
  /** Run the reminder worker in the thread (npm start). */
  worker: boolean;
  workerOptions?: WorkerTuning;
  /** Build, report ready, and start answering only on a "go" message. */
  hold?: boolean;
}

/** Messages to the answering thread. */
export type ToThread = { type: "wake" } | { type: "go" } | { type: "stop" } | { type: "metrics"; id: number };
/** Messages from it. */
export type FromThread = { type: "ready" } | { type: "stopped" } | { type: "metrics"; id: number; metrics: Metrics };

const STOP_GRACE_MS = 10_000;

/**
 * The answering thread's semi-space (MB). The edge runs with a small one (npm start's --max-semi-space-size=2:
 * short-lived request objects, a young generation of 4 MB instead of 16), but the thread keeps 4: its objects
 * live across a send and a smaller young generation promotes them, so it answered a third fewer events per
 * CPU-second at 2 (bench:answering). 4 instead of 8 lowered bench:memory's peak from 197 to 189 MB (the edge
 * keeps the modules it answered with before the move) and drained 100,000 events in the same time (254 s vs
 * 259 s, load 4.7). A V8 flag wins over Worker resourceLimits, and each isolate reads it when
 * it is created, so it is set just before the thread starts (the edge's heap is configured already).
 */
const THREAD_SEMI_SPACE_MB = 4;

/**
 * Compiled, the thread runs answer-thread.js. From source (tsx, vitest) it is TypeScript: a `--import tsx` in
 * the thread's execArgv registers the loader too late for the entry itself, so a small bootstrap registers it
 * and then imports the entry.
 */
function threadEntry(): [string | URL, WorkerOptions] {
  if (!import.meta.url.endsWith(".ts")) return [new URL("./answer-thread.js", import.meta.url), {}];
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api")).href.replace(/\.cjs$/, ".mjs");
  const entry = new URL("./answer-thread.ts", import.meta.url).href;
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry)}); });`;
  return [code, { eval: true }];
}

/**
 * The answering side of the bot (dispatcher, handlers, reply sender) in a worker thread with its own SQLite
 * connection: the HTTP event loop only verifies, stores and acknowledges, so a burst never makes Zalo wait
 * behind handlers. The thread takes events from the inbox table (WAL: the edge keeps writing while it reads);
 * `wake()` tells it new ones were committed.
 */
export class AnswerThread {
  private worker: Worker | null = null;
  private started: Promise<void> | null = null;
  private wakePending = false;
  private stopping = false;
  private nextId = 0;
  private readonly waiting = new Map<number, (m: Metrics) => void>();

  constructor(
    private readonly config: Config,
    private readonly logger: Logger,
    private readonly o: { worker?: boolean; workerOptions?: WorkerTuning; hold?: boolean } = {},
  ) {}

  /**
   * Starts the thread (once) and resolves when it is answering. npm start calls it after the port is bound, so
   * the two threads' start-up work does not compete for the CPU before /healthz answers; events acknowledged
   * meanwhile wait in SQLite and are read when the thread resumes.
   */
  start(): Promise<void> {
    this.started ??= new Promise((resolve, reject) => {
      // Other V8 flags (--heap-growing-percent) are process-wide and apply to the thread without being passed.
      setFlagsFromString(`--max-semi-space-size=${THREAD_SEMI_SPACE_MB}`);
      const [entry, options] = threadEntry();
      const workerData: ThreadData = {
        config: this.config,
        worker: this.o.worker === true,
        workerOptions: this.o.workerOptions,
        hold: this.o.hold === true,
      };
      const worker = new Worker(entry, { ...options, workerData });
      this.worker = worker;
      worker.on("message", (m: FromThread) => {
        if (m.type === "ready") resolve();
        else if (m.type === "metrics") {
          this.waiting.get(m.id)?.(m.metrics);
          this.waiting.delete(m.id);
        }
      });
      worker.once("exit", (code) => {
        if (this.stopping) return;
        // Everything acknowledged is in SQLite; a restart of the process answers it.
        this.logger.fatal({ code }, "answering thread exited; stopping the process");
        reject(new Error(`answering thread exited with code ${code}`));
        process.exit(1);
      });
      worker.on("error", (err) => this.logger.fatal({ err }, "answering thread failed"));
    });
    return this.started;
  }

  /** A thread started with `hold` starts answering (the reminder worker, the timers, the pending events). */
  go(): void {
    this.post({ type: "go" });
  }

  /** New events were committed to the inbox; one message per event-loop turn at most. */
  wake(): void {
    if (this.wakePending) return;
    this.wakePending = true;
    setImmediate(() => {
      this.wakePending = false;
      this.post({ type: "wake" });
    });
  }

  /** The thread's own metrics (handler, outbound and its V8 heap figures), for /metrics. */
  metrics(): Promise<Metrics> {
    if (!this.worker) return Promise.resolve([]);
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.post({ type: "metrics", id });
      setTimeout(() => {
        if (this.waiting.delete(id)) resolve([]);
      }, 2000).unref();
    });
  }

  /** Finishes the events in progress (the rest stays pending in SQLite) and ends the thread. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (this.stopping || !worker) return;
    this.stopping = true;
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    this.post({ type: "stop" });
    const timer = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
    await exited;
    clearTimeout(timer);
  }

  /** Before start() there is no thread: a wake is not needed (the thread reads every pending event at start). */
  private post(m: ToThread): void {
    this.worker?.postMessage(m);
  }
}
