import { DAY_MS, vnMsOfDay } from "../shared/vietnam-time.js";

/** A daily window in Asia/Ho_Chi_Minh (UTC+7, no DST) when reminders wait instead of going out. */
export interface QuietHours {
  startMin: number;
  endMin: number;
}

/** "21:00-07:00" → minutes of the day; null for an empty window ("00:00-00:00"). */
export function parseQuietHours(spec: string): QuietHours | null {
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(spec.trim());
  if (!m) throw new Error(`quiet hours must look like 21:00-07:00, got "${spec}"`);
  const startMin = Number(m[1]) * 60 + Number(m[2]);
  const endMin = Number(m[3]) * 60 + Number(m[4]);
  return startMin === endMin ? null : { startMin, endMin };
}

/** Milliseconds until the quiet window ends, or 0 when `now` is outside it. */
export function quietDelayMs(q: QuietHours | null, now: Date): number {
  if (!q) return 0;
  const msOfDay = vnMsOfDay(now);
  const minute = msOfDay / 60_000;
  const inside = q.startMin < q.endMin ? minute >= q.startMin && minute < q.endMin : minute >= q.startMin || minute < q.endMin;
  if (!inside) return 0;
  const endMs = q.endMin * 60_000;
  return endMs > msOfDay ? endMs - msOfDay : DAY_MS - msOfDay + endMs;
}
