import { followBacklog, threadPriority } from "./wiring/thread-priority.js";

/**
 * Entry point of the answering thread (started by AnswerThread): loads the answering side
 * (wiring/answering-thread.ts) at a lower priority, then answers at the process's priority unless a burst is
 * far ahead of it.
 *
 * Acks come first where both cannot be served: loading the modules and building the FAQ index is most of a
 * second of CPU (npm start moves answering here in the middle of a burst), and in a burst answers wait anyway;
 * then this thread runs at nice +5 and the kernel gives the edge the CPU first. But a steady load the thread can
 * answer must not wait behind other work on the machine: at nice 5 under 500 events/s, with the bench's load
 * generator and other sessions' work on the 2 cores, it ran 100–200 ms a second and waited 750–900 ms runnable
 * (/proc/<tid>/schedstat), and answers queued for seconds. So once told to go it answers at the edge's priority,
 * and goes to nice +5 only in a burst: more than `burst` events waiting (acknowledged, not answered: 4 s of
 * answers at 500/s, under a second of a full-speed burst) and the backlog growing by more than `growthPerSec`
 * (a full-speed burst adds thousands a second); back once the backlog shrinks or `caughtUp` are left. A lower
 * mark (half the dispatcher's window, 512) was tried: a steady 500/s run that fell a second behind then dropped
 * to nice 5 and fell further behind. The same happened at the 2,000 mark on a busy machine (a steady 500/s run
 * 4 s behind, the backlog growing ~100/s, stayed at nice 5 until the load ended): hence the growth condition.
 *
 * The rule runs only from the "go" to the "stop" (whileAnswering): before the dispatcher's first read it had
 * nothing to compare the inbox's newest id with and counted every event ever stored as waiting, so a thread that
 * loaded after a warm-up stayed at nice 5 from the start until it was fewer than `caughtUp` behind (the whole of
 * a steady 500/s run); and after the stop its check read a closed database.
 *
 * Where the process may not lower a nice value again (no CAP_SYS_NICE, RLIMIT_NICE 0: the usual unprivileged
 * service), the thread keeps the process's priority throughout (thread-priority.ts).
 */
const LOWER_BY = 5;

const priority = threadPriority(LOWER_BY);
priority?.lower();
// Resolves once the answering side is built and has told the host it is ready (before it is told to go).
const { answering, inbox, whileAnswering } = await import("./wiring/answering-thread.js");
if (priority) {
  const { dispatcher } = answering;
  // From the "go" (loaded: the process's priority) to the "stop" (before the database closes). Until the
  // dispatcher's first read there is nothing to compare the inbox's newest id with: no decision.
  whileAnswering(() =>
    followBacklog(
      priority,
      () => (dispatcher.readUpTo === 0 ? null : Math.max(0, inbox.lastId() - dispatcher.readUpTo) + dispatcher.inMemory),
      { burst: 2000, growthPerSec: 1000, caughtUp: 200, everyMs: 250 },
    ),
  );
}
