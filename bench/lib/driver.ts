import type { ReceivedMessage } from "../../test/helpers/fake-zalo-server.js";
import { Ledger, QUESTION_MIX, postEvent, waitUntil } from "./load.js";

export interface DriveOptions {
  /** Where to post; read at every request, so a restarted bot on a new URL is followed. */
  url: () => string;
  ledger: Ledger;
  /** Sender ids are `${prefix}${n}`, n = 0 … total-1. */
  prefix: string;
  total: number;
  concurrency?: number;
  /** Events per second (new events; redeliveries come on top); default as fast as answered. */
  ratePerSec?: number;
  /** A delivery that got no 200 is redelivered (same bytes) after this long, as Zalo does. */
  redeliverMs?: number;
  /** Give up redelivering after this long from the start. */
  deadlineMs?: number;
  text?: (n: number) => string;
}

export interface Drive {
  /** Resolves when every event got a 200 or the deadline passed. */
  done: Promise<void>;
  /** New events posted so far. */
  started(): number;
  /** Deliveries (first and repeated) that got no 200. */
  failedDeliveries(): number;
  stop(): void;
}

/**
 * A Zalo-like sender for the fault runs: `total` events from distinct users, each posted until it gets a 200,
 * redelivering the same bytes after a failure (connection refused while the bot is down, reset, 5xx).
 */
export function drive(o: DriveOptions): Drive {
  const text = o.text ?? ((n: number) => QUESTION_MIX[n % QUESTION_MIX.length]!);
  const retry: Array<{ n: number; due: number }> = [];
  const t0 = Date.now();
  const deadline = t0 + (o.deadlineMs ?? 120_000);
  let next = 0;
  let failed = 0;
  let stopped = false;
  let pending = 0; // events neither acked nor given up
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  const take = (): { n: number; wait: number } | null => {
    const now = Date.now();
    const due = retry.findIndex((r) => r.due <= now);
    if (due >= 0) return { n: retry.splice(due, 1)[0]!.n, wait: 0 };
    if (next < o.total) {
      const at = o.ratePerSec ? t0 + (next / o.ratePerSec) * 1000 : now;
      if (at > now) return { n: -1, wait: Math.min(at - now, 50) };
      pending++;
      return { n: next++, wait: 0 };
    }
    if (retry.length > 0) return { n: -1, wait: 20 };
    return null;
  };

  const worker = async () => {
    while (!stopped && Date.now() < deadline) {
      const job = take();
      if (!job) {
        if (pending === 0) return;
        await sleep(20);
        continue;
      }
      if (job.n < 0) {
        await sleep(job.wait);
        continue;
      }
      const user = `${o.prefix}${job.n}`;
      const status = await postEvent(o.url(), o.ledger, user, text(job.n));
      if (status === 200) pending--;
      else {
        failed++;
        retry.push({ n: job.n, due: Date.now() + (o.redeliverMs ?? 500) });
      }
    }
  };
  const done = Promise.all(Array.from({ length: o.concurrency ?? 32 }, worker)).then(() => undefined);
  return {
    done,
    started: () => next,
    failedDeliveries: () => failed,
    stop: () => {
      stopped = true;
    },
  };
}

/** A few hundred events first, so figures are taken on a warmed-up process (JIT, FAQ index, sockets). */
export async function warmUp(url: string, prefix: string, delivered: ReceivedMessage[], total = 400): Promise<void> {
  const ledger = new Ledger(prefix);
  await drive({ url: () => url, ledger, prefix, total, concurrency: 16, deadlineMs: 30_000 }).done;
  await waitUntil(() => ledger.missing(delivered) === 0, 30_000);
}
