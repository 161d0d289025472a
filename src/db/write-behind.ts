import type { Db } from "./database.js";

/**
 * Writes that may wait for the next transaction on their connection instead of a commit of their own: counters and
 * marks nobody reads back at once (a question's quality count, a reply's 'sent'). A commit costs far more than the
 * statement, most of all while the edge is inserting on its own connection, so the answering side rides them on
 * the transaction that finishes the next event (InboxStore.transaction drains them), or commits them together
 * after `maxDelayMs`, or when the dispatcher goes idle or the connection closes.
 *
 * A crash may lose what waits here (at most `maxDelayMs` of it): a quality count then goes with the event's outcome
 * it belonged to (the event is handled again and counted then), and a reply left 'sending' is looked up in the
 * conversation at the next start and not sent again.
 */
export class WriteBehind {
  private queue: Array<() => void> = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly maxDelayMs = 50,
  ) {}

  get pending(): number {
    return this.queue.length;
  }

  add(write: () => void): void {
    this.queue.push(write);
    if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), this.maxDelayMs);
      this.timer.unref();
    }
  }

  /** Runs the waiting writes in the transaction the caller has open. */
  drain(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const queue = this.queue;
    this.queue = [];
    for (const write of queue) write();
  }

  /** Commits the waiting writes in one transaction of their own (nothing to do when none wait). */
  flush(): void {
    if (this.queue.length === 0 || !this.db.open) return;
    if (this.db.inTransaction) this.drain();
    else this.db.transaction(() => this.drain()).immediate();
  }
}

const byDb = new WeakMap<Db, WriteBehind>();

/** The connection's one write-behind queue (stores on the same connection share it). */
export function writeBehind(db: Db): WriteBehind {
  let w = byDb.get(db);
  if (!w) {
    w = new WriteBehind(db);
    byDb.set(db, w);
  }
  return w;
}
