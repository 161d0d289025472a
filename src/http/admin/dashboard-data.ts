import type { ShownBroadcastStatus } from "../../broadcasts/broadcast-store.js";
import type { QualityDay } from "../../loop/quality.js";
import type { UnansweredItem } from "../../loop/unanswered-queue.js";
import type { Takeover } from "../../stores/takeover-store.js";
import type { TaughtItem } from "../../stores/taught-store.js";
import type { UnansweredState } from "../../stores/unanswered-store.js";
import type { MatchSummary } from "../../people/person-matching.js";
import type { ProgressReport } from "../../people/progress-types.js";

/** One day's completions (day in Asia/Ho_Chi_Minh, YYYY-MM-DD). */
export interface DailyCompletions {
  day: string;
  count: number;
}

/** A broadcast as the dashboard lists it (contract.md GET /admin/broadcasts/:id plus when and what). */
export interface BroadcastView {
  id: string;
  status: ShownBroadcastStatus;
  createdAt: string | null;
  /** Plain words for the scope, e.g. "đơn vị chậm tiến độ". */
  scope: string | null;
  total: number;
  sent: number;
  failed: number;
  skipped: number;
  /** Who asked, in words ("cán bộ Nguyễn Văn An qua Zalo", "bảng điều khiển", "tự động hằng ngày"). */
  requestedBy?: string | null;
  /** Targets that are OA groups (what "Đã gửi x/y nhóm" counts), and units without one. */
  groups?: number;
  withoutGroup?: number;
  failures: { unit: string; groupId: string | null; error: string | null }[];
  /** Sent into OA groups, sent 1:1 to officers to forward, units listed for an officer to copy. */
  sentGroups?: number;
  sentOfficers?: number;
  copy?: number;
  /** Per unit not reached by the OA (no OA group, no officer it may write to, or the officer's send failed): the text to copy. */
  copies?: { unit: string; reason: string | null; text: string }[];
  /** Per unit reached through an officer: who, and why that way. */
  officerRoutes?: { unit: string; route: string; status: string; reason: string | null }[];
}

/** A question of the officers' work queue (contract.md GET /admin/unanswered items). */
export type UnansweredView = UnansweredItem;

/** A banner at the top of the dashboard: something an operator must fix (Vietnamese text). */
export interface AlertView {
  message: string;
}

/** Everything the dashboard shows; each feature's store fills one part (wired in build-dashboard-data.ts). */
export interface DashboardData {
  progress(): ProgressReport | Promise<ProgressReport>;
  completionsByDay(): DailyCompletions[] | Promise<DailyCompletions[]>;
  broadcasts(limit: number): BroadcastView[] | Promise<BroadcastView[]>;
  /** The work queue (new first), or only the questions in `state`. */
  unanswered(limit: number, state?: UnansweredState): UnansweredView[] | Promise<UnansweredView[]>;
  /** Conversations an OA admin holds now (the bot is silent there). */
  takeovers(): Takeover[] | Promise<Takeover[]>;
  /** Per day: answered, offered a choice, fell back, taught. */
  quality(): QualityDay[] | Promise<QualityDay[]>;
  /** What officers taught lately, undone ones included. */
  taught(limit: number): TaughtItem[] | Promise<TaughtItem[]>;
  /** Banners (wrong webhook key, Zalo refusing replies for quota, ...); absent = none. */
  alerts?(): AlertView[];
  /** Per unit with an official per-person list: chat reports against it (near matches not computed). */
  matching?(): Map<string, MatchSummary>;
  /** Per unit code: what Zalo last said about its OA group (-237 disabled, …), in words. */
  groupStates?(): Map<string, string>;
}
