import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.js";
import type { ChatTexts } from "../content/chat-texts.js";
import { type Conversation, conversationKey, parseConversationKey } from "../shared/conversation.js";
import type { Logger } from "../observability/logger.js";
import type { ProgressReport } from "../people/progress-types.js";
import type { BroadcastQueue } from "./broadcast-queue.js";
import { BroadcastUnavailableError } from "./broadcast-queue.js";
import { planBroadcast, describeScope, type BroadcastScope, type Plan } from "./broadcast-planner.js";
import { MAX_TEXT_LENGTH } from "../zalo/text-splitter.js";
import { type BroadcastStore, DRAFT_TTL_MS, type ShownBroadcastStatus, type TargetRow } from "./broadcast-store.js";
import { type ReminderFacts, type ReminderTemplate, renderReminder, renderSummary } from "./reminder-template.js";

export interface BroadcastRequest {
  scope: BroadcastScope;
  /** The officer's own text (same {placeholders} as the template); default: content/templates/reminder.yaml. */
  message?: string;
  force?: boolean;
  /** "admin", "cli", "daily" or "zalo:<user id>". */
  requestedBy: string;
  /** Where the summary goes when it ends (the chat the officer asked in). */
  notify?: Conversation | null;
  /** Officer's rights: only these unit codes; null or absent = all units. */
  allowed?: Set<string> | null;
}

export interface RenderedMessage {
  unit: string;
  groupId: string;
  text: string;
}

export interface BroadcastReport {
  id: string;
  status: ShownBroadcastStatus;
  scope: string;
  createdAt: string;
  /** "admin", "cli", "daily", or "zalo:<officer id>" ("zalo:erased" once that officer was forgotten). */
  requestedBy: string;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  targets: { unit: string; unitName: string; groupId: string | null; status: string; error: string | null }[];
}

export interface BroadcastServiceOptions {
  store: BroadcastStore;
  progress: { report(now: Date): ProgressReport };
  template: ReminderTemplate;
  /** What officers read: refusals, skip reasons, failures (content/messages.yaml `chat.broadcast`). */
  texts: ChatTexts;
  facts: ReminderFacts;
  clock: Clock;
  /** null: no Redis in this process (ask/chat CLIs) — requests answer "try later". */
  queue: BroadcastQueue | null;
  cooldownMs: number;
  logger: Logger;
}

const NO_GROUP_PREFIX = "-:";

/** The request cannot be sent as asked (e.g. the rendered text is too long); the message is for the officer. */
export class BroadcastMessageError extends Error {
  override readonly name = "BroadcastMessageError";
}

export type BroadcastPreview = { targets: number; messages: RenderedMessage[]; skipped: { unit: string; reason: string }[] };

/** Plans, renders, records and queues reminder broadcasts; reports on them. Handlers, routes and the CLI use it. */
export class BroadcastService {
  constructor(private readonly o: BroadcastServiceOptions) {}

  /** The chat texts, for the worker's notes on a target. */
  get texts(): ChatTexts {
    return this.o.texts;
  }

  private plan(req: BroadcastRequest, now: Date): { plan: Plan; messages: RenderedMessage[] } {
    // Before the start or after the end a reminder would urge people to do what they cannot do.
    const { start, end, opens, deadline } = this.o.facts;
    if (now < start || now > end) {
      throw new BroadcastMessageError(this.o.texts.say(now > end ? "broadcast.ended" : "broadcast.notStarted", { opens, deadline }));
    }
    const pending = this.o.store.pendingGroups(Date.now());
    const plan = planBroadcast({
      scope: req.scope,
      units: this.o.progress.report(now).units,
      allowed: req.allowed ?? null,
      force: req.force ?? false,
      now: Date.now(),
      cooldownMs: this.o.cooldownMs,
      lastSentAt: (g) => this.o.store.lastSentAt(g),
      pendingIn: (g) => pending.get(g) ?? null,
      texts: this.o.texts,
    });
    const messages = plan.targets.map((t) => ({
      unit: t.unit.code,
      groupId: t.groupId,
      text: renderReminder(this.o.template, t.unit, now, this.o.facts, req.message),
    }));
    // A longer text would go out in several chunks, and a retry after a partial send would repeat the first.
    const tooLong = messages.find((m) => m.text.length > MAX_TEXT_LENGTH);
    if (tooLong) {
      throw new BroadcastMessageError(
        this.o.texts.say("broadcast.tooLong", { unit: tooLong.unit, length: tooLong.text.length, max: MAX_TEXT_LENGTH }),
      );
    }
    return { plan, messages };
  }

  /** dryRun: what would be sent, nothing recorded or queued; works without Redis. */
  preview(req: BroadcastRequest): BroadcastPreview {
    const { plan, messages } = this.plan(req, this.o.clock.now());
    return { targets: messages.length, messages, skipped: plan.skipped.map(({ unit, reason }) => ({ unit, reason })) };
  }

  /**
   * Records the broadcast as a draft, queues one job per group, then marks it queued. If Redis fails, the
   * draft is removed: nothing is half-queued (a job that ran ahead waits while its broadcast is a draft, and a
   * stray one finds no ledger row and does nothing).
   */
  async request(req: BroadcastRequest): Promise<{ id: string; targets: number; skipped: { unit: string; reason: string }[] }> {
    const queue = this.o.queue;
    if (!queue?.ready) throw new BroadcastUnavailableError(queue ? "Redis is not connected" : "no Redis in this process");
    this.o.store.pruneDrafts(Date.now() - DRAFT_TTL_MS);
    const { plan, messages } = this.plan(req, this.o.clock.now());
    const id = `b${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
    const now = Date.now();
    const names = new Map(plan.targets.map((t) => [t.groupId, t.unit.name]));
    this.o.store.createDraft(
      {
        id,
        scope: JSON.stringify(req.scope),
        message: req.message ?? null,
        force: req.force ?? false,
        requestedBy: req.requestedBy,
        notify: req.notify ? conversationKey(req.notify) : null,
      },
      messages.map((m) => ({ groupId: m.groupId, unitCode: m.unit, unitName: names.get(m.groupId) ?? m.unit, text: m.text })),
      plan.skipped
        .map((s) => ({ groupId: s.groupId ?? `${NO_GROUP_PREFIX}${s.unit}`, unitCode: s.unit, unitName: s.unitName, reason: s.reason }))
        // a group can appear once per broadcast; a second unit sharing it is reported, not stored
        .filter((s, i, all) => !messages.some((m) => m.groupId === s.groupId) && all.findIndex((x) => x.groupId === s.groupId) === i),
      now,
    );
    try {
      await queue.enqueue(
        id,
        messages.map((m) => m.groupId),
      );
    } catch (err) {
      this.o.store.remove(id);
      throw err;
    }
    this.o.store.setStatus(id, messages.length === 0 ? "done" : "queued", messages.length === 0 ? now : null);
    this.o.logger.info(
      { broadcastId: id, targets: messages.length, skipped: plan.skipped.length, by: req.requestedBy },
      "reminder broadcast queued",
    );
    return { id, targets: messages.length, skipped: plan.skipped.map(({ unit, reason }) => ({ unit, reason })) };
  }

  report(id: string): BroadcastReport | null {
    const b = this.o.store.get(id);
    if (!b || b.status === "draft") return null;
    const c = this.o.store.counts(id);
    return {
      id,
      status: b.status,
      scope: describeScope(this.o.texts, JSON.parse(b.scope) as BroadcastScope),
      createdAt: new Date(b.created_at).toISOString(),
      requestedBy: b.requested_by,
      total: c.total,
      sent: c.sent,
      failed: c.failed,
      skipped: c.skipped,
      targets: this.o.store.targets(id).map((t: TargetRow) => ({
        unit: t.unit_code,
        unitName: t.unit_name,
        groupId: t.group_id.startsWith(NO_GROUP_PREFIX) ? null : t.group_id,
        status: t.status,
        error: t.error,
      })),
    };
  }

  list(limit = 20): BroadcastReport[] {
    return this.o.store
      .recent(limit)
      .map((b) => this.report(b.id)!)
      .filter(Boolean);
  }

  /**
   * Called after each target ends. When none is open any more, marks the broadcast done and returns the
   * summary for whoever asked — exactly once, however many workers race here.
   */
  finishIfDone(id: string): { notify: Conversation; text: string } | null {
    const c = this.o.store.counts(id);
    if (c.open > 0) return null;
    const b = this.o.store.get(id);
    if (!b || b.status === "draft") return null;
    if (b.status !== "done") this.o.store.setStatus(id, "done", Date.now());
    if (!b.notify || !this.o.store.claimSummary(id)) return null;
    const notify = parseConversationKey(b.notify);
    if (!notify) return null;
    const failures = this.o.store
      .targets(id)
      .filter((t) => t.status === "failed")
      .slice(0, 10)
      .map((t) => `- ${t.unit_name}: ${t.error ?? this.o.texts.say("broadcast.failed")}`);
    const text = [renderSummary(this.o.template, c), ...failures].join("\n");
    return { notify, text };
  }

  /** Re-adds the jobs of targets still open in unfinished broadcasts (existing ids are kept); returns how many. */
  async requeueOpen(): Promise<number> {
    const queue = this.o.queue;
    if (!queue) return 0;
    if (!queue.ready) {
      // The app's connection reconnects on its own schedule; give it a moment.
      await new Promise((r) => setTimeout(r, 1000));
      if (!queue.ready) throw new BroadcastUnavailableError("Redis is not connected");
    }
    let n = 0;
    for (const id of this.o.store.unfinished()) {
      // 'sending' too: if its job went with Redis, a new run settles it from the group's history.
      const open = this.o.store
        .targets(id)
        .filter((t) => t.status === "queued" || t.status === "sending")
        .map((t) => t.group_id);
      // No rollback here: these ids may already be waiting in Redis, and removing them would lose them.
      if (open.length) await queue.enqueue(id, open, { rollback: false });
      n += open.length;
    }
    return n;
  }
}
