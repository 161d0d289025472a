import type { ShownBroadcastStatus } from "../../broadcasts/broadcast-store.js";
import type { BroadcastView } from "./dashboard-data.js";
import { formatDateTime, formatInt } from "./format.js";
import { html, type SafeHtml } from "./html.js";

export const STATUS_LABELS: Record<ShownBroadcastStatus, string> = {
  queued: "Đang chờ gửi",
  running: "Đang gửi",
  done: "Đã xong",
};

/** A name an officer recognises: when, to whom, who asked (the id stays in a data attribute for polling). */
function broadcastName(b: BroadcastView): string {
  return [b.createdAt ? `Nhắc nhở ${formatDateTime(b.createdAt)}` : "Nhắc nhở", b.scope, b.requestedBy ? `do ${b.requestedBy}` : null]
    .filter(Boolean)
    .join(" · ");
}

function broadcastItem(b: BroadcastView): SafeHtml {
  const groups = b.groups ?? b.total;
  return html`<li class="broadcast" data-broadcast-id="${b.id}" data-status="${b.status}">
<div class="row-title"><span>${broadcastName(b)}</span>
<span class="badge status-${b.status}" data-field="status">${STATUS_LABELS[b.status] ?? b.status}</span></div>
<div class="numbers">Đã gửi <b data-field="sent">${formatInt(b.sent)}</b>/<span data-field="groups">${formatInt(groups)}</span> nhóm
· lỗi <span data-field="failed">${formatInt(b.failed)}</span> · bỏ qua <span data-field="skipped">${formatInt(b.skipped)}</span>
· <span data-field="withoutGroup">${formatInt(b.withoutGroup ?? 0)}</span> đơn vị chưa có nhóm Zalo</div>
<ul class="failures" data-field="failures">${b.failures.map((f) => html`<li>${f.unit}: ${f.error ?? "không rõ lỗi"}</li>`)}</ul>
</li>`;
}

/** Recent reminder broadcasts; the page script polls the ones not done for live status. */
export function broadcastsSection(list: BroadcastView[]): SafeHtml {
  return html`<section id="da-gui">
<h2>Các đợt nhắc nhở đã gửi</h2>
${list.length === 0 ? html`<p class="muted" data-empty="broadcasts">Chưa có đợt nhắc nhở nào.</p>` : ""}
<ul class="broadcasts" id="broadcast-list">${list.map(broadcastItem)}</ul>
</section>`;
}

/** Preview (dry run) → confirm → send to the groups of units behind pace; driven by dashboard.js. */
export function reminderSection(behind: { withGroup: number; withoutGroup: number }): SafeHtml {
  return html`<section id="nhac-nho">
<h2>Nhắc nhở các đơn vị chậm</h2>
<p>Gửi tin nhắc vào nhóm Zalo của <b>${formatInt(behind.withGroup)}</b> đơn vị đang chậm tiến độ.
${behind.withoutGroup > 0 ? html`(${formatInt(behind.withoutGroup)} đơn vị chậm chưa liên kết nhóm Zalo.) ` : ""}Xem trước nội dung, rồi xác nhận mới gửi.</p>
<noscript><p class="notice error">Cần bật JavaScript để xem trước và gửi nhắc nhở.</p></noscript>
<div class="actions"><button type="button" id="reminder-preview">Xem trước tin nhắn</button></div>
<div id="reminder-status" class="notice" role="status" hidden></div>
<div id="reminder-preview-box" hidden>
<h3>Nội dung sẽ gửi</h3>
<ul class="preview" id="reminder-messages"></ul>
<ul class="failures" id="reminder-skipped"></ul>
<div class="actions">
<button type="button" class="danger" id="reminder-send">Xác nhận gửi</button>
<button type="button" class="secondary" id="reminder-cancel">Huỷ</button>
</div>
</div>
</section>`;
}
