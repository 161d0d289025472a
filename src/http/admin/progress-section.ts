import type { MatchSummary } from "../../people/person-matching.js";
import { COMPLETED_RULE } from "../../people/progress-service.js";
import type { ProgressReport, UnitProgress, WardProgress } from "../../people/progress-types.js";
import { formatInt, formatPercent } from "./format.js";
import { html, type SafeHtml } from "./html.js";
import { groupByWard, type SortKey } from "./progress-sort.js";

const SORT_LABELS: Record<SortKey, string> = {
  behind: "Chậm trước",
  ratio: "Tỉ lệ thấp trước",
  name: "Theo tên",
};

const KIND_LABELS: Record<UnitProgress["kind"], string> = {
  agency: "cơ quan, trường học",
  residential: "tổ dân phố, thôn",
};

const clamp = (x: number) => Math.max(0, Math.min(100, x));

/** Completed vs target as a bar, with a black mark where the unit should be by now. */
export function progressBar(p: { completed: number; target: number; expectedByNow: number; behind: boolean }): SafeHtml {
  const fill = p.target > 0 ? clamp((p.completed / p.target) * 100) : p.completed > 0 ? 100 : 0;
  const pace = p.target > 0 ? clamp((p.expectedByNow / p.target) * 100) : 0;
  return html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
<rect width="100" height="10" rx="2" fill="#e6ebf1"/>
<rect width="${fill.toFixed(2)}" height="10" rx="2" fill="${p.behind ? "#d84a3a" : "#2e7d32"}"/>
<line x1="${pace.toFixed(2)}" x2="${pace.toFixed(2)}" y1="0" y2="10" stroke="#1d2330" stroke-width="2" vector-effect="non-scaling-stroke"/>
</svg>`;
}

function badge(behind: boolean): SafeHtml {
  return behind ? html`<span class="badge behind">Chậm tiến độ</span>` : html`<span class="badge on-track">Đúng tiến độ</span>`;
}

function numbers(p: UnitProgress | WardProgress): SafeHtml {
  return html`<div class="numbers">Đã hoàn thành <b>${formatInt(p.completed)}</b>/${formatInt(p.target)} (${formatPercent(p.ratio)})
· cần đạt đến nay: ${formatInt(Math.ceil(p.expectedByNow))}</div>`;
}

const dmy = (day: string) => day.split("-").reverse().join("/");

/** Where the figure comes from: chat reports, and the official count with its day when there is one. */
function sources(u: UnitProgress, m: MatchSummary | undefined): SafeHtml {
  if (u.official === null || u.officialAsOf === null)
    return html`<div class="numbers muted">Báo qua Zalo: ${formatInt(u.reported)} · chưa có số chính thức</div>`;
  return html`<div class="numbers muted" data-field="sources">Báo qua Zalo: ${formatInt(u.reported)} · chính thức: ${formatInt(u.official)} (đến ${dmy(u.officialAsOf)})${
    m
      ? html`<br>Đối chiếu danh sách: <span data-field="confirmed">${formatInt(m.confirmed)}</span> khớp · <span data-field="chat-only">${formatInt(m.chatOnly)}</span> chỉ báo qua Zalo · <span data-field="official-only">${formatInt(m.officialOnly)}</span> chỉ có trong danh sách`
      : ""
  }</div>`;
}

/** Per unit code: what Zalo last said about its OA group (disabled, not the OA's, full, …), as officers read it. */
export type GroupStateTexts = Map<string, string>;

function unitRow(u: UnitProgress, m: MatchSummary | undefined, groupState: string | undefined): SafeHtml {
  return html`<li class="unit${u.behind ? " behind" : ""}" data-unit="${u.code}" data-behind="${String(u.behind)}">
<div class="row-title"><span>${u.name} <span class="code">${u.code} · ${KIND_LABELS[u.kind] ?? u.kind}</span></span>${badge(u.behind)}</div>
${progressBar(u)}
${numbers(u)}
${sources(u, m)}
${u.zaloGroupId ? "" : html`<div class="numbers muted">Chưa có nhóm Zalo do trang quản lý: tin nhắc đi qua cán bộ phụ trách (nhắn riêng) hoặc để cán bộ chép gửi tay.</div>`}
${groupState ? html`<div class="numbers group-state" data-field="group-state">${groupState}</div>` : ""}
</li>`;
}

function wardBlock(ward: WardProgress, units: UnitProgress[], matching: Map<string, MatchSummary>, states: GroupStateTexts): SafeHtml {
  const behindCount = units.filter((u) => u.behind).length;
  // Wards with a unit behind stay open; the others fold away so the page shows the problems first.
  return html`<details class="ward${ward.behind ? " behind" : ""}"${behindCount > 0 ? html` open` : ""} data-ward="${ward.ward}">
<summary>
<div class="row-title"><h3>${ward.ward}</h3>${badge(ward.behind)}</div>
${progressBar(ward)}
${numbers(ward)}
<div class="numbers">${formatInt(units.length)} đơn vị, ${formatInt(behindCount)} đơn vị chậm tiến độ</div>
</summary>
<ul class="units">${units.map((u) => unitRow(u, matching.get(u.code), states.get(u.code)))}</ul>
</details>`;
}

/** Per ward, then per unit: bars against target with the pace mark; behind ones in red with a label. */
export function progressSection(
  report: ProgressReport,
  sort: SortKey,
  noun: string,
  matching: Map<string, MatchSummary> = new Map(),
  groupStates: GroupStateTexts = new Map(),
): SafeHtml {
  const groups = groupByWard(report, sort);
  const behind = report.units.filter((u) => u.behind).length;
  return html`<section class="wide" id="tien-do">
<h2>Tiến độ theo phường, xã và đơn vị</h2>
${
  report.units.length === 0
    ? html`<p class="muted">Chưa có đơn vị nào. Nhập danh sách bằng lệnh <code>npm run cli -- units import &lt;tệp.csv&gt;</code>.</p>`
    : html`<p><b>${formatInt(behind)}</b>/${formatInt(report.units.length)} đơn vị đang chậm tiến độ.</p>
<div class="sort" role="group" aria-label="Sắp xếp">Sắp xếp:
${(Object.keys(SORT_LABELS) as SortKey[]).map(
  (k) => html`<a href="/admin?sort=${k}#tien-do" aria-current="${String(k === sort)}">${SORT_LABELS[k]}</a>`,
)}
</div>
<p class="legend">Thanh màu: số người đã hoàn thành so với chỉ tiêu. Vạch đen: mức cần đạt đến hôm nay theo thời gian ${noun}.</p>
<p class="legend" id="completed-rule">${COMPLETED_RULE}</p>
${groups.map((g) => wardBlock(g.ward, g.units, matching, groupStates))}`
}
</section>`;
}
