/**
 * Zalo lets an OA write to a user through /v3.0/oa/message/cs only within 7 days of the user's last interaction
 * (-230 after that; official-account/tin-nhan/tin-tu-van). The one place the window is judged: officers' replies
 * to residents and reminders sent 1:1 to a unit's officers.
 */
export const CS_WINDOW_MS = 7 * 24 * 3600_000;

/** May the OA write to someone whose last 1:1 interaction was at `lastAt` (ms; null = never)? */
export function insideCsWindow(lastAt: number | null, now: number): boolean {
  return lastAt !== null && now - lastAt <= CS_WINDOW_MS;
}
