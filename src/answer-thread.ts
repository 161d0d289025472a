import { lowerPriorityWhile } from "./wiring/thread-priority.js";

/**
 * Entry point of the answering thread (started by AnswerThread): loads the answering side
 * (wiring/answering-thread.ts) at a lower priority, then answers at the process's priority.
 *
 * Loading its modules and building the FAQ index is most of a second of CPU; npm start moves answering here
 * in the middle of a burst, so that start-up runs at nice +5 and does not delay acknowledgements. Answering
 * itself runs at the edge's priority: at nice 5 under a steady 500 events/s, with the bench's load generator
 * and other work on the 2 cores, the thread ran 100–200 ms a second and waited 750–900 ms runnable
 * (/proc/<tid>/schedstat), so answers queued for seconds; at nice 0 it got a fair share. Where the process may
 * not lower a nice value again (no CAP_SYS_NICE, RLIMIT_NICE 0: the usual unprivileged service), the thread
 * keeps the process's priority from the start rather than stay at the lower one (thread-priority.ts).
 */
const LOADING_NICE = 5;
const restore = lowerPriorityWhile(LOADING_NICE);
// Resolves once the answering side is built and has told the host it is ready (before it is told to go).
await import("./wiring/answering-thread.js");
restore();
