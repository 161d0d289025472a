import type { InboxStore, NewInboxEvent } from "./inbox-store.js";

interface Waiting {
  event: NewInboxEvent;
  resolve(id: number | null): void;
  reject(err: unknown): void;
}

/**
 * Group commit for the webhook edge: inserts asked for in the same event-loop turn (concurrent requests) share
 * one transaction, and each caller learns its row id only after that transaction committed, so a request is
 * still acknowledged only once its event is on disk. One commit per turn instead of one per request.
 */
export class InboxWriter {
  private batch: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly inbox: InboxStore) {}

  /** Resolves with the new row id after the commit, or null for a redelivery (dedupe key seen before). */
  insert(event: NewInboxEvent): Promise<number | null> {
    return new Promise((resolve, reject) => {
      this.batch.push({ event, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        // After this turn's I/O callbacks: every request parsed in this turn joins the same transaction.
        setImmediate(this.flush);
      }
    });
  }

  private readonly flush = (): void => {
    this.scheduled = false;
    const batch = this.batch;
    this.batch = [];
    let ids: Array<number | null>;
    try {
      ids = this.inbox.transaction(() => batch.map((w) => this.inbox.insert(w.event)));
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    for (let i = 0; i < batch.length; i++) batch[i]!.resolve(ids[i]!);
  };
}
