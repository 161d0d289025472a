import { join } from "node:path";
import { z } from "zod";
import { readYaml } from "../content/read-yaml.js";
import { placeholders, render } from "../content/template.js";
import { ContentError } from "../errors.js";
import type { UnitProgress } from "../people/progress-types.js";
import type { ReminderRoute, RouteReason } from "./broadcast-planner.js";
import { vnDaysBetween } from "../shared/vietnam-time.js";

const text = z.string().min(1);
const templateSchema = z.strictObject({
  reminder: z.string().min(10).max(1500),
  days_left_line: z.strictObject({ many: text, last: text, ended: text }),
  /** A unit without an OA group: sent 1:1 to its officer (note, then the text to forward), or listed to copy (forward). */
  officer: z.strictObject({ note: text, forward: z.string().min(10).max(1500) }),
  routes: z.strictObject({ group: text, officer: text, copy: text }),
  reasons: z.strictObject({ group: text, officerInWindow: text, noOfficer: text, officerOutsideWindow: text }),
  groupStates: z.strictObject({ disabled: text, not_owned: text, package: text, member_limit: text }),
  expectedDuration: text,
  statuses: z.strictObject({ sent: text, failed: text, open: text, copy: text, skipped: text }),
  summary: text,
  summaryLine: text,
  summarySkipped: text,
  summaryMore: text,
});
export type ReminderTemplate = z.infer<typeof templateSchema>;

export const REMINDER_FILE = join("templates", "reminder.yaml");

/** Placeholders filled per unit (besides the campaign's own: {{name}}, {{hotline}}, {{links.NAME}}, …). */
const UNIT_NAMES = ["unit", "ward", "completed", "target", "percent", "expected", "days_left", "days_left_line", "deadline"];
const SUMMARY_NAMES = ["sent", "failed", "skipped", "groups", "officers", "copy"];
/** Placeholders of the other texts, each beside its own names. */
const OTHER_NAMES: Record<string, string[]> = {
  "routes.officer": ["officer"],
  "reasons.officerInWindow": ["days_ago"],
  "reasons.officerOutsideWindow": ["days_ago"],
  expectedDuration: ["minutes", "messages", "per_minute"],
  summaryLine: ["unit", "route", "status", "reason"],
  summarySkipped: ["unit", "status", "reason"],
  summaryMore: ["count"],
};

/**
 * Loads content/templates/reminder.yaml; an unknown {{placeholder}} is an error an officer sees at start.
 * `campaignNames`: the campaign's placeholders (templateNames in src/content/faq-content.ts).
 */
export function loadReminderTemplate(contentDir: string, campaignNames: ReadonlySet<string>): ReminderTemplate {
  const t = readYaml(join(contentDir, REMINDER_FILE), templateSchema);
  const known = new Set([...UNIT_NAMES, ...campaignNames]);
  const problems: string[] = [];
  const check = (where: string, text: string, names: ReadonlySet<string>) => {
    for (const p of placeholders(text)) if (!names.has(p)) problems.push(`${REMINDER_FILE}: ${where}: unknown placeholder {{${p}}}`);
  };
  check("reminder", t.reminder, known);
  for (const [k, line] of Object.entries(t.days_left_line)) check(`days_left_line.${k}`, line, known);
  check("officer.note", t.officer.note, known);
  check("officer.forward", t.officer.forward, known);
  check("summary", t.summary, new Set(SUMMARY_NAMES));
  for (const section of ["routes", "reasons", "groupStates", "statuses"] as const) {
    for (const [k, line] of Object.entries(t[section])) check(`${section}.${k}`, line, new Set(OTHER_NAMES[`${section}.${k}`] ?? []));
  }
  for (const k of ["expectedDuration", "summaryLine", "summarySkipped", "summaryMore"] as const) check(k, t[k], new Set(OTHER_NAMES[k]));
  if (problems.length) throw new ContentError(problems);
  return t;
}

/** Whole days from `now` to the campaign's last day, counted in Vietnam's calendar. */
export function daysLeft(now: Date, end: Date): number {
  return vnDaysBetween(now, end);
}

export interface ReminderFacts {
  /** The campaign window: reminders go out only inside it. */
  start: Date;
  end: Date;
  /** The first and last day, dd/mm/yyyy. */
  opens: string;
  deadline: string;
  /** The campaign's placeholders (campaignVars): name, hotline, links.NAME, … */
  vars: Readonly<Record<string, string>>;
}

/**
 * The reminder text for one unit; an officer's own text gets the same {{placeholders}}. `form`: "group" (the OA
 * posts it in the unit's group), "forward" (a text for the unit's members that an officer forwards to the unit's
 * own group), "officer" (sent 1:1 to that officer: a note to them, then the text to forward).
 */
export function renderReminder(
  t: ReminderTemplate,
  u: UnitProgress,
  now: Date,
  f: ReminderFacts,
  custom?: string,
  form: "group" | "forward" | "officer" = "group",
): string {
  const left = daysLeft(now, f.end);
  const base: Record<string, string> = {
    ...f.vars,
    unit: u.name,
    ward: u.ward,
    completed: String(u.completed),
    target: String(u.target),
    percent: String(u.target > 0 ? Math.floor((u.completed / u.target) * 100) : 100),
    expected: String(Math.ceil(u.expectedByNow)),
    days_left: String(Math.max(0, left)),
    deadline: f.deadline,
  };
  const line = left > 0 ? t.days_left_line.many : left === 0 ? t.days_left_line.last : t.days_left_line.ended;
  const vars = { ...base, days_left_line: render(line, base) };
  const fill = (text: string) =>
    render(text, vars)
      .replace(/\n{3,}/g, "\n\n")
      .trim();
  if (form === "group") return fill(custom ?? t.reminder);
  const forward = fill(custom ?? t.officer.forward);
  return form === "forward" ? forward : `${fill(t.officer.note)}\n\n${forward}`;
}

/** The summary sent to the officer who asked, when a broadcast ends: counts, then per unit its route and why. */
export function renderSummary(
  t: ReminderTemplate,
  counts: { sent: number; failed: number; leftOut: number; sentGroups: number; sentOfficers: number; copy: number },
  lines: { unit: string; route: string; status: string; reason: string }[] = [],
  maxLines = 15,
): string {
  const head = render(t.summary, {
    sent: String(counts.sent),
    failed: String(counts.failed),
    skipped: String(counts.leftOut),
    groups: String(counts.sentGroups),
    officers: String(counts.sentOfficers),
    copy: String(counts.copy),
  }).trim();
  const shown = lines.slice(0, maxLines).map((l) => render(l.route ? t.summaryLine : t.summarySkipped, l).trim());
  const more = lines.length > maxLines ? [render(t.summaryMore, { count: String(lines.length - maxLines) }).trim()] : [];
  return [head, ...shown, ...more].join("\n");
}

const DAY_MS = 86_400_000;

/** Why a unit's reminder took its route, as officers read it; `at`: when the broadcast was planned. */
export function renderRouteReason(t: ReminderTemplate, r: RouteReason, at: number): string {
  if (r.code === "group" || r.code === "noOfficer") return t.reasons[r.code];
  const daysAgo = r.lastMessageAt === null ? "" : String(Math.max(0, Math.floor((at - r.lastMessageAt) / DAY_MS)));
  return render(t.reasons[r.code], { days_ago: daysAgo }).trim();
}

/** Which way it went, as officers read it; `officer`: the officer's name (or Zalo id) for route "officer". */
export function renderRoute(t: ReminderTemplate, route: ReminderRoute, officer: string | null = null): string {
  return render(t.routes[route], { officer: officer ?? "" })
    .replace(/\s{2,}/g, " ")
    .trim();
}

/** How long a broadcast of `messages` takes under the API budget, as officers read it before confirming. */
export function renderExpectedDuration(t: ReminderTemplate, messages: number, minutes: number, perMinute: number): string {
  return render(t.expectedDuration, { messages: String(messages), minutes: String(minutes), per_minute: String(perMinute) }).trim();
}
