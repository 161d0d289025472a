import { join } from "node:path";
import { z } from "zod";
import { readYaml } from "../content/read-yaml.js";
import { ContentError } from "../errors.js";
import type { UnitProgress } from "../people/progress-types.js";

const templateSchema = z.strictObject({
  reminder: z.string().min(10).max(1500),
  days_left_line: z.strictObject({ many: z.string().min(1), last: z.string().min(1), ended: z.string().min(1) }),
  summary: z.string().min(1),
});
export type ReminderTemplate = z.infer<typeof templateSchema>;

const KNOWN = new Set([
  "unit",
  "ward",
  "completed",
  "target",
  "percent",
  "expected",
  "days_left",
  "days_left_line",
  "deadline",
  "course_url",
  "guide_url",
  "hotline",
  "sent",
  "failed",
  "skipped",
]);

/** Loads content/templates/reminder.yaml; unknown {placeholders} are an error an officer sees at start. */
export function loadReminderTemplate(contentDir: string): ReminderTemplate {
  const t = readYaml(join(contentDir, "templates", "reminder.yaml"), templateSchema);
  for (const text of [t.reminder, t.summary, ...Object.values(t.days_left_line)]) {
    for (const m of text.matchAll(/\{([a-z_]+)\}/g)) {
      if (!KNOWN.has(m[1]!)) throw new ContentError([`templates/reminder.yaml: unknown placeholder {${m[1]}}`]);
    }
  }
  return t;
}

export function fill(text: string, vars: Record<string, string | number>): string {
  return text.replace(/\{([a-z_]+)\}/g, (all, k: string) => (k in vars ? String(vars[k]) : all));
}

/** Whole days from `now` to the campaign's last day, counted in Vietnam's calendar. */
export function daysLeft(now: Date, end: Date): number {
  const vnDay = (d: Date) => Math.floor((d.getTime() + 7 * 3600_000) / 86_400_000);
  return vnDay(end) - vnDay(now);
}

export interface ReminderFacts {
  end: Date;
  deadline: string;
  courseUrl: string;
  guideUrl: string;
  hotline: string;
}

/** The reminder text for one unit; an officer's own text gets the same placeholders. */
export function renderReminder(t: ReminderTemplate, u: UnitProgress, now: Date, f: ReminderFacts, custom?: string): string {
  const left = daysLeft(now, f.end);
  const base = {
    unit: u.name,
    ward: u.ward,
    completed: u.completed,
    target: u.target,
    percent: u.target > 0 ? Math.floor((u.completed / u.target) * 100) : 100,
    expected: Math.ceil(u.expectedByNow),
    days_left: Math.max(0, left),
    deadline: f.deadline,
    course_url: f.courseUrl,
    guide_url: f.guideUrl,
    hotline: f.hotline,
  };
  const line = left > 0 ? t.days_left_line.many : left === 0 ? t.days_left_line.last : t.days_left_line.ended;
  const vars = { ...base, days_left_line: fill(line, base) };
  return fill(custom ?? t.reminder, vars)
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}
