import { join } from "node:path";
import { z } from "zod";
import { readYaml } from "../content/read-yaml.js";
import { placeholders, render } from "../content/template.js";
import { ContentError } from "../errors.js";
import type { UnitProgress } from "../people/progress-types.js";
import { vnDaysBetween } from "../shared/vietnam-time.js";

const templateSchema = z.strictObject({
  reminder: z.string().min(10).max(1500),
  days_left_line: z.strictObject({ many: z.string().min(1), last: z.string().min(1), ended: z.string().min(1) }),
  summary: z.string().min(1),
});
export type ReminderTemplate = z.infer<typeof templateSchema>;

export const REMINDER_FILE = join("templates", "reminder.yaml");

/** Placeholders filled per unit (besides the campaign's own: {{name}}, {{hotline}}, {{links.NAME}}, …). */
const UNIT_NAMES = ["unit", "ward", "completed", "target", "percent", "expected", "days_left", "days_left_line", "deadline"];
const SUMMARY_NAMES = ["sent", "failed", "skipped"];

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
  check("summary", t.summary, new Set(SUMMARY_NAMES));
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

/** The reminder text for one unit; an officer's own text gets the same {{placeholders}}. */
export function renderReminder(t: ReminderTemplate, u: UnitProgress, now: Date, f: ReminderFacts, custom?: string): string {
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
  return render(custom ?? t.reminder, vars)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The summary sent to the officer who asked, when a broadcast ends. */
export function renderSummary(t: ReminderTemplate, counts: { sent: number; failed: number; skipped: number }): string {
  return render(t.summary, { sent: String(counts.sent), failed: String(counts.failed), skipped: String(counts.skipped) }).trim();
}
