import type { DailyCompletions } from "./dashboard-data.js";
import { formatInt, shortDay } from "./format.js";
import { html, type SafeHtml } from "./html.js";

// Fits a 360 px phone screen, drawn at this size everywhere (no scaling, so labels keep their size).
const W = 320;
const H = 170;
const PAD = { left: 44, right: 10, top: 14, bottom: 26 };

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

interface Frame {
  days: DailyCompletions[];
  max: number;
  x(i: number): number;
  y(v: number): number;
}

function frame(days: DailyCompletions[], max: number): Frame {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / days.length;
  return { days, max, x: (i) => PAD.left + slot * i + slot / 2, y: (v) => PAD.top + plotH - (v / max) * plotH };
}

/** The one axis (left), its grid lines and the day labels under the plot. */
function axes(f: Frame): SafeHtml {
  const labelEvery = Math.max(1, Math.ceil(f.days.length / 4));
  return html`${[0, 0.5, 1].map(
    (
      t,
    ) => html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${f.y(f.max * t).toFixed(1)}" y2="${f.y(f.max * t).toFixed(1)}" stroke="#e5e9ef"/>
<text x="${PAD.left - 6}" y="${(f.y(f.max * t) + 4).toFixed(1)}" font-size="12" text-anchor="end" fill="#4b5565">${formatInt(f.max * t)}</text>`,
  )}
${f.days.map((d, i) =>
  i % labelEvery === 0 || i === f.days.length - 1
    ? html`<text x="${f.x(i).toFixed(1)}" y="${H - 6}" font-size="12" text-anchor="middle" fill="#4b5565">${shortDay(d.day)}</text>`
    : "",
)}`;
}

/**
 * Two small charts, each with one axis (an officer must never read a day's count on the total's scale): the
 * running total against the target (a dot per day, so one day of data still shows), then completions per day.
 * Drawn at a fixed pixel size, so labels are the same size on a phone and a desktop.
 */
export function completionsChart(input: DailyCompletions[], target: number | null): SafeHtml {
  const days = fillDays(input);
  if (days.length === 0) return html`<p class="muted">Chưa có ai báo hoàn thành.</p>`;
  let running = 0;
  const cumulative = days.map((d) => (running += d.count));
  const total = running;
  const cum = frame(days, niceMax(Math.max(total, target ?? 0)));
  const daily = frame(days, niceMax(Math.max(...days.map((d) => d.count))));
  const slot = (W - PAD.left - PAD.right) / days.length;
  const barW = Math.max(1, Math.min(24, slot * 0.6));
  const line = cumulative.map((v, i) => `${i === 0 ? "M" : "L"}${cum.x(i).toFixed(1)},${cum.y(v).toFixed(1)}`).join(" ");
  const today = days.at(-1)!;
  return html`<p class="chart-title">Tổng số người đã hoàn thành${target ? " so với chỉ tiêu" : ""}</p>
<svg class="chart" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${`Tổng số người đã hoàn thành: ${total}${target ? `, chỉ tiêu ${target}` : ""}`}">
${axes(cum)}
${
  target && target > 0
    ? html`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${cum.y(target).toFixed(1)}" y2="${cum.y(target).toFixed(1)}" stroke="#c62828" stroke-dasharray="6 4"/>
<text x="${W - PAD.right}" y="${(cum.y(target) - 4).toFixed(1)}" font-size="12" text-anchor="end" fill="#c62828">Chỉ tiêu ${formatInt(target)}</text>`
    : ""
}
<path d="${line}" fill="none" stroke="#0b4f8a" stroke-width="2.5"/>
${cumulative.map(
  (v, i) =>
    html`<circle cx="${cum.x(i).toFixed(1)}" cy="${cum.y(v).toFixed(1)}" r="3.5" fill="#0b4f8a"><title>${`${shortDay(days[i]!.day)}: ${v}`}</title></circle>`,
)}
</svg>
<p class="chart-title">Số người hoàn thành trong từng ngày</p>
<svg class="chart" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${`Số người hoàn thành theo ngày; ngày ${shortDay(today.day)}: ${today.count}`}">
${axes(daily)}
${days.map(
  (d, i) =>
    html`<rect x="${(daily.x(i) - barW / 2).toFixed(1)}" y="${daily.y(d.count).toFixed(1)}" width="${barW.toFixed(1)}" height="${(daily.y(0) - daily.y(d.count)).toFixed(1)}" fill="#7fa3c9"><title>${`${shortDay(d.day)}: ${d.count}`}</title></rect>`,
)}
</svg>
<p class="legend">Tổng: <b>${formatInt(total)}</b>${target ? html` / chỉ tiêu ${formatInt(target)}` : ""}; ngày ${shortDay(today.day)}: ${formatInt(today.count)}.</p>`;
}
