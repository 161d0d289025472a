import { readlinkSync } from "node:fs";
import { setPriority } from "node:os";

/**
 * Entry point of the answering thread (started by AnswerThread): lowers this thread's priority first, then
 * loads the answering side (wiring/answering-thread.ts). Loading its modules and building the FAQ index is most
 * of a second of CPU; at the lower priority it no longer delays acknowledgements when the thread starts in the
 * middle of a burst (npm start moves answering here when the load rises).
 *
 * Acks come first: when both want the CPU, the kernel runs the edge's thread before this one (nice 5: about a
 * quarter of the edge's share), and this thread answers with whatever is left and after the burst. On a machine
 * with a spare core nothing changes. Linux only (/proc/thread-self names this thread); elsewhere, or when the
 * system refuses, it runs at the process's priority.
 */
const ANSWERING_NICE = 5;
try {
  const tid = Number(readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(tid) && tid > 0) setPriority(tid, ANSWERING_NICE);
} catch {
  // Keeps the process's priority.
}
await import("./wiring/answering-thread.js");
