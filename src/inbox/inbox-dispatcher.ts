import type { Clock } from "../clock.js";
import type { Logger } from "../observability/logger.js";
import { parseConversationKey } from "../shared/conversation.js";
import { storedEvent } from "../zalo/zalo-events.js";
import { CpuSlicer, holdWhileSync, type SliceTurn } from "./cpu-slicer.js";
import type { EventHandler, HandleResult } from "./event-handler.js";
import type { InboxStore, PendingEvent } from "./inbox-store.js";
import type { OutboxRow, OutboxStore } from "./outbox-store.js";

export interface InboxDispatcherOptions {
  inbox: InboxStore;
  outbox: OutboxStore;
  bot: EventHandler;
  /** `claimed`: the row was written already claimed (OutboxStore.enqueueClaimed) and goes out at once. */
  sender: { deliver(row: OutboxRow, o?: { claimed?: boolean }): Promise<void> };
  clock: Clock;
  logger: Logger;
  /** Conversations processed at once; events within one conversation always run in order. */
  concurrency?: number;
  /** Events held in memory at most (read from the inbox table a page at a time), whatever the backlog. */
  window?: number;
  /** An event whose handling crashed the process this many times is given up (poison message). */
  maxAttempts?: number;
  /** Sent when handling an event failed for good (content/messages.yaml `sorry`, hotline filled in). */
  sorry: string;
  /** Milliseconds of handling per event-loop turn before other work (webhook requests) gets the loop again. */
  sliceMs?: number;
}

/** Events whose attempts one commit counts at most (the event starting and those waiting behind it). */
const MARK_AHEAD = 16;

/** An event's outcome: writes its replies to the outbox and its status to the inbox; returns the replies. */
type Outcome = () => OutboxRow[];

/** Events of one conversation in the window, oldest first; `head` is the next one to run. */
interface Lane {
  events: PendingEvent[];
  head: number;
  running: boolean;
  queued: boolean;
}

/**
 * Runs stored inbox events through the bot after the webhook has acknowledged them: in order per
 * conversation, several conversations at once. The inbox table is the queue: the dispatcher reads pending
 * events a page at a time into a bounded window, so memory does not grow with the backlog. Replies are
 * written to the outbox in the same transaction that marks the event done, then sent, so a crash at any
 * point neither loses nor repeats an answer.
 */
export class InboxDispatcher {
  private readonly lanes = new Map<string, Lane>();
  /** Conversations waiting for a slot, oldest first; `readyHead` is the next one (no O(n) shift). */
  private ready: string[] = [];
  private readyHead = 0;
  /** Conversations whose replies left by the last run are still going out: their events wait. */
  private readonly held = new Set<string>();
  private inWindow = 0;
  private peak = 0;
  /** Where the next page starts: the highest id read, or 0 while the window is swept for events left below it. */
  private cursor = 0;
  /** Highest inbox id ever read (not reset by the sweep). */
  private highestRead = 0;
  /** The last page came back short: nothing more is pending until the edge wakes us. */
  private exhausted = false;
  private fillScheduled = false;
  private active = 0;
  private idleWaiters: Array<() => void> = [];
  private started = false;
  private stopped = false;
  /** Events whose lanes wait for a CPU turn, in the slicer's order (it is FIFO); `turnHead` is the next. */
  private waitingTurn: PendingEvent[] = [];
  private turnHead = 0;
  /** Events whose attempt is already committed (marked ahead) and that have not started. */
  private readonly markedAhead = new Set<number>();
  /** Outcomes waiting for the group commit after this turn's slice. */
  private outcomes: Array<{ outcome: Outcome; resolve(rows: OutboxRow[]): void; reject(err: unknown): void }> = [];
  private commitScheduled = false;
  private readonly cpu: CpuSlicer;
  private readonly windowSize: number;
  private readonly concurrency: number;

  constructor(private readonly o: InboxDispatcherOptions) {
    this.cpu = new CpuSlicer(o.sliceMs ?? 8);
    this.windowSize = Math.max(1, o.window ?? 1024);
    this.concurrency = Math.max(1, o.concurrency ?? 256);
  }

  /** New events are in the inbox (the edge committed them): read them when there is room. */
  wake(): void {
    this.exhausted = false;
    if (this.started && !this.stopped) this.scheduleFill();
  }

  /**
   * Starts handling. Replies not yet sent by the last run go out first (per recipient in order, recipients side
   * by side); a conversation's stored events wait until its leftover replies are out, the others start at once.
   */
  async resume(): Promise<{ events: number; replies: number }> {
    const open = this.o.outbox.open();
    const byRecipient = new Map<string, OutboxRow[]>();
    for (const row of open) {
      const key = `${row.recipient_kind}:${row.recipient_id}`;
      const lane = byRecipient.get(key);
      if (lane) lane.push(row);
      else byRecipient.set(key, [row]);
      this.held.add(key);
    }
    const events = this.o.inbox.pendingCount();
    if (events || open.length) {
      this.o.logger.info({ events, replies: open.length }, "resuming work left by the last run");
    }
    this.started = true;
    this.wake();
    const lanes = [...byRecipient.entries()].reverse(); // popped oldest first
    const worker = async () => {
      for (let lane = lanes.pop(); lane; lane = lanes.pop()) {
        const [key, rows] = lane;
        for (const row of rows) await this.o.sender.deliver(row);
        this.held.delete(key);
        this.makeReady(key);
      }
    };
    await Promise.all(Array.from({ length: Math.min(lanes.length, this.concurrency) }, worker));
    this.pump();
    return { events, replies: open.length };
  }

  /**
   * The highest inbox id read so far (0 before the first read): events above it are not read yet. Not the page
   * cursor, which drops to 0 while the window is swept for events left below it (an idle dispatcher sits there):
   * read as "nothing read", every id in the inbox would look unanswered.
   */
  get readUpTo(): number {
    return this.highestRead;
  }

  /** Events read from the inbox and not yet finished (bounded by the window). */
  get inMemory(): number {
    return this.inWindow;
  }

  /** The most events held in memory at once since start. */
  get peakInMemory(): number {
    return this.peak;
  }

  /** Resolves when nothing is pending, queued or running. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking new events and waits for the ones in progress; the rest stays pending in SQLite. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.ready = [];
    this.readyHead = 0;
    if (this.active > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    // Attempts counted ahead for events that did not start: not attempts (the next start handles them afresh).
    this.o.inbox.unmarkAttempts([...this.markedAhead]);
    this.markedAhead.clear();
  }

  private isIdle(): boolean {
    if (this.active > 0) return false;
    return this.stopped || (this.inWindow === 0 && this.exhausted && !this.fillScheduled) || !this.started;
  }

  private settleWaiters(): void {
    if (!this.isIdle()) return;
    // Nothing more to ride on: commit the writes waiting for a transaction (write-behind.ts) now.
    this.o.inbox.flushLater();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  private scheduleFill(): void {
    if (this.fillScheduled) return;
    this.fillScheduled = true;
    setImmediate(() => {
      this.fillScheduled = false;
      this.fill();
      this.settleWaiters();
    });
  }

  /** Reads pending events into the window up to its size, then starts conversations. */
  private fill(): void {
    if (this.stopped) return;
    let swept = false;
    while (this.inWindow < this.windowSize) {
      const want = Math.min(this.windowSize - this.inWindow, 256);
      const rows = this.o.inbox.pendingAfter(this.cursor, want);
      for (const row of rows) this.add(row);
      if (rows.length === want) continue;
      // Short page. Once the window is empty, look again from the start: an event left pending below the
      // cursor (its handling threw) is retried, up to maxAttempts.
      if (this.inWindow === 0 && this.cursor > 0 && !swept) {
        swept = true;
        this.cursor = 0;
        continue;
      }
      this.exhausted = true;
      break;
    }
    this.pump();
  }

  private add(row: PendingEvent): void {
    this.cursor = row.id;
    if (row.id > this.highestRead) this.highestRead = row.id;
    this.inWindow++;
    if (this.inWindow > this.peak) this.peak = this.inWindow;
    let lane = this.lanes.get(row.conversation_key);
    if (!lane) {
      lane = { events: [], head: 0, running: false, queued: false };
      this.lanes.set(row.conversation_key, lane);
    }
    lane.events.push(row);
    this.makeReady(row.conversation_key);
  }

  private makeReady(key: string): void {
    const lane = this.lanes.get(key);
    if (!lane || lane.running || lane.queued || lane.head >= lane.events.length || this.held.has(key)) return;
    lane.queued = true;
    this.ready.push(key);
  }

  private pump(): void {
    while (!this.stopped && this.active < this.concurrency && this.readyHead < this.ready.length) {
      const key = this.ready[this.readyHead++]!;
      if (this.readyHead > 1024 && this.readyHead * 2 > this.ready.length) {
        this.ready = this.ready.slice(this.readyHead);
        this.readyHead = 0;
      }
      const lane = this.lanes.get(key)!;
      lane.queued = false;
      lane.running = true;
      this.active++;
      void this.runLane(lane).finally(() => this.laneDone(key, lane));
    }
  }

  private laneDone(key: string, lane: Lane): void {
    this.active--;
    lane.running = false;
    if (lane.head >= lane.events.length) this.lanes.delete(key);
    else this.makeReady(key); // stopped mid-lane, or events added while it ran
    if (!this.exhausted && this.inWindow <= this.windowSize / 2) this.scheduleFill();
    this.pump();
    this.settleWaiters();
  }

  private async runLane(lane: Lane): Promise<void> {
    while (lane.head < lane.events.length && !this.stopped) {
      // Handling is mostly synchronous (SQLite, matching). It runs in slices of a few milliseconds, one event
      // at a time, and between slices the event loop does other work (in-process: webhook requests). Replies
      // are sent (network) outside the slice.
      this.waitingTurn.push(lane.events[lane.head]!);
      const turn = await this.cpu.acquire();
      this.tookTurn();
      let outcome: Outcome | null = null;
      let inboxId = 0;
      let suspect = false;
      try {
        if (this.stopped) break;
        const ev = lane.events[lane.head]!;
        lane.events[lane.head++] = undefined as unknown as PendingEvent; // let the body go
        inboxId = ev.id;
        suspect = ev.attempts > 0;
        try {
          outcome = await this.process(ev, turn);
        } catch (err) {
          this.o.logger.error({ err, inboxId }, "inbox event processing failed");
        }
      } finally {
        turn.release();
      }
      let replies: OutboxRow[] = [];
      if (outcome) {
        try {
          // An event read back after a crash commits alone, at once: were it the one that crashes the process,
          // the outcomes of the events handled before it in the slice would be lost with it every time.
          replies = suspect ? this.o.inbox.transaction(outcome) : await this.commitWithOthers(outcome);
        } catch (err) {
          // Rolled back: the event is still pending (its attempt counted) and is handled again.
          this.o.logger.error({ err, inboxId }, "inbox event processing failed");
        }
      }
      for (const row of replies) await this.o.sender.deliver(row, { claimed: true });
      this.inWindow--;
      if (lane.head > 64 && lane.head * 2 > lane.events.length) {
        lane.events = lane.events.slice(lane.head);
        lane.head = 0;
      }
      if (!this.exhausted && this.inWindow <= this.windowSize / 2) this.scheduleFill();
    }
  }

  /**
   * Handles one stored event; returns its outcome (the replies and the event's status), to be committed with the
   * outcomes of the other events handled in this turn. Null when there is nothing to commit.
   */
  private async process(ev: PendingEvent, turn: SliceTurn): Promise<Outcome | null> {
    const { inbox, outbox, logger } = this.o;
    if (ev.attempts >= (this.o.maxAttempts ?? 3)) {
      inbox.finish(ev.id, "failed", "gave up after repeated crashes while handling", this.now());
      logger.error({ inboxId: ev.id, event: ev.event_name }, "inbox event given up after repeated attempts");
      return null;
    }
    if (!this.markAttempt(ev)) return null; // no longer pending (erased, or finished elsewhere)
    let result: HandleResult;
    let error: string | null = null;
    try {
      const event = storedEvent(ev.event_name, ev.body);
      if (!event) {
        inbox.finish(ev.id, "ignored", null, this.now());
        return null;
      }
      result = await holdWhileSync(turn, this.o.bot.handle(event, new Date(ev.received_at)));
    } catch (err) {
      error = (err as Error).message;
      logger.error({ err, inboxId: ev.id, event: ev.event_name }, "handler threw; answering with an apology");
      const to = parseConversationKey(ev.conversation_key);
      result = { intent: "error", replies: to ? [{ to, text: this.o.sorry }] : [] };
    }
    const now = this.now();
    return () => {
      // The rows as written (not read back), already claimed for their first send, which follows the commit.
      const rows = result.replies.map(
        (r): OutboxRow => ({
          id: outbox.enqueueClaimed(ev.id, r.to, r.text, now),
          inbox_id: ev.id,
          recipient_kind: r.to.kind,
          recipient_id: r.to.id,
          text: r.text,
          status: "sending",
          attempts: 1,
          error: null,
          message_id: null,
          created_at: now,
          sent_at: now,
        }),
      );
      inbox.finish(ev.id, error ? "failed" : "done", error, now);
      return rows;
    };
  }

  private tookTurn(): void {
    this.turnHead++;
    if (this.turnHead > 1024 && this.turnHead * 2 > this.waitingTurn.length) {
      this.waitingTurn = this.waitingTurn.slice(this.turnHead);
      this.turnHead = 0;
    }
  }

  /**
   * Counts the attempt of the event about to be handled, committed before its handler runs: what gives up an
   * event whose handling crashes the process, after `maxAttempts` crashes. One commit per event cost as much as
   * the rest of its SQLite work, so an event that has to mark its own attempt marks, in the same commit, those
   * of the next events waiting for a CPU turn (up to MARK_AHEAD in all); they then start without a commit. Only
   * events never attempted before are marked ahead: one read back after a crash (attempts > 0) marks itself
   * alone, just before it runs, so an event that crashes the process every time cannot count crashes against
   * the events queued behind it more than once. A crash counts one attempt for events marked ahead and not yet
   * started; a graceful stop takes those back (stop()). False when the event is no longer pending.
   */
  private markAttempt(ev: PendingEvent): boolean {
    const { inbox } = this.o;
    if (this.markedAhead.delete(ev.id)) return inbox.isPending(ev.id);
    if (ev.attempts > 0) return inbox.markAttempt(ev.id);
    const ids = [ev.id];
    for (let i = this.turnHead; i < this.waitingTurn.length && ids.length < MARK_AHEAD; i++) {
      const next = this.waitingTurn[i]!;
      if (next.attempts === 0 && !this.markedAhead.has(next.id)) ids.push(next.id);
    }
    const marked = inbox.markAttempts(ids);
    for (let i = 1; i < ids.length; i++) if (marked[i]) this.markedAhead.add(ids[i]!);
    return marked[0]!;
  }

  /**
   * Group commit: the outcomes of the events handled in this event-loop turn (one CPU slice) go to SQLite in one
   * transaction, each in a savepoint of its own (one that fails is rolled back alone and its event stays pending),
   * after the slice, before any of their replies is sent. Per event nothing changes: its handler's own writes are
   * committed before, its outcome and replies together after, its replies sent only once that commit is done; a
   * crash in between handles it again (its attempt counted), as before. One commit per slice instead of one per
   * event. A crash loses the outcomes of the slice it happened in; those events are read back with their attempt
   * counted and then handled and committed one at a time (runLane), so they are not lost again with the event
   * that crashed.
   */
  private commitWithOthers(outcome: Outcome): Promise<OutboxRow[]> {
    return new Promise((resolve, reject) => {
      this.outcomes.push({ outcome, resolve, reject });
      if (!this.commitScheduled) {
        this.commitScheduled = true;
        // After this turn's slice: its handlers have all queued their outcomes by then.
        setImmediate(this.commitOutcomes);
      }
    });
  }

  private readonly commitOutcomes = (): void => {
    this.commitScheduled = false;
    const batch = this.outcomes;
    this.outcomes = [];
    const done: Array<{ rows: OutboxRow[] } | { err: unknown }> = [];
    try {
      this.o.inbox.transaction(() => {
        for (const w of batch) {
          try {
            // Nested: a savepoint inside the group's transaction.
            done.push({ rows: this.o.inbox.transaction(w.outcome) });
          } catch (err) {
            done.push({ err });
          }
        }
      });
    } catch (err) {
      for (const w of batch) w.reject(err);
      return;
    }
    batch.forEach((w, i) => {
      const d = done[i]!;
      if ("rows" in d) w.resolve(d.rows);
      else w.reject(d.err);
    });
  };

  private now(): number {
    return this.o.clock.now().getTime();
  }
}
