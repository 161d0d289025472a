import { ADMIN_CSS } from "./admin-styles.js";
import { html, trusted, type SafeHtml } from "./html.js";

export interface PageOptions {
  title: string;
  body: SafeHtml;
  /** Read by the dashboard script for X-CSRF-Token. */
  csrfToken?: string;
  /** Script paths under our origin (CSP script-src 'self'), loaded as ES modules (deferred). */
  scripts?: string[];
}

/** The HTML document around every admin page: Vietnamese, phone viewport, the hashed inline stylesheet. */
export function renderPage(o: PageOptions): string {
  return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<link rel="icon" href="data:,">
${o.csrfToken ? html`<meta name="csrf-token" content="${o.csrfToken}">` : ""}
<title>${o.title}</title>
<style>${trusted(ADMIN_CSS)}</style>
</head>
<body>
${o.body}
${(o.scripts ?? []).map((src) => html`<script type="module" src="${src}"></script>`)}
</body>
</html>
`.value;
}
