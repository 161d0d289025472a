import { vnDate } from "../shared/vietnam-time.js";
import type { FaqOutcomeStore } from "../stores/faq-outcome-store.js";
import type { TaughtStore } from "../stores/taught-store.js";

export interface QualityDay {
  day: string;
  answered: number;
  suggested: number;
  fallback: number;
  taught: number;
}

/** Per day (Vietnam time), the last `days` days: questions answered, offered a choice, fallen back; items taught. */
export function qualityByDay(outcomes: FaqOutcomeStore, taught: TaughtStore, now: Date, days = 14): QualityDay[] {
  const from = new Date(now.getTime() - (days - 1) * 24 * 3600_000);
  const first = vnDate(from);
  const byDay = new Map<string, QualityDay>();
  const day = (d: string) => {
    const q = byDay.get(d) ?? { day: d, answered: 0, suggested: 0, fallback: 0, taught: 0 };
    byDay.set(d, q);
    return q;
  };
  for (const o of outcomes.since(first)) Object.assign(day(o.day), o);
  for (const at of taught.taughtSince(from.getTime() - 24 * 3600_000)) {
    const d = vnDate(at);
    if (d >= first) day(d).taught++;
  }
  return [...byDay.values()].sort((a, b) => a.day.localeCompare(b.day));
}
