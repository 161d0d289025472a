import type { UnansweredView } from "./dashboard-data.js";
import { formatDateTime, formatInt } from "./format.js";
import { html, type SafeHtml } from "./html.js";

/** What residents asked that the bot could not answer, most asked first. */
export function unansweredSection(list: UnansweredView[]): SafeHtml {
  return html`<section id="cau-hoi">
<h2>Câu hỏi bot chưa trả lời được</h2>
${
  list.length === 0
    ? html`<p class="muted">Chưa có câu hỏi nào.</p>`
    : html`<table>
<thead><tr><th>Câu hỏi</th><th class="num">Số lần</th><th class="num">Lần cuối</th></tr></thead>
<tbody>${list.map(
        (q) =>
          html`<tr><td class="question">${q.text}${q.inGroup ? html` <span class="code">· trong nhóm</span>` : ""}</td><td class="num">${formatInt(q.count)}</td><td class="num">${formatDateTime(q.lastSeenAt)}</td></tr>`,
      )}</tbody>
</table>`
}
</section>`;
}

export function exportSection(): SafeHtml {
  return html`<section id="xuat">
<h2>Xuất dữ liệu (CSV)</h2>
<div class="actions">
<a class="button secondary" href="/admin/export/progress.csv" download>Tiến độ các đơn vị</a>
<a class="button secondary" href="/admin/export/unanswered.csv" download>Câu hỏi chưa trả lời</a>
</div>
<p class="muted">Tệp mở được bằng Excel (mã UTF-8).</p>
</section>`;
}
