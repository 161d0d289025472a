import { parentPort, workerData } from "node:worker_threads";
import type { FromThread, ToThread } from "./answer-thread-host.js";
import type { Config } from "./config.js";
import { createLogger } from "./observability/logger.js";
import { registry } from "./observability/metrics.js";
import { createRuntime } from "./runtime.js";

/**
 * Entry point of the answering thread (started by AnswerThread in npm start): the bot, the inbox dispatcher
 * and the reply sender on their own SQLite connection, with the main thread's config.
 */
const port = parentPort;
if (!port) throw new Error("answer-thread.ts runs as a worker thread (see answer-thread-host.ts)");
const { config } = workerData as { config: Config };
const logger = createLogger(config.LOG_LEVEL).child({ thread: "answering" });
const rt = createRuntime(config, { logger, worker: false, answering: "here" });
const send = (m: FromThread) => port.postMessage(m);

port.on("message", (m: ToThread) => {
  if (m.type === "wake") rt.dispatcher.wake();
  else if (m.type === "metrics") {
    // process_* figures are the whole process's and come from the main thread.
    void registry
      .getMetricsAsJSON()
      .then((all) => send({ type: "metrics", id: m.id, metrics: all.filter((x) => !x.name.startsWith("process_")) }));
  } else if (m.type === "stop") {
    void rt.close().then(() => {
      send({ type: "stopped" });
      port.close();
    });
  }
});
send({ type: "ready" });
await rt.dispatcher.resume();
