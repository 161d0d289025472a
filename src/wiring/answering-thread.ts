import { parentPort, workerData } from "node:worker_threads";
import type { FromThread, ThreadData, ToThread } from "../answer-thread-host.js";
import { InboxStore } from "../inbox/inbox-store.js";
import { OutboxStore } from "../inbox/outbox-store.js";
import { createLogger } from "../observability/logger.js";
import { registry } from "../observability/metrics.js";
import { buildAnswering } from "./answering.js";
import { startBackgroundWork } from "./background-work.js";
import { openProcessBase } from "./process-base.js";

/**
 * The answering thread (src/answer-thread.ts loads it once the thread runs at its lower priority): the
 * dispatcher, the handlers, the reply sender, the reminder worker and the bot's timers on their own SQLite
 * connection, with the main thread's config. No HTTP server and no dashboard here: they stay on the edge.
 */
const port = parentPort;
if (!port) throw new Error("answer-thread.ts runs as a worker thread (see answer-thread-host.ts)");
const { config, worker: runWorker, workerOptions, hold } = workerData as ThreadData;
const logger = createLogger(config.LOG_LEVEL).child({ thread: "answering" });
const base = openProcessBase(config, logger, { redis: true });
export const inbox = new InboxStore(base.db);
export const answering = buildAnswering({ config, logger, base, inbox, outbox: new OutboxStore(base.db) });
let worker: { close(): Promise<void> } | null = null;
let stopHousekeeping = () => {};
let going = false;
/** What runs while the thread answers (whileAnswering), and its stop: called before the database closes. */
const watchers: Array<() => () => void> = [];
const stops: Array<() => void> = [];
const send = (m: FromThread) => port.postMessage(m);

/** Starts answering: the reminder worker, the timers, then work left in SQLite and new events. */
function go(): void {
  if (going) return;
  going = true;
  ({ worker, stopHousekeeping } = startBackgroundWork({
    config,
    logger,
    base,
    inbox,
    answering,
    worker: runWorker,
    tuning: workerOptions,
  }));
  for (const start of watchers) stops.push(start());
  void answering.dispatcher.resume();
}

/**
 * Runs `start` when the thread starts answering (now, if it has), and the function it returns when the thread is
 * told to stop, before its database connection closes: e.g. a timer that reads the inbox (answer-thread.ts).
 */
export function whileAnswering(start: () => () => void): void {
  watchers.push(start);
  if (going) stops.push(start());
}

port.on("message", (m: ToThread) => {
  if (m.type === "wake") answering.dispatcher.wake();
  else if (m.type === "go") go();
  else if (m.type === "metrics") {
    // process_* figures are the whole process's and come from the main thread.
    void registry
      .getMetricsAsJSON()
      .then((all) => send({ type: "metrics", id: m.id, metrics: all.filter((x) => !x.name.startsWith("process_")) }));
  } else if (m.type === "stop") {
    void (async () => {
      for (const stop of stops.splice(0)) stop();
      stopHousekeeping();
      await answering.stop();
      await worker?.close();
      await answering.broadcastQueue?.close();
      await base.close();
      send({ type: "stopped" });
      port.close();
    })();
  }
});
send({ type: "ready" });
// Held: built and ready, answering only when told (AdaptiveAnswering stops the answering side it replaces first).
if (!hold) go();
