import type { CampaignWindow } from "../shared/campaign-window.js";

export type Phase = "before" | "during" | "after";

export function phaseAt(now: Date, window: CampaignWindow): Phase {
  if (now < window.start) return "before";
  if (now > window.end) return "after";
  return "during";
}

const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** Calendar day number in Asia/Ho_Chi_Minh (no DST there, so a fixed +07:00 is exact). */
function vnDay(d: Date): number {
  return Math.floor((d.getTime() + VN_OFFSET_MS) / DAY_MS);
}

/** Whole calendar days from today to the given instant's day, in Vietnam time (0 = same day). */
export function daysUntil(now: Date, target: Date): number {
  return vnDay(target) - vnDay(now);
}
