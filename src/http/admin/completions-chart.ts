import type { DailyCompletions } from "./dashboard-data.js";
import { formatInt, shortDay } from "./format.js";
import { html, type SafeHtml } from "./html.js";

const W = 480;
const H = 220;
const PAD = { left: 48, right: 36, top: 14, bottom: 30 };

/** Consecutive days from the first to the last, missing days as 0. */
export function fillDays(days: DailyCompletions[]): DailyCompletions[] {
  const sorted = [...days].sort((a, b) => a.day.localeCompare(b.day));
  if (sorted.length === 0) return [];
  const counts = new Map(sorted.map((d) => [d.day, d.count]));
  const out: DailyCompletions[] = [];
  const end = Date.parse(`${sorted.at(-1)!.day}T00:00:00Z`);
  for (let t = Date.parse(`${sorted[0]!.day}T00:00:00Z`); t <= end && out.length < 400; t += 86_400_000) {
    const day = new Date(t).toISOString().slice(0, 10);
    out.push({ day, count: counts.get(day) ?? 0 });
  }
  return out;
}

function niceMax(n: number): number {
  if (n <= 5) return 5;
  const step = 10 ** Math.floor(Math.log10(n));
  return Math.ceil(n / step) * step;
}

/** Inline SVG: a column per day (right scale) and the running total as a line (left scale). */
export function completionsChart(input: DailyCompletions[], target: number | null): SafeHtml {
  const days = fillDays(input);
  if (days.length === 0) return html`<p class="muted">Chưa có ai báo hoàn thành.</p>`;
  let running = 0;
  const cumulative = days.map((d) => (running += d.count));
  const total = running;
  const maxCum = niceMax(Math.max(total, target ?? 0));
  const maxDay = niceMax(Math.max(...days.map((d) => d.count)));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / days.length;
  const x = (i: number) => PAD.left + slot * i + slot / 2;
  const yCum = (v: number) => PAD.top + plotH - (v / maxCum) * plotH;
  const yDay = (v: number) => PAD.top + plotH - (v / maxDay) * plotH;
  const barW = Math.max(1, Math.min(28, slot * 0.6));
  const labelEvery = Math.max(1, Math.ceil(days.length / 6));
  const line = cumulative.map((v, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${yCum(v).toFixed(1)}`).join(" ");
  const ticks = [0, 0.5, 1];
  const today = days.at(-1)!;
  return html`<svg class="chart" viewBox="0 0 ${W} ${H}" role="img" aria-label="${`Số người hoàn thành theo ngày; tổng cộng ${total}`}">
${ticks.map(
  (
    t,
  ) => html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${yCum(maxCum * t).toFixed(1)}" y2="${yCum(maxCum * t).toFixed(1)}" stroke="#e5e9ef"/>
<text x="${PAD.left - 6}" y="${(yCum(maxCum * t) + 4).toFixed(1)}" font-size="13" text-anchor="end" fill="#0b4f8a">${formatInt(maxCum * t)}</text>
<text x="${W - PAD.right + 6}" y="${(yDay(maxDay * t) + 4).toFixed(1)}" font-size="13" fill="#7a8494">${formatInt(maxDay * t)}</text>`,
)}
${days.map(
  (d, i) =>
    html`<rect x="${(x(i) - barW / 2).toFixed(1)}" y="${yDay(d.count).toFixed(1)}" width="${barW.toFixed(1)}" height="${(PAD.top + plotH - yDay(d.count)).toFixed(1)}" fill="#b9cbe0"><title>${`${shortDay(d.day)}: ${d.count}`}</title></rect>`,
)}
${
  target && target > 0
    ? html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${yCum(target).toFixed(1)}" y2="${yCum(target).toFixed(1)}" stroke="#c62828" stroke-dasharray="6 4"/>
<text x="${W - PAD.right - 4}" y="${(yCum(target) - 4).toFixed(1)}" font-size="13" text-anchor="end" fill="#c62828">Chỉ tiêu ${formatInt(target)}</text>`
    : ""
}
<path d="${line}" fill="none" stroke="#0b4f8a" stroke-width="2.5"/>
${days.map((d, i) =>
  i % labelEvery === 0 || i === days.length - 1
    ? html`<text x="${x(i).toFixed(1)}" y="${H - 8}" font-size="13" text-anchor="middle" fill="#4b5565">${shortDay(d.day)}</text>`
    : "",
)}
</svg>
<p class="legend">Đường xanh: tổng số người đã hoàn thành (thang bên trái). Cột: số người hoàn thành trong ngày (thang bên phải). Tổng: <b>${formatInt(total)}</b>; ngày ${shortDay(today.day)}: ${formatInt(today.count)}.</p>`;
}
