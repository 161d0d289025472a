import { styleHash } from "./security-headers.js";

/** One inline stylesheet for every admin page; its hash goes into the CSP, so no 'unsafe-inline'. */
export const ADMIN_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1d2330;background:#f4f6f9}
header{background:#0b4f8a;color:#fff;padding:12px 16px;display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:space-between}
header h1{font-size:1.15rem;margin:0}
header .as-of{font-size:.85rem;opacity:.9}
header form{margin:0}
nav{display:flex;flex-wrap:wrap;gap:6px;padding:8px 16px;background:#e3ebf4}
nav a{color:#0b4f8a;text-decoration:none;font-size:.9rem;padding:4px 8px;border-radius:6px;background:#fff}
.alert{max-width:1100px;margin:10px auto 0;padding:10px 14px;border-radius:8px;background:#fdecea;border:1px solid #b42318;color:#7a1a12;font-weight:600}
main{max-width:1100px;margin:0 auto;padding:12px;display:grid;grid-template-columns:1fr 1fr;gap:12px}
section{background:#fff;border-radius:10px;padding:12px 14px;box-shadow:0 1px 3px rgba(0,0,0,.08);min-width:0}
section.wide{grid-column:1/-1}
h2{font-size:1.05rem;margin:0 0 8px}
h3{font-size:1rem;margin:0}
button,.button{font:inherit;padding:8px 14px;border-radius:8px;border:1px solid #0b4f8a;background:#0b4f8a;color:#fff;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:#0b4f8a}
button.danger{background:#b42318;border-color:#b42318}
button:disabled{opacity:.5;cursor:default}
.sort{display:flex;flex-wrap:wrap;gap:6px;align-items:center;margin:6px 0 10px;font-size:.9rem}
.sort a{color:#0b4f8a;padding:3px 8px;border:1px solid #b9cbe0;border-radius:12px;text-decoration:none}
.sort a[aria-current="true"]{background:#0b4f8a;color:#fff;border-color:#0b4f8a}
.legend{font-size:.82rem;color:#4b5565;margin:0 0 8px}
.ward{border:1px solid #dbe3ec;border-radius:8px;margin:0 0 10px;padding:8px 10px}
.ward>summary{cursor:pointer;list-style:none}
.ward>summary::-webkit-details-marker{display:none}
.units{list-style:none;margin:8px 0 0;padding:0}
.unit{padding:8px;border-radius:6px;border-left:4px solid #2e7d32;margin-top:6px;background:#f7faf7}
.unit.behind,.ward.behind>summary .row-title{color:#8a1c12}
.unit.behind{border-left-color:#c62828;background:#fdf0ef}
.row-title{display:flex;flex-wrap:wrap;gap:6px;align-items:center;justify-content:space-between;font-weight:600}
.badge{font-size:.78rem;font-weight:700;padding:2px 8px;border-radius:10px;white-space:nowrap}
.badge.behind{background:#c62828;color:#fff}
.badge.on-track{background:#e3f1e4;color:#1b5e20}
.badge.status-queued{background:#eceff3;color:#333}
.badge.status-running{background:#fff4d6;color:#7a4b00}
.badge.status-done{background:#e3f1e4;color:#1b5e20}
.bar{display:block;width:100%;height:16px;margin:4px 0}
.numbers{font-size:.85rem;color:#3d4656}
.code{font-weight:400;color:#5b6475;font-size:.85rem}
.chart{display:block;max-width:none}.chart-title{margin:.6em 0 .2em;font-weight:600}
.muted{color:#5b6475;font-size:.9rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:6px 4px;border-bottom:1px solid #e5e9ef;vertical-align:top}
td.num,th.num{text-align:right;white-space:nowrap}
.question{overflow-wrap:anywhere}
.broadcasts{list-style:none;margin:0;padding:0}
.broadcast{border:1px solid #dbe3ec;border-radius:8px;padding:8px 10px;margin-bottom:8px}
.failures{margin:6px 0 0;padding-left:18px;font-size:.85rem;color:#8a1c12}
.preview{list-style:none;margin:8px 0;padding:0}
.preview li{border:1px solid #dbe3ec;border-radius:8px;padding:8px;margin-bottom:8px}
.preview .text{white-space:pre-wrap;margin:4px 0 0;font-family:inherit}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
.notice{padding:8px 10px;border-radius:8px;background:#eef4fb;margin:8px 0}
.notice.error{background:#fdecea;color:#8a1c12}
main.login-wrap{display:block}
.login h1{font-size:1.15rem;margin:0 0 8px}
.login{max-width:380px;margin:10vh auto;background:#fff;border-radius:10px;padding:20px;box-shadow:0 1px 3px rgba(0,0,0,.1)}
.login label{display:block;margin:12px 0 4px;font-weight:600}
.login input{width:100%;font:inherit;padding:8px;border:1px solid #b9cbe0;border-radius:8px}
.login button{margin-top:14px;width:100%}
.scroll{overflow-x:auto}
.questions,.plain{list-style:none;margin:0;padding:0}
.question-item,.plain>li{border:1px solid #dbe3ec;border-radius:8px;padding:8px 10px;margin-bottom:8px}
.work>summary{cursor:pointer;color:#0b4f8a;margin-top:6px}
.work h3{margin:10px 0 4px;font-size:.95rem}
.stack label{display:block;margin:6px 0;font-size:.9rem}
.copy-text{display:block;width:100%;font:inherit;font-size:.9em;margin:4px 0;padding:6px;border:1px solid #b9cbe0;border-radius:8px}
.group-state{color:#b3261e;font-weight:600}
.stack input,.stack textarea{display:block;width:100%;font:inherit;padding:6px;border:1px solid #b9cbe0;border-radius:8px;margin-top:2px}
.stack button{margin-top:6px}
.badge.state-new{background:#fff4d6;color:#7a4b00}
.badge.state-answered,.badge.state-taught{background:#e3f1e4;color:#1b5e20}
.badge.state-dismissed{background:#eceff3;color:#333}
[hidden]{display:none!important}
@media (max-width:600px){main{grid-template-columns:1fr;padding:8px}section{padding:10px}header h1{font-size:1rem}}
`.trim();

export const ADMIN_CSS_HASH = styleHash(ADMIN_CSS);
