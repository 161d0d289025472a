import type { CampaignWindow } from "../shared/campaign-window.js";
import { vnDaysBetween } from "../shared/vietnam-time.js";

export type Phase = "before" | "during" | "after";

export function phaseAt(now: Date, window: CampaignWindow): Phase {
  if (now < window.start) return "before";
  if (now > window.end) return "after";
  return "during";
}

/** Whole calendar days from today to the given instant's day, in Vietnam time (0 = same day). */
export function daysUntil(now: Date, target: Date): number {
  return vnDaysBetween(now, target);
}
