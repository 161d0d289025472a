import type { CampaignLabel } from "../../content/campaign.js";
import { renderPage } from "./admin-page.js";
import { html } from "./html.js";

/** The sign-in form: the officer pastes ADMIN_TOKEN once, then a session cookie takes over. */
export function renderLoginPage(campaign: CampaignLabel, error?: string): string {
  return renderPage({
    title: `Đăng nhập — Bảng theo dõi ${campaign.title}`,
    body: html`<main class="login-wrap">
<form class="login" method="post" action="/admin/login">
<h1>Bảng theo dõi ${campaign.title}</h1>
<p class="muted">Dành cho cán bộ phụ trách. Nhập mã quản trị để xem tiến độ các đơn vị.</p>
${error ? html`<p class="notice error" role="alert">${error}</p>` : ""}
<label for="token">Mã quản trị</label>
<input id="token" name="token" type="password" autocomplete="current-password" required>
<button type="submit">Đăng nhập</button>
</form>
</main>`,
  });
}

/** Shown when ADMIN_TOKEN is not set on the server. */
export function renderDisabledPage(): string {
  return renderPage({
    title: "Chưa bật trang quản trị",
    body: html`<main class="login-wrap"><div class="login">
<h1>Chưa bật trang quản trị</h1>
<p>Máy chủ chưa cấu hình ADMIN_TOKEN. Vui lòng liên hệ người quản trị hệ thống.</p>
</div></main>`,
  });
}
