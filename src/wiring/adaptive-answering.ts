import { AnswerThread, type Metrics } from "../answer-thread-host.js";
import type { WorkerTuning } from "../broadcasts/start-reminder-worker.js";
import type { Config } from "../config.js";
import { writeBehind } from "../db/write-behind.js";
import type { InboxStore } from "../inbox/inbox-store.js";
import type { Logger } from "../observability/logger.js";
import type { Answering } from "./answering.js";
import type { ProcessBase } from "./process-base.js";

/**
 * When answering moves to the thread: a backlog (events read and not yet answered, at this many checks in a
 * row), or a rate of acknowledged events over the last second that would make acknowledgements queue behind
 * answering slices here.
 */
export interface BacklogRule {
  /** Events in the dispatcher's window (read from the inbox, not finished). */
  events: number;
  /** Consecutive checks that must see it. */
  checks: number;
  /** Events acknowledged in the last second. */
  perSecond: number;
  /** Milliseconds between checks. */
  everyMs: number;
}

/** How long a move lets replies in progress retry before leaving them to the thread. */
const SENDER_GRACE_MS = 2000;

/** SQLite's default. */
const WAL_AUTOCHECKPOINT_PAGES = 1000;

export const DEFAULT_BACKLOG_RULE: BacklogRule = { events: 32, checks: 2, perSecond: 20, everyMs: 250 };

/** The answering side running in this thread: the dispatcher, the reminder worker and the bot's timers. */
interface Here {
  answering: Answering;
  worker: { close(): Promise<void> } | null;
  stopHousekeeping: () => void;
}

/**
 * Where npm start answers events. While the load is light, here, in the HTTP thread: one V8 isolate, so an idle
 * bot stays small (RSS at start under 100 MB; a second isolate with its own copy of the modules, the FAQ index
 * and a young generation costs ~55 MB). Once a backlog builds (a burst, or a steady rate this thread cannot
 * answer between acknowledgements), answering moves to the answering thread for good, and the edge keeps a core
 * to itself: the webhook is acknowledged at its own pace while the thread answers.
 *
 * The move is a graceful stop and a start, the way a restart is: the dispatcher here stops taking events and
 * finishes the ones in progress (their replies sent), the reminder worker and the timers stop, writes waiting
 * for a transaction are committed, and only then does the thread start, reading every pending event and open
 * reply from SQLite. At no moment do two dispatchers run, so nothing is answered twice; nothing acknowledged is
 * only in memory, so nothing is lost. Events acknowledged during the move wait in the inbox.
 */
export class AdaptiveAnswering {
  private readonly thread: AnswerThread;
  private here: Here | null = null;
  private mode: "idle" | "here" | "moving" | "thread" = "idle";
  private moving: Promise<void> | null = null;
  private timer: NodeJS.Timeout | undefined;
  private busyChecks = 0;
  /** Events acknowledged since the last check, and in each of the checks of the last second. */
  private accepted = 0;
  private readonly recent: number[] = [];
  private readonly rule: BacklogRule;

  constructor(
    private readonly d: {
      config: Config;
      logger: Logger;
      base: ProcessBase;
      inbox: InboxStore;
      /** The answering side built in this thread (shared with the dashboard while it runs here). */
      answering: () => Answering | Promise<Answering>;
      /**
       * The answering side here is the dashboard's too (its officers' replies go through its sender), so a move
       * stops only its dispatcher; default false.
       */
      shared?: () => boolean;
      /** The answering side here has stopped for good: let go of it (the dashboard builds its own again). */
      onMoved?: () => void;
      /** Run the reminder worker (default true: npm start does). */
      worker?: boolean;
      workerOptions?: WorkerTuning;
      rule?: BacklogRule;
    },
  ) {
    this.thread = new AnswerThread(d.config, d.logger, { worker: d.worker !== false, workerOptions: d.workerOptions, hold: true });
    this.rule = d.rule ?? DEFAULT_BACKLOG_RULE;
  }

  /** "here" or "thread" (or "moving" between them): where events are answered now. */
  get where(): "idle" | "here" | "moving" | "thread" {
    return this.mode;
  }

  /** Starts answering here: work left by the last run first, then new events; watches for a backlog. */
  async start(): Promise<void> {
    const { config, logger, base, inbox } = this.d;
    // Loaded now, after the port is bound (npm start calls start() then): /healthz answers before the answering
    // side's modules (the handlers, the FAQ) are loaded and its FAQ index built.
    const [answering, { startBackgroundWork }] = await Promise.all([this.d.answering(), import("./background-work.js")]);
    const { worker, stopHousekeeping } = startBackgroundWork({
      config,
      logger,
      base,
      inbox,
      answering,
      worker: this.d.worker !== false,
      tuning: this.d.workerOptions,
    });
    this.here = { answering, worker, stopHousekeeping };
    this.mode = "here";
    // This connection answers too: it checkpoints the WAL itself (the edge alone leaves that to the thread's).
    base.db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    this.timer = setInterval(() => this.check(), this.rule.everyMs);
    this.timer.unref();
    await answering.dispatcher.resume();
  }

  /** New events were committed to the inbox. */
  wake(): void {
    this.accepted++;
    if (this.mode === "here") this.here?.answering.dispatcher.wake();
    else if (this.mode === "thread") this.thread.wake();
    // "moving": the thread reads every pending event when it starts.
  }

  /** The answering thread's own metrics once answering runs there (here, they are this thread's). */
  metrics(): Promise<Metrics> {
    return this.thread.metrics();
  }

  /** Moves answering to the thread now (the backlog rule calls it; tests and benches may too). */
  moveToThread(): Promise<void> {
    if (this.mode === "thread") return Promise.resolve();
    this.moving ??= this.move();
    return this.moving;
  }

  /** Finishes the events in progress (the rest stays pending in SQLite), wherever they run. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    if (this.moving) await this.moving.catch(() => {});
    if (this.mode === "here") {
      this.mode = "idle";
      await this.stopHere();
    }
    // Ends the thread if one started (a held thread never answered; events stay pending in SQLite).
    await this.thread.stop();
  }

  private check(): void {
    if (this.mode !== "here" || !this.here) return;
    this.recent.push(this.accepted);
    this.accepted = 0;
    if (this.recent.length > Math.max(1, Math.round(1000 / this.rule.everyMs))) this.recent.shift();
    const perSecond = this.recent.reduce((a, b) => a + b, 0);
    const backlog = this.here.answering.dispatcher.inMemory;
    this.busyChecks = backlog >= this.rule.events ? this.busyChecks + 1 : 0;
    if (this.busyChecks < this.rule.checks && perSecond < this.rule.perSecond) return;
    this.d.logger.info({ backlog, perSecond }, "the load is rising: answering moves to the answering thread");
    void this.moveToThread().catch((err) => {
      this.d.logger.fatal({ err }, "answering could not move to its thread; stopping the process");
      process.exit(1);
    });
  }

  private async move(): Promise<void> {
    clearInterval(this.timer);
    // The thread loads its modules and builds its FAQ index (most of a second of CPU, at a lower priority)
    // while events are still answered here; only then does answering stop here and start there.
    await this.thread.start();
    this.mode = "moving";
    await this.stopHere();
    this.d.onMoved?.();
    // From now on acknowledgements never wait behind a checkpoint: the thread's connection does them.
    this.d.base.db.pragma("wal_autocheckpoint = 0");
    this.mode = "thread";
    this.thread.go();
    this.d.logger.info("answering runs in the answering thread");
  }

  /** Stops the dispatcher (in-progress events finish, their replies sent), the reminder worker and the timers. */
  private async stopHere(): Promise<void> {
    const h = this.here;
    if (!h) return;
    this.here = null;
    h.stopHousekeeping();
    // Events in progress finish here and their replies go out. A reply still waiting to be retried after
    // SENDER_GRACE_MS stays pending in the outbox (the sender's waits end), for the thread to send.
    const stopped = h.answering.dispatcher.stop();
    if (!this.d.shared?.()) {
      await Promise.race([stopped, new Promise((r) => setTimeout(r, SENDER_GRACE_MS))]);
      h.answering.sender.stop();
    }
    await stopped;
    await h.worker?.close();
    await h.answering.broadcastQueue?.close();
    // The 'sent' marks and counts that ride on the next transaction (write-behind.ts) are committed now.
    writeBehind(this.d.base.db).flush();
  }
}
