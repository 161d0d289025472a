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
${routesPart(b)}
</li>`;
}

/** Which way the reminders went: how many into groups and 1:1 to officers; the units left for an officer to copy. */
function routesPart(b: BroadcastView): SafeHtml {
  const officers = b.officerRoutes ?? [];
  const copies = b.copies ?? [];
  if (officers.length === 0 && copies.length === 0) return html``;
  return html`<div class="numbers" data-field="routes">Vào nhóm Zalo: <b>${formatInt(b.sentGroups ?? 0)}</b> · nhắn riêng cán bộ để chuyển tiếp: <b>${formatInt(b.sentOfficers ?? 0)}</b> · cần chép gửi tay: <b>${formatInt(copies.length)}</b></div>
${
  officers.length
    ? html`<ul class="routes" data-field="officer-routes">${officers.map((o) => html`<li>${o.unit}: ${o.route} (${o.status})${o.reason ? html` — <span class="muted">${o.reason}</span>` : ""}</li>`)}</ul>`
    : ""
}
${
  copies.length
    ? html`<details class="copies" data-field="copies" open><summary>Đơn vị chưa nhận được tin: chép nội dung để gửi vào nhóm của đơn vị</summary>
<ul>${copies.map(
        (c) => html`<li data-copy-unit="${c.unit}"><b>${c.unit}</b>${c.reason ? html` — <span class="muted">${c.reason}</span>` : ""}
<textarea class="copy-text" readonly rows="6" aria-label="Nội dung tin nhắc cho ${c.unit}">${c.text}</textarea>
<button type="button" class="secondary copy-button" data-copy>Chép nội dung</button></li>`,
      )}</ul></details>`
    : ""
}`;
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
<p class="notice" id="reminder-expected" data-field="expected" hidden></p>
<ul class="preview" id="reminder-messages"></ul>
<ul class="failures" id="reminder-skipped"></ul>
<div class="actions">
<button type="button" class="danger" id="reminder-send">Xác nhận gửi</button>
<button type="button" class="secondary" id="reminder-cancel">Huỷ</button>
</div>
</div>
</section>`;
}
