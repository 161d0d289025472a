/** Vietnamese number and time formats for officers (times in Asia/Ho_Chi_Minh). */

const TZ = "Asia/Ho_Chi_Minh";
const intFmt = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 0 });
const dateTimeFmt = new Intl.DateTimeFormat("vi-VN", {
  timeZone: TZ,
  hour: "2-digit",
  minute: "2-digit",
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
});

export const formatInt = (n: number) => intFmt.format(n);

export const formatPercent = (ratio: number) => `${Math.round(ratio * 100)}%`;

export function formatDateTime(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
}

/** "2025-11-01" → "01/11". */
export function shortDay(day: string): string {
  const [, m, d] = day.split("-");
  return `${d}/${m}`;
}
