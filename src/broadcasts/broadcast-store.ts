import type { Db } from "../db/database.js";
import type { Person, PersonalDataOwner } from "../shared/personal-data.js";

/** A broadcast's life in the ledger; a draft is not yet committed and is never shown. */
export type BroadcastStatus = "draft" | "queued" | "running" | "done";
/** The statuses reports, the admin API and the dashboard show. */
export type ShownBroadcastStatus = Exclude<BroadcastStatus, "draft">;
export type TargetStatus = "queued" | "sending" | "sent" | "failed" | "skipped";

/** Which way a target's reminder goes (src/broadcasts/broadcast-planner.ts). */
export type TargetRoute = "group" | "officer" | "copy";

export interface NewTarget {
  /** The target's key: the group id, the officer's key ('o:<unit>:<officer id>') or '-:<unit>' for a copy. */
  groupId: string;
  unitCode: string;
  unitName: string;
  text: string;
  route?: TargetRoute;
  /** Route "officer": the officer's Zalo user id. */
  recipientId?: string | null;
  /** Why this route: the planner's RouteReason as JSON. */
  reason?: string | null;
}

export interface TargetRow {
  broadcast_id: string;
  /** The target's key (see NewTarget.groupId). */
  group_id: string;
  route: TargetRoute;
  recipient_id: string | null;
  route_reason: string | null;
  unit_code: string;
  unit_name: string;
  text: string;
  status: TargetStatus;
  error: string | null;
  attempts: number;
  /** When the status last changed; for 'sending', when the call started. */
  updated_at: number;
}

export interface BroadcastRow {
  id: string;
  status: BroadcastStatus;
  scope: string;
  message: string | null;
  force: number;
  requested_by: string;
  notify: string | null;
  summary_sent: number;
  created_at: number;
  finished_at: number | null;
}

export interface BroadcastCounts {
  total: number;
  sent: number;
  failed: number;
  /** Left out (cooldown, no right, …) and the units listed to copy: the admin API's `skipped` (contract.md). */
  skipped: number;
  /** Left out for another reason than a unit to copy: what the summary and the dashboard call "bỏ qua". */
  leftOut: number;
  open: number;
  /** Sent into OA groups, and 1:1 to officers. */
  sentGroups: number;
  sentOfficers: number;
  /** Units listed on the dashboard for an officer to copy (no OA group, no officer Zalo lets the OA write to). */
  copy: number;
}

/**
 * A draft older than this was left by a process that died while queuing it: it counts as never requested
 * (its stray jobs send nothing) and is pruned by the next request.
 */
export const DRAFT_TTL_MS = 2 * 60_000;

/** The SQLite ledger of reminder broadcasts: one row per request, one per (request, group). */
/** requested_by of a broadcast whose officer was forgotten (#xoa, user_withdraw). */
export const ERASED_REQUESTER = "zalo:erased";

/** A target's route columns, with the defaults of a group target. */
function routeOf(t: NewTarget): Required<NewTarget> {
  return { ...t, route: t.route ?? "group", recipientId: t.recipientId ?? null, reason: t.reason ?? null };
}

export class BroadcastStore implements PersonalDataOwner {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      insert: db.prepare(
        `INSERT INTO broadcasts (id, status, scope, message, force, requested_by, notify, created_at)
         VALUES (@id, 'draft', @scope, @message, @force, @requestedBy, @notify, @now)`,
      ),
      insertTarget: db.prepare(
        `INSERT INTO broadcast_targets (broadcast_id, group_id, unit_code, unit_name, text, status, error, updated_at, route, recipient_id, route_reason)
         VALUES (@broadcastId, @groupId, @unitCode, @unitName, @text, @status, @error, @now, @route, @recipientId, @reason)`,
      ),
      setStatus: db.prepare("UPDATE broadcasts SET status = ?, finished_at = ? WHERE id = ?"),
      remove: db.prepare("DELETE FROM broadcasts WHERE id = ?"),
      get: db.prepare<[string], BroadcastRow>("SELECT * FROM broadcasts WHERE id = ?"),
      recent: db.prepare<[number], BroadcastRow>(
        "SELECT * FROM broadcasts WHERE status != 'draft' ORDER BY created_at DESC, rowid DESC LIMIT ?",
      ),
      target: db.prepare<[string, string], TargetRow>("SELECT * FROM broadcast_targets WHERE broadcast_id = ? AND group_id = ?"),
      targets: db.prepare<[string], TargetRow>("SELECT * FROM broadcast_targets WHERE broadcast_id = ? ORDER BY rowid"),
      claim: db.prepare(
        `UPDATE broadcast_targets SET status = 'sending', attempts = attempts + 1, updated_at = ?
         WHERE broadcast_id = ? AND group_id = ? AND status = 'queued'`,
      ),
      finishTarget: db.prepare(
        `UPDATE broadcast_targets SET status = @status, error = @error, message_id = @messageId, updated_at = @now,
           sent_at = CASE WHEN @status = 'sent' THEN @now ELSE sent_at END
         WHERE broadcast_id = @broadcastId AND group_id = @groupId AND status = 'sending'`,
      ),
      release: db.prepare(
        `UPDATE broadcast_targets SET status = 'queued', error = ?, updated_at = ?
         WHERE broadcast_id = ? AND group_id = ? AND status = 'sending'`,
      ),
      counts: db.prepare<[string], BroadcastCounts>(
        `SELECT COUNT(*) AS total,
                COALESCE(SUM(status = 'sent'), 0) AS sent,
                COALESCE(SUM(status = 'failed'), 0) AS failed,
                COALESCE(SUM(status = 'skipped'), 0) AS skipped,
                COALESCE(SUM(status = 'skipped' AND route != 'copy'), 0) AS leftOut,
                COALESCE(SUM(status IN ('queued','sending')), 0) AS open,
                COALESCE(SUM(status = 'sent' AND route = 'group'), 0) AS sentGroups,
                COALESCE(SUM(status = 'sent' AND route = 'officer'), 0) AS sentOfficers,
                COALESCE(SUM(route = 'copy'), 0) AS copy
         FROM broadcast_targets WHERE broadcast_id = ?`,
      ),
      lastSent: db.prepare<[string], { at: number | null }>(
        "SELECT MAX(sent_at) AS at FROM broadcast_targets WHERE group_id = ? AND status = 'sent'",
      ),
      claimSummary: db.prepare("UPDATE broadcasts SET summary_sent = 1 WHERE id = ? AND summary_sent = 0"),
      markRunning: db.prepare("UPDATE broadcasts SET status = 'running' WHERE id = ? AND status = 'queued'"),
      pending: db.prepare<[number], { group_id: string; broadcast_id: string }>(
        `SELECT t.group_id, t.broadcast_id FROM broadcasts b
         JOIN broadcast_targets t ON t.broadcast_id = b.id AND t.status IN ('queued','sending')
         WHERE b.status IN ('queued','running') OR (b.status = 'draft' AND b.created_at >= ?)`,
      ),
      unfinished: db.prepare<[], { id: string }>("SELECT id FROM broadcasts WHERE status IN ('queued','running')"),
      staleDrafts: db.prepare("DELETE FROM broadcasts WHERE status = 'draft' AND created_at < ?"),
      forgetRequester: db.prepare(
        `UPDATE broadcasts SET requested_by = CASE WHEN requested_by = 'zalo:' || @id THEN '${ERASED_REQUESTER}' ELSE requested_by END,
           notify = CASE WHEN notify = 'user:' || @id THEN NULL ELSE notify END
         WHERE requested_by = 'zalo:' || @id OR notify = 'user:' || @id`,
      ),
      // The target row stays (the unit was reminded), without the officer's id; one not yet sent never will be.
      forgetRecipient: db.prepare(
        `UPDATE broadcast_targets SET recipient_id = NULL, group_id = 'o:' || unit_code || ':erased:' || rowid,
           status = CASE WHEN status IN ('queued','sending') THEN 'failed' ELSE status END,
           error = CASE WHEN status IN ('queued','sending') THEN 'erased' ELSE error END
         WHERE recipient_id = @id`,
      ),
    };
  }

  /**
   * An officer who asked to be forgotten: their requests stay (the ward's record), without their id; so do the
   * reminders sent to them 1:1.
   */
  forget(p: Person): { requests: number } {
    const requests = this.s.forgetRequester.run({ id: p.id }).changes;
    this.s.forgetRecipient.run({ id: p.id });
    return { requests };
  }

  /** A draft with its targets, in one transaction; queued only once its jobs are in Redis. */
  createDraft(
    b: { id: string; scope: string; message: string | null; force: boolean; requestedBy: string; notify: string | null },
    targets: NewTarget[],
    skipped: { groupId: string; unitCode: string; unitName: string; reason: string }[],
    now: number,
    /** Units nothing is sent to, with their text ready to copy (route "copy"). */
    copies: NewTarget[] = [],
  ): void {
    this.db.transaction(() => {
      this.s.insert.run({ ...b, force: b.force ? 1 : 0, now });
      for (const t of targets) this.s.insertTarget.run({ broadcastId: b.id, ...routeOf(t), status: "queued", error: null, now });
      for (const t of copies)
        this.s.insertTarget.run({ broadcastId: b.id, ...routeOf(t), route: "copy", status: "skipped", error: null, now });
      for (const t of skipped) {
        const row = routeOf({ groupId: t.groupId, unitCode: t.unitCode, unitName: t.unitName, text: "" });
        this.s.insertTarget.run({ broadcastId: b.id, ...row, status: "skipped", error: t.reason, now });
      }
    })();
  }

  setStatus(id: string, status: BroadcastStatus, now: number | null = null): void {
    this.s.setStatus.run(status, now, id);
  }

  remove(id: string): void {
    this.s.remove.run(id);
  }

  get(id: string): BroadcastRow | undefined {
    return this.s.get.get(id);
  }

  recent(limit: number): BroadcastRow[] {
    return this.s.recent.all(limit);
  }

  target(id: string, groupId: string): TargetRow | undefined {
    return this.s.target.get(id, groupId);
  }

  targets(id: string): TargetRow[] {
    return this.s.targets.all(id);
  }

  /** queued → sending, written before the HTTP call; false if the row is not queued (already handled). */
  claim(id: string, groupId: string, now: number): boolean {
    const ok = this.s.claim.run(now, id, groupId).changes === 1;
    if (ok) this.s.markRunning.run(id);
    return ok;
  }

  finish(id: string, groupId: string, status: "sent" | "failed", now: number, detail: { error?: string; messageId?: string } = {}): void {
    this.s.finishTarget.run({ broadcastId: id, groupId, status, error: detail.error ?? null, messageId: detail.messageId ?? null, now });
  }

  /** sending → queued after a failure that will be retried. */
  release(id: string, groupId: string, error: string, now: number): void {
    this.s.release.run(error, now, id, groupId);
  }

  counts(id: string): BroadcastCounts {
    return this.s.counts.get(id)!;
  }

  lastSentAt(groupId: string): number | null {
    return this.s.lastSent.get(groupId)?.at ?? null;
  }

  /** Groups that an unfinished broadcast (or a draft being queued right now) still has to send to. */
  pendingGroups(now: number): Map<string, string> {
    return new Map(this.s.pending.all(now - DRAFT_TTL_MS).map((r) => [r.group_id, r.broadcast_id]));
  }

  /** True exactly once per broadcast: whoever gets it sends the summary. */
  claimSummary(id: string): boolean {
    return this.s.claimSummary.run(id).changes === 1;
  }

  unfinished(): string[] {
    return this.s.unfinished.all().map((r) => r.id);
  }

  pruneDrafts(before: number): number {
    return this.s.staleDrafts.run(before).changes;
  }
}
