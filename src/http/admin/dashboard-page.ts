import type { CampaignLabel } from "../../content/campaign.js";
import type { MatchSummary } from "../../people/person-matching.js";
import type { ProgressReport } from "../../people/progress-types.js";
import { renderPage } from "./admin-page.js";
import { broadcastsSection, reminderSection } from "./broadcasts-section.js";
import { completionsChart } from "./completions-chart.js";
import type { QualityDay } from "../../loop/quality.js";
import type { Takeover } from "../../stores/takeover-store.js";
import type { TaughtItem } from "../../stores/taught-store.js";
import type { AlertView, BroadcastView, DailyCompletions, UnansweredView } from "./dashboard-data.js";
import { qualitySection, takeoverSection, taughtSection } from "./loop-sections.js";
import { formatDateTime } from "./format.js";
import { html } from "./html.js";
import { progressSection } from "./progress-section.js";
import { RESULTS_SCRIPT_PATH, resultsSection } from "./results-section.js";
import type { SortKey } from "./progress-sort.js";
import { exportSection, unansweredSection } from "./unanswered-section.js";

export interface DashboardView {
  campaign: CampaignLabel;
  progress: ProgressReport;
  daily: DailyCompletions[];
  broadcasts: BroadcastView[];
  unanswered: UnansweredView[];
  /** Banners shown above everything else. */
  alerts?: AlertView[];
  takeovers: Takeover[];
  quality: QualityDay[];
  taught: TaughtItem[];
  /** Per unit with an official per-person list: confirmed / chat only / official only. */
  matching?: Map<string, MatchSummary>;
  /** Per unit code: the state Zalo last reported for its OA group, in words. */
  groupStates?: Map<string, string>;
  sort: SortKey;
  /** Null when signed in with a bearer header (no session, so no sign-out and no sends from the page). */
  csrfToken: string | null;
}

const DASHBOARD_SCRIPT_PATH = "/admin/assets/dashboard.js";

export function renderDashboard(v: DashboardView): string {
  const target = v.progress.units.reduce((s, u) => s + u.target, 0);
  const behind = v.progress.units.filter((u) => u.behind);
  const withGroup = behind.filter((u) => u.zaloGroupId).length;
  return renderPage({
    title: `Bảng theo dõi — ${v.campaign.title}`,
    csrfToken: v.csrfToken ?? undefined,
    scripts: [DASHBOARD_SCRIPT_PATH, RESULTS_SCRIPT_PATH],
    body: html`<header>
<div><h1>${v.campaign.title}</h1><div class="as-of">Số liệu lúc ${formatDateTime(v.progress.asOf)}</div></div>
${
  v.csrfToken
    ? html`<form method="post" action="/admin/logout"><input type="hidden" name="_csrf" value="${v.csrfToken}"><button type="submit" class="secondary">Đăng xuất</button></form>`
    : ""
}
</header>
<nav aria-label="Mục">
<a href="#tien-do">Tiến độ</a><a href="#bieu-do">Biểu đồ</a><a href="#nhac-nho">Nhắc nhở</a><a href="#da-gui">Đã gửi</a><a href="#cau-hoi">Câu hỏi</a><a href="#can-bo-tra-loi">Cán bộ trả lời</a><a href="#chat-luong">Chất lượng</a><a href="#ket-qua">Nhập kết quả</a><a href="#xuat">Xuất dữ liệu</a>
</nav>
${(v.alerts ?? []).map((a) => html`<div class="alert" role="alert">${a.message}</div>`)}
<main>
${progressSection(v.progress, v.sort, v.campaign.noun, v.matching ?? new Map(), v.groupStates ?? new Map())}
<section class="wide" id="bieu-do">
<h2>Số người hoàn thành theo thời gian</h2>
${completionsChart(v.daily, target > 0 ? target : null)}
</section>
${reminderSection({ withGroup, withoutGroup: behind.length - withGroup })}
${broadcastsSection(v.broadcasts)}
${unansweredSection(v.unanswered)}
${takeoverSection(v.takeovers)}
${taughtSection(v.taught)}
${qualitySection(v.quality)}
${resultsSection(v.csrfToken !== null)}
${exportSection()}
</main>`,
  });
}
