import type { Clock } from "../clock.js";
import { parseConversationKey } from "../shared/conversation.js";
import type { Logger } from "../observability/logger.js";
import { metrics } from "../observability/metrics.js";
import { classifyEventName, parseEvent } from "../zalo/zalo-events.js";
import { CpuSlicer, holdWhileSync, type SliceTurn } from "./cpu-slicer.js";
import type { EventHandler, HandleResult } from "./event-handler.js";
import type { InboxStore } from "./inbox-store.js";
import type { OutboxRow, OutboxStore } from "./outbox-store.js";
import type { ReplySender } from "./reply-sender.js";

export interface InboxDispatcherOptions {
  inbox: InboxStore;
  outbox: OutboxStore;
  bot: EventHandler;
  sender: ReplySender;
  clock: Clock;
  logger: Logger;
  /** Conversations processed at once; events within one conversation always run in order. */
  concurrency?: number;
  /** An event whose handling crashed the process this many times is given up (poison message). */
  maxAttempts?: number;
  /** Sent when handling an event failed for good (content/messages.yaml `sorry`, hotline filled in). */
  sorry: string;
  /** Milliseconds of handling per event-loop turn before webhook requests get the loop again. */
  sliceMs?: number;
}

/**
 * Runs stored inbox events through the bot after the webhook has acknowledged them: in order per
 * conversation, several conversations at once. Replies are written to the outbox in the same transaction
 * that marks the event done, then sent, so a crash at any point neither loses nor repeats an answer.
 */
export class InboxDispatcher {
  private readonly queues = new Map<string, number[]>();
  /** Conversations waiting for a slot, oldest first; `readyHead` is the next one (no O(n) shift). */
  private ready: string[] = [];
  private readyHead = 0;
  /** Events queued and not yet started, kept as a count: summing the queues cost O(backlog) per event. */
  private waiting = 0;
  private active = 0;
  private idleWaiters: Array<() => void> = [];
  private stopped = false;
  private readonly cpu: CpuSlicer;

  constructor(private readonly o: InboxDispatcherOptions) {
    this.cpu = new CpuSlicer(o.sliceMs ?? 8);
  }

  /** Queues a stored event for handling. */
  enqueue(inboxId: number, conversationKey: string): void {
    if (this.stopped) return; // stays pending in SQLite; the next start picks it up
    this.waiting++;
    const q = this.queues.get(conversationKey);
    if (q) {
      q.push(inboxId);
      return;
    }
    this.queues.set(conversationKey, [inboxId]);
    this.ready.push(conversationKey);
    this.pump();
  }

  /**
   * After a restart: replies not yet sent go out (per recipient in order, recipients side by side), and events
   * not yet handled run, oldest first; a conversation's events wait until its leftover replies are out.
   */
  async resume(): Promise<{ events: number; replies: number }> {
    const open = this.o.outbox.open();
    const byRecipient = new Map<string, OutboxRow[]>();
    for (const row of open) {
      const key = `${row.recipient_kind}:${row.recipient_id}`;
      let lane = byRecipient.get(key);
      if (!lane) {
        lane = [];
        byRecipient.set(key, lane);
      }
      lane.push(row);
    }
    const pending = this.o.inbox.pending();
    const held = new Map<string, number[]>();
    for (const row of pending) {
      if (!byRecipient.has(row.conversation_key)) {
        this.enqueue(row.id, row.conversation_key);
        continue;
      }
      let ids = held.get(row.conversation_key);
      if (!ids) {
        ids = [];
        held.set(row.conversation_key, ids);
      }
      ids.push(row.id);
    }
    if (pending.length || open.length) {
      this.o.logger.info({ events: pending.length, replies: open.length }, "resuming work left by the last run");
    }
    const lanes = [...byRecipient.entries()].reverse(); // popped oldest first
    const worker = async () => {
      for (let lane = lanes.pop(); lane; lane = lanes.pop()) {
        const [key, rows] = lane;
        for (const row of rows) await this.o.sender.deliver(row);
        for (const id of held.get(key) ?? []) this.enqueue(id, key);
      }
    };
    await Promise.all(Array.from({ length: Math.min(lanes.length, this.o.concurrency ?? 256) }, worker));
    return { events: pending.length, replies: open.length };
  }

  get queued(): number {
    return this.waiting;
  }

  /** Resolves when nothing is queued or running. */
  idle(): Promise<void> {
    if (this.active === 0 && this.queues.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking new events and waits for the ones in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.ready = [];
    this.readyHead = 0;
    for (const [key, q] of this.queues) if (q.length === 0) this.queues.delete(key);
    if (this.active > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    const limit = this.o.concurrency ?? 256;
    while (this.active < limit && this.readyHead < this.ready.length) {
      const key = this.ready[this.readyHead++]!;
      if (this.readyHead > 1024 && this.readyHead * 2 > this.ready.length) {
        this.ready = this.ready.slice(this.readyHead);
        this.readyHead = 0;
      }
      this.active++;
      void this.runConversation(key).finally(() => {
        this.active--;
        this.pump();
        if (this.active === 0 && (this.queues.size === 0 || this.stopped)) {
          const waiters = this.idleWaiters;
          this.idleWaiters = [];
          for (const w of waiters) w();
        }
      });
    }
    metrics.queueDepth.set({ queue: "inbox" }, this.queued);
  }

  private async runConversation(key: string): Promise<void> {
    const q = this.queues.get(key)!;
    while (q.length > 0 && !this.stopped) {
      // Handling is mostly synchronous (SQLite, matching). It runs in slices of a few milliseconds, one event
      // at a time, and between slices the event loop answers webhook requests: acks never wait behind dozens
      // of handlers that woke up in the same turn. Replies are sent (network) outside the slice.
      const turn = await this.cpu.acquire();
      let replies: OutboxRow[] = [];
      try {
        if (this.stopped) break;
        const id = q.shift()!;
        this.waiting--;
        try {
          replies = await this.process(id, turn);
        } catch (err) {
          this.o.logger.error({ err, inboxId: id }, "inbox event processing failed");
        }
      } finally {
        turn.release();
      }
      for (const row of replies) await this.o.sender.deliver(row);
    }
    if (q.length === 0 || this.stopped) this.queues.delete(key);
  }

  /** Handles one stored event; returns its replies, already in the outbox, for the caller to send. */
  private async process(id: number, turn: SliceTurn): Promise<OutboxRow[]> {
    const { inbox, outbox, logger } = this.o;
    const row = inbox.get(id);
    if (row?.status !== "pending") return [];
    if (row.attempts >= (this.o.maxAttempts ?? 3)) {
      inbox.finish(id, "failed", "gave up after repeated crashes while handling", this.now());
      logger.error({ inboxId: id, event: row.event_name }, "inbox event given up after repeated attempts");
      return [];
    }
    inbox.markAttempt(id);
    const cls = classifyEventName(row.event_name);
    if (!cls.handled) {
      inbox.finish(id, "ignored", null, this.now());
      return [];
    }
    let result: HandleResult;
    let error: string | null = null;
    try {
      const event = parseEvent(JSON.parse(row.body), cls);
      result = await holdWhileSync(turn, this.o.bot.handle(event, new Date(row.received_at)));
    } catch (err) {
      error = (err as Error).message;
      logger.error({ err, inboxId: id, event: row.event_name }, "handler threw; answering with an apology");
      const to = parseConversationKey(row.conversation_key);
      result = { intent: "error", replies: to ? [{ to, text: this.o.sorry }] : [] };
    }
    const outboxIds = inbox.transaction(() => {
      const ids = result.replies.map((r) => outbox.enqueue(id, r.to, r.text, this.now()));
      inbox.finish(id, error ? "failed" : "done", error, this.now());
      return ids;
    });
    // By primary key: outbox has no index on inbox_id, and a scan per event would grow with the table.
    return outboxIds.map((oid) => outbox.get(oid)).filter((r): r is OutboxRow => r !== undefined);
  }

  private now(): number {
    return this.o.clock.now().getTime();
  }
}
