import { html, type SafeHtml } from "./html.js";

export const RESULTS_SCRIPT_PATH = "/admin/assets/results.js";

/** Upload official results (CSV or .xlsx) → preview what changes → confirm; driven by results.js. */
export function resultsSection(signedInWithSession: boolean): SafeHtml {
  return html`<section class="wide" id="ket-qua">
<h2>Nhập kết quả chính thức</h2>
<p>Tệp CSV hoặc Excel (.xlsx) theo một trong hai dạng, nhận biết qua dòng tiêu đề:
<b>theo đơn vị</b> (Đơn vị, Số người hoàn thành, Ngày) hoặc <b>theo người</b> (Họ và tên, Đơn vị, Ngày hoàn thành, có thể thêm Số điện thoại để phân biệt người trùng tên; số điện thoại không được lưu).
Xem trước để biết dòng nào không dùng được và số liệu thay đổi thế nào; chỉ khi bấm “Xác nhận nhập” mới ghi.</p>
${
  signedInWithSession
    ? html`<noscript><p class="notice error">Cần bật JavaScript để nhập tệp.</p></noscript>
<div class="actions"><input type="file" id="results-file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet">
<button type="button" id="results-preview">Xem trước</button></div>`
    : html`<p class="muted">Đăng nhập bằng mã quản trị trên trang này để nhập tệp (hoặc dùng lệnh <code>npm run cli -- results import &lt;tệp&gt; --apply</code>).</p>`
}
<div id="results-status" class="notice" role="status" hidden></div>
<div id="results-preview-box" hidden>
<div id="results-summary"></div>
<h3>Dòng không dùng được</h3>
<ul class="failures" id="results-problems"></ul>
<h3>Số liệu các đơn vị (trước → sau)</h3>
<table><thead><tr><th>Đơn vị</th><th class="num">Chính thức</th><th class="num">Hoàn thành</th><th>Tiến độ</th></tr></thead>
<tbody id="results-changes"></tbody></table>
<div id="results-matching"></div>
<div class="actions">
<button type="button" class="danger" id="results-apply">Xác nhận nhập</button>
<button type="button" class="secondary" id="results-cancel">Huỷ</button>
</div>
</div>
</section>`;
}
