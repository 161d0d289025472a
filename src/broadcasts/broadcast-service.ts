import { randomBytes } from "node:crypto";
import type { Clock } from "../clock.js";
import type { ChatTexts } from "../content/chat-texts.js";
import { type Conversation, conversationKey, parseConversationKey } from "../shared/conversation.js";
import type { Logger } from "../observability/logger.js";
import type { ProgressReport } from "../people/progress-types.js";
import type { BroadcastQueue } from "./broadcast-queue.js";
import { BroadcastUnavailableError } from "./broadcast-queue.js";
import {
  planBroadcast,
  describeScope,
  type BroadcastScope,
  type Plan,
  type ReminderRoute,
  type RouteReason,
  type UnitOfficer,
} from "./broadcast-planner.js";
import { expectedBroadcastMinutes } from "../zalo/api-budget.js";
import type { GroupState } from "../stores/group-state-store.js";
import { MAX_TEXT_LENGTH } from "../zalo/text-splitter.js";
import { type BroadcastStore, DRAFT_TTL_MS, type ShownBroadcastStatus, type TargetRow } from "./broadcast-store.js";
import {
  type ReminderFacts,
  type ReminderTemplate,
  renderExpectedDuration,
  renderReminder,
  renderRoute,
  renderRouteReason,
  renderSummary,
} from "./reminder-template.js";

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
  /** The OA group (route "group"); null when the reminder goes 1:1 to an officer. */
  groupId: string | null;
  route: "group" | "officer";
  /** Route "officer": the officer's name (or Zalo id) who gets it to forward. */
  officer: string | null;
  /** Which way and why, as officers read them. */
  routeLabel: string;
  reason: string;
  text: string;
  /** The target's ledger and job key. */
  key: string;
}

/** A unit nothing can be sent to (no OA group, no officer Zalo lets the OA write to): its text, to copy. */
export interface CopyMessage {
  unit: string;
  unitName: string;
  reason: string;
  text: string;
}

/** How long the broadcast takes under ZALO_API_RATE_PER_MIN (reminders use 80% of it) and BROADCAST_RATE_PER_SEC. */
export interface ExpectedDuration {
  messages: number;
  minutes: number;
  perMinute: number;
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
  /** `skipped` without the units listed to copy (counted in `copy`). */
  leftOut: number;
  /** Sent into OA groups, sent 1:1 to officers, units listed to copy. */
  sentGroups: number;
  sentOfficers: number;
  copy: number;
  targets: ReportTarget[];
}

export interface ReportTarget {
  unit: string;
  unitName: string;
  groupId: string | null;
  status: string;
  error: string | null;
  /** Which way it went (group, officer, copy) and why, as officers read it. */
  route: ReminderRoute;
  routeLabel: string;
  reason: string | null;
  /** Route "officer": the officer's name (or Zalo id). */
  officer: string | null;
  /** What an officer can copy by hand: a unit listed to copy, or a reminder to an officer that failed. */
  text: string | null;
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
  /** A unit's own officers and their last 1:1 message to the OA (for units without an OA group). */
  officers?: { unitOfficers(unitCode: string): UnitOfficer[]; nameOf(userId: string): string | null };
  /** ZALO_API_RATE_PER_MIN and BROADCAST_RATE_PER_SEC, for the expected duration. */
  apiRatePerMin?: number;
  ratePerSec?: number;
}

const NO_GROUP_PREFIX = "-:";

/** The request cannot be sent as asked (e.g. the rendered text is too long); the message is for the officer. */
export class BroadcastMessageError extends Error {
  override readonly name = "BroadcastMessageError";
}

export type BroadcastPreview = {
  targets: number;
  messages: RenderedMessage[];
  copies: CopyMessage[];
  skipped: { unit: string; reason: string }[];
  expected: ExpectedDuration;
};

/** Plans, renders, records and queues reminder broadcasts; reports on them. Handlers, routes and the CLI use it. */
export class BroadcastService {
  constructor(private readonly o: BroadcastServiceOptions) {}

  /** The chat texts, for the worker's notes on a target. */
  get texts(): ChatTexts {
    return this.o.texts;
  }

  private plan(req: BroadcastRequest, now: Date): { plan: Plan; messages: RenderedMessage[]; copies: CopyMessage[] } {
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
      officersOf: (code) => this.o.officers?.unitOfficers(code) ?? [],
    });
    const t = this.o.template;
    const at = Date.now();
    const messages: RenderedMessage[] = plan.targets.map((p) => ({
      unit: p.unit.code,
      groupId: p.groupId,
      route: p.route,
      officer: p.officer ? (p.officer.name ?? p.officer.id) : null,
      routeLabel: renderRoute(t, p.route, p.officer ? (p.officer.name ?? p.officer.id) : null),
      reason: renderRouteReason(t, p.reason, at),
      text: renderReminder(t, p.unit, now, this.o.facts, req.message, p.route === "group" ? "group" : "officer"),
      key: p.key,
    }));
    const copies: CopyMessage[] = plan.copies.map((c) => ({
      unit: c.unit.code,
      unitName: c.unit.name,
      reason: renderRouteReason(t, c.reason, at),
      text: renderReminder(t, c.unit, now, this.o.facts, req.message, "forward"),
    }));
    // A longer text would go out in several chunks, and a retry after a partial send would repeat the first.
    const tooLong = messages.find((m) => m.text.length > MAX_TEXT_LENGTH);
    if (tooLong) {
      throw new BroadcastMessageError(
        this.o.texts.say("broadcast.tooLong", { unit: tooLong.unit, length: tooLong.text.length, max: MAX_TEXT_LENGTH }),
      );
    }
    return { plan, messages, copies };
  }

  /** What a group's reported state means, as officers read it (content/templates/reminder.yaml `groupStates`). */
  groupStateText(state: GroupState): string {
    return this.o.template.groupStates[state];
  }

  /** The broadcast's expected duration: reminders take 80% of the API budget, at most BROADCAST_RATE_PER_SEC. */
  expected(messages: number): ExpectedDuration {
    const perMinute = this.o.apiRatePerMin ?? 100;
    const byRate = this.o.ratePerSec ? Math.ceil(messages / (this.o.ratePerSec * 60)) : 0;
    const minutes = messages === 0 ? 0 : Math.max(expectedBroadcastMinutes(messages, perMinute), byRate);
    return { messages, minutes, perMinute, text: renderExpectedDuration(this.o.template, messages, minutes, perMinute) };
  }

  /** dryRun: what would be sent, nothing recorded or queued; works without Redis. */
  preview(req: BroadcastRequest): BroadcastPreview {
    const { plan, messages, copies } = this.plan(req, this.o.clock.now());
    return {
      targets: messages.length,
      messages,
      copies,
      skipped: this.skippedOf(plan.skipped, copies),
      expected: this.expected(messages.length),
    };
  }

  /**
   * Records the broadcast as a draft, queues one job per group, then marks it queued. If Redis fails, the
   * draft is removed: nothing is half-queued (a job that ran ahead waits while its broadcast is a draft, and a
   * stray one finds no ledger row and does nothing).
   */
  async request(req: BroadcastRequest): Promise<{
    id: string;
    targets: number;
    skipped: { unit: string; reason: string }[];
    copies: { unit: string; reason: string }[];
    expected: ExpectedDuration;
  }> {
    const queue = this.o.queue;
    if (!queue?.ready) throw new BroadcastUnavailableError(queue ? "Redis is not connected" : "no Redis in this process");
    this.o.store.pruneDrafts(Date.now() - DRAFT_TTL_MS);
    const { plan, messages, copies } = this.plan(req, this.o.clock.now());
    const id = `b${Date.now().toString(36)}${randomBytes(4).toString("hex")}`;
    const now = Date.now();
    const planned = new Map(plan.targets.map((t) => [t.key, t]));
    this.o.store.createDraft(
      {
        id,
        scope: JSON.stringify(req.scope),
        message: req.message ?? null,
        force: req.force ?? false,
        requestedBy: req.requestedBy,
        notify: req.notify ? conversationKey(req.notify) : null,
      },
      messages.map((m) => {
        const p = planned.get(m.key)!;
        return {
          groupId: m.key,
          unitCode: m.unit,
          unitName: p.unit.name,
          text: m.text,
          route: p.route,
          recipientId: p.officer?.id ?? null,
          reason: JSON.stringify(p.reason),
        };
      }),
      plan.skipped
        .map((s) => ({ groupId: s.groupId ?? `${NO_GROUP_PREFIX}${s.unit}`, unitCode: s.unit, unitName: s.unitName, reason: s.reason }))
        // a group can appear once per broadcast; a second unit sharing it is reported, not stored
        .filter((s, i, all) => !messages.some((m) => m.key === s.groupId) && all.findIndex((x) => x.groupId === s.groupId) === i),
      now,
      plan.copies.map((c, i) => ({
        groupId: `${NO_GROUP_PREFIX}${c.unit.code}`,
        unitCode: c.unit.code,
        unitName: c.unit.name,
        text: copies[i]!.text,
        route: "copy" as const,
        reason: JSON.stringify(c.reason),
      })),
    );
    try {
      await queue.enqueue(
        id,
        messages.map((m) => m.key),
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
    return {
      id,
      targets: messages.length,
      skipped: this.skippedOf(plan.skipped, copies),
      copies: copies.map(({ unit, reason }) => ({ unit, reason })),
      expected: this.expected(messages.length),
    };
  }

  /**
   * The units the bot sends nothing to: those left out, and those without a way to reach them (no OA group,
   * no officer inside Zalo's 7 days), listed as "chưa liên kết nhóm Zalo" as the admin API always did;
   * `copies` gives the latter's text to send by hand.
   */
  private skippedOf(skipped: readonly { unit: string; reason: string }[], copies: readonly { unit: string }[]) {
    const noGroup = this.o.texts.say("broadcast.skipNoGroup");
    return [...skipped.map(({ unit, reason }) => ({ unit, reason })), ...copies.map(({ unit }) => ({ unit, reason: noGroup }))];
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
      leftOut: c.leftOut,
      sentGroups: c.sentGroups,
      sentOfficers: c.sentOfficers,
      copy: c.copy,
      targets: this.o.store.targets(id).map((t) => this.reportTarget(t, b.created_at)),
    };
  }

  private reportTarget(t: TargetRow, at: number): ReportTarget {
    const tpl = this.o.template;
    const officer = t.route === "officer" ? (t.recipient_id ? (this.o.officers?.nameOf(t.recipient_id) ?? t.recipient_id) : null) : null;
    const reason = t.route_reason ? renderRouteReason(tpl, JSON.parse(t.route_reason) as RouteReason, at) : null;
    return {
      unit: t.unit_code,
      unitName: t.unit_name,
      groupId: t.route === "group" && !t.group_id.startsWith(NO_GROUP_PREFIX) ? t.group_id : null,
      status: t.status,
      error: t.error,
      route: t.route,
      routeLabel: renderRoute(tpl, t.route, officer),
      reason,
      officer,
      text: t.route === "copy" || (t.route === "officer" && t.status === "failed") ? t.text : null,
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
    const text = renderSummary(this.o.template, c, this.summaryLines(id, b.created_at));
    return { notify, text };
  }

  /** Per unit, which way its reminder went and why; what needs an officer first (copy, failed). */
  private summaryLines(id: string, at: number): { unit: string; route: string; status: string; reason: string }[] {
    const tpl = this.o.template;
    const rank = (r: ReportTarget) =>
      r.route === "copy" ? 0 : r.status === "failed" ? 1 : r.status === "skipped" ? 4 : r.route === "officer" ? 2 : 3;
    // (a copy row is 'skipped' in the ledger, nothing being sent; it is listed first, as the one to act on)
    return this.o.store
      .targets(id)
      .map((t) => this.reportTarget(t, at))
      .sort((a, b) => rank(a) - rank(b))
      .map((r) => {
        const status =
          r.route === "copy"
            ? tpl.statuses.copy
            : r.status === "sent" || r.status === "failed" || r.status === "skipped"
              ? tpl.statuses[r.status]
              : tpl.statuses.open;
        const left = r.status === "skipped" && r.route !== "copy";
        return {
          unit: r.unitName,
          route: left ? "" : r.routeLabel,
          status: r.status === "failed" && r.error ? `${status}: ${r.error}` : status,
          reason: (left ? r.error : r.reason) ?? "",
        };
      });
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
