import type { QualityDay } from "../../loop/quality.js";
import type { Takeover } from "../../stores/takeover-store.js";
import type { TaughtItem } from "../../stores/taught-store.js";
import { formatDateTime, formatInt, shortDay } from "./format.js";
import { html, type SafeHtml } from "./html.js";

/** Conversations an OA admin holds (the bot is silent there), each with a "hand back" button. */
export function takeoverSection(list: Takeover[]): SafeHtml {
  return html`<section id="can-bo-tra-loi">
<h2>Cán bộ đang trả lời trực tiếp</h2>
<p class="muted">Khi cán bộ nhắn cho người dân từ Zalo OA, bot tạm im lặng trong cuộc trò chuyện đó.</p>
${
  list.length === 0
    ? html`<p class="muted">Không có cuộc trò chuyện nào.</p>`
    : html`<ul class="plain">${list.map(
        (t) => html`<li data-takeover-user="${t.userId}"><b>Người dùng ${t.userId}</b>
<div class="numbers">Từ ${formatDateTime(t.startedAt)} · bot im lặng đến ${formatDateTime(t.heldUntil)}${t.dropped > 0 ? html` · ${formatInt(t.dropped)} tin bot chưa gửi đã bỏ` : ""}</div>
<div class="actions"><button type="button" class="secondary" data-action="hand-back">Trả lại cho bot</button></div>
<div class="notice" role="status" data-field="status" hidden></div></li>`,
      )}</ul>`
}
</section>`;
}

/** What officers taught lately, with undo. */
export function taughtSection(list: TaughtItem[]): SafeHtml {
  return html`<section id="da-day">
<h2>Bot đã học</h2>
${
  list.length === 0
    ? html`<p class="muted">Chưa dạy câu nào.</p>`
    : html`<ul class="plain">${list.map(
        (t) => html`<li data-taught-id="${t.id}" data-undone="${t.undoneAt ? "true" : "false"}">
<span class="question">${t.kind === "entry" ? html`Mục mới “${t.entry?.title ?? t.entryId}”` : html`“${t.phrasing}” → mục ${t.entryId}`}</span>
<div class="numbers">${t.taughtBy} · ${formatDateTime(t.taughtAt)}${t.undoneAt ? html` · đã hoàn tác ${formatDateTime(t.undoneAt)}` : ""}</div>
${t.undoneAt ? "" : html`<div class="actions"><button type="button" class="secondary" data-action="undo-taught">Hoàn tác</button></div>`}
<div class="notice" role="status" data-field="status" hidden></div></li>`,
      )}</ul>`
}
</section>`;
}

/** Per day: answered, offered a choice, fell back, taught by officers. */
export function qualitySection(days: QualityDay[]): SafeHtml {
  return html`<section id="chat-luong">
<h2>Chất lượng trả lời theo ngày</h2>
${
  days.length === 0
    ? html`<p class="muted">Chưa có số liệu.</p>`
    : html`<p class="legend">Số câu hỏi bot trả lời được, đưa lựa chọn “Bạn muốn hỏi…”, chưa trả lời được; số câu cán bộ dạy.</p>
<div class="scroll"><table>
<thead><tr><th>Ngày</th><th class="num">Trả lời</th><th class="num">Lựa chọn</th><th class="num">Chưa được</th><th class="num">Dạy</th></tr></thead>
<tbody>${days.map(
        (d) =>
          html`<tr data-day="${d.day}"><td>${shortDay(d.day)}</td><td class="num">${formatInt(d.answered)}</td><td class="num">${formatInt(d.suggested)}</td><td class="num">${formatInt(d.fallback)}</td><td class="num">${formatInt(d.taught)}</td></tr>`,
      )}</tbody>
</table></div>`
}
</section>`;
}
