/**
 * Day boundaries in Vietnam. Asia/Ho_Chi_Minh is UTC+7 all year (no DST), so a fixed offset is exact; the
 * campaign's days, quiet hours, "days left" and the dashboard's per-day counts all use these.
 */
export const VN_OFFSET_MS = 7 * 3600_000;
export const DAY_MS = 86_400_000;

/** The instant as Vietnam's wall clock, in milliseconds since 1970-01-01 00:00 of that clock. */
function vnLocalMs(d: Date): number {
  return d.getTime() + VN_OFFSET_MS;
}

/** Whole calendar days from `from`'s day to `to`'s day in Vietnam (0 = the same day). */
export function vnDaysBetween(from: Date, to: Date): number {
  return Math.floor(vnLocalMs(to) / DAY_MS) - Math.floor(vnLocalMs(from) / DAY_MS);
}

/** Milliseconds since midnight in Vietnam. */
export function vnMsOfDay(d: Date): number {
  return ((vnLocalMs(d) % DAY_MS) + DAY_MS) % DAY_MS;
}

/** The calendar day of an instant in Vietnam, YYYY-MM-DD. */
export function vnDate(d: Date): string {
  return new Date(vnLocalMs(d)).toISOString().slice(0, 10);
}
