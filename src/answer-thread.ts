import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import type { FromThread, ThreadData, ToThread } from "./answer-thread-host.js";
import { InboxStore } from "./inbox/inbox-store.js";
import { OutboxStore } from "./inbox/outbox-store.js";
import { createLogger } from "./observability/logger.js";
import { registry } from "./observability/metrics.js";
import { buildAnswering } from "./wiring/answering.js";
import { startHousekeeping } from "./wiring/housekeeping.js";
import { openProcessBase } from "./wiring/process-base.js";
import { startProcessReminderWorker } from "./wiring/reminder-worker.js";

/**
 * Entry point of the answering thread (started by AnswerThread in npm start): the dispatcher, the handlers, the
 * reply sender, the reminder worker and the bot's timers on their own SQLite connection, with the main thread's
 * config. No HTTP server and no dashboard here: they stay on the edge.
 */
const ANSWERING_NICE = 5;
const port = parentPort;
if (!port) throw new Error("answer-thread.ts runs as a worker thread (see answer-thread-host.ts)");
const { config, worker: runWorker, workerOptions } = workerData as ThreadData;
const logger = createLogger(config.LOG_LEVEL).child({ thread: "answering" });
lowerThreadPriority(logger);
const base = openProcessBase(config, logger, { redis: true });
const inbox = new InboxStore(base.db);
const answering = buildAnswering({ config, logger, base, inbox, outbox: new OutboxStore(base.db) });
const worker =
  runWorker && answering.broadcastQueue
    ? startProcessReminderWorker({
        config,
        logger,
        base,
        zalo: answering.zalo,
        queue: answering.broadcastQueue,
        service: answering.services.broadcasts,
        tuning: workerOptions,
      })
    : null;
const stopHousekeeping = startHousekeeping({ config, logger, base, inbox, answering });
const send = (m: FromThread) => port.postMessage(m);

port.on("message", (m: ToThread) => {
  if (m.type === "wake") answering.dispatcher.wake();
  else if (m.type === "metrics") {
    // process_* figures are the whole process's and come from the main thread.
    void registry
      .getMetricsAsJSON()
      .then((all) => send({ type: "metrics", id: m.id, metrics: all.filter((x) => !x.name.startsWith("process_")) }));
  } else if (m.type === "stop") {
    void (async () => {
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
await answering.dispatcher.resume();

/**
 * Acks come first: when both want the CPU (a burst), the kernel runs the edge's thread before this one (nice 5:
 * about a quarter of the edge's share), and this thread answers with whatever is left and after the burst. On a
 * machine with a spare core nothing changes. Linux only (/proc/thread-self names this thread); elsewhere, or when
 * the system refuses, it runs at the process's priority.
 */
function lowerThreadPriority(log: typeof logger): void {
  try {
    const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, ANSWERING_NICE);
  } catch (err) {
    log.debug({ err: (err as Error).message }, "answering thread keeps the process's priority");
  }
}
