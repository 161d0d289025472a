import type { UnansweredState } from "../../stores/unanswered-store.js";
import type { UnansweredView } from "./dashboard-data.js";
import { formatDateTime, formatInt } from "./format.js";
import { html, type SafeHtml } from "./html.js";

export const STATE_LABELS: Record<UnansweredState, string> = {
  new: "Chưa xử lý",
  answered: "Đã trả lời",
  taught: "Đã dạy bot",
  dismissed: "Đã bỏ qua",
};

function askedIn(q: UnansweredView): string {
  const places = [...new Set(q.askedIn.map((a) => a.label))];
  return places.length ? places.join(", ") : "không rõ";
}

/** One question with its actions (driven by dashboard.js): teach onto a guess or a new entry, reply, dismiss. */
function questionItem(q: UnansweredView): SafeHtml {
  return html`<li class="question-item" data-question-id="${q.id}" data-state="${q.state}">
<div class="row-title"><span class="question">${q.text}</span><span class="badge state-${q.state}" data-field="state">${STATE_LABELS[q.state]}</span></div>
<div class="numbers">Hỏi ${formatInt(q.count)} lần · lần cuối ${formatDateTime(q.lastAskedAt)} · hỏi trong: ${askedIn(q)}</div>
<details class="work">
<summary>Xử lý câu hỏi này</summary>
<h3>Dạy bot: câu này hỏi về</h3>
${
  q.suggestions.length
    ? html`<div class="actions">${q.suggestions.map(
        (s) => html`<button type="button" class="secondary" data-action="teach-entry" data-entry-id="${s.id}">${s.title}</button>`,
      )}</div>`
    : html`<p class="muted">Bot chưa đoán được mục nào.</p>`
}
<form class="stack" data-action="teach-new">
<h3>…hoặc viết mục mới</h3>
<label>Tiêu đề<input name="title" maxlength="60" required></label>
<label>Câu trả lời<textarea name="answer" rows="3" maxlength="1200" required></textarea></label>
<label>Link gửi kèm (tuỳ chọn, tên trong campaign.yaml, cách nhau bằng dấu phẩy)<input name="links"></label>
<button type="submit">Dạy mục mới</button>
</form>
<form class="stack" data-action="reply">
<h3>Trả lời người đã hỏi</h3>
<label>Tin nhắn gửi tới người hỏi (1:1 trong 7 ngày) hoặc nhóm đã hỏi<textarea name="text" rows="3" maxlength="1500" required></textarea></label>
<button type="submit">Gửi trả lời</button>
</form>
<div class="actions"><button type="button" class="secondary" data-action="dismiss">Bỏ qua (không liên quan)</button></div>
</details>
<div class="notice" role="status" data-field="status" hidden></div>
</li>`;
}

/** The officers' work queue: what residents asked that the bot could not answer, new first. */
export function unansweredSection(list: UnansweredView[]): SafeHtml {
  return html`<section class="wide" id="cau-hoi">
<h2>Câu hỏi chưa trả lời</h2>
<p class="muted">Dạy bot một lần, bot tự trả lời từ tin nhắn sau; hoặc nhắn trả lời người đã hỏi; hoặc bỏ qua câu không liên quan.</p>
<noscript><p class="notice error">Cần bật JavaScript để xử lý câu hỏi.</p></noscript>
${
  list.length === 0
    ? html`<p class="muted">Chưa có câu hỏi nào.</p>`
    : html`<ul class="questions" id="question-list">${list.map(questionItem)}</ul>`
}
</section>`;
}

export function exportSection(): SafeHtml {
  return html`<section id="xuat">
<h2>Xuất dữ liệu</h2>
<div class="actions">
<a class="button" href="/admin/export/progress.xlsx" download>Báo cáo tiến độ (Excel)</a>
<a class="button secondary" href="/admin/export/progress.csv" download>Tiến độ các đơn vị</a>
<a class="button secondary" href="/admin/export/unanswered.csv" download>Câu hỏi chưa trả lời</a>
</div>
<p class="muted">Báo cáo Excel: một trang cho toàn bộ, một trang cho mỗi phường, xã và danh sách người đã báo qua Zalo; in hoặc gửi được ngay. Tệp CSV mở được bằng Excel (mã UTF-8).</p>
</section>`;
}
