import type { ChatTexts } from "../content/chat-texts.js";
import type { Completion } from "./completions-store.js";
import type { NameProblem } from "./person-name.js";
import type { OfficerRights } from "./officers-store.js";
import type { ProgressReport, UnitProgress, WardProgress } from "./progress-types.js";
import type { Unit } from "./units-store.js";

/**
 * What residents and officers read in chat about completions and progress. The sentences are in
 * content/messages.yaml (`chat:`); this file only picks one and fills in names, counts and lists.
 */

/** “Tổ dân phố số 5” hoặc “Trường THCS …”: the units shown as examples. */
function exampleList(t: ChatTexts, examples: Unit[]): string {
  return examples.map((u) => `“${u.name}”`).join(` ${t.say("completion.or")} `);
}

/** What a person typed, cut to 40 characters for quoting back. */
function shortened(typed: string): string {
  return typed.length > 40 ? `${typed.slice(0, 40)}…` : typed;
}

export function askName(t: ChatTexts, unit: Unit | null): string {
  return unit ? t.say("completion.askName", { unit: unit.name }) : t.say("completion.askNameNoUnit");
}

export function askUnit(t: ChatTexts, fullName: string, examples: Unit[]): string {
  return examples.length
    ? t.say("completion.askUnitExamples", { fullName, examples: exampleList(t, examples) })
    : t.say("completion.askUnit", { fullName });
}

export function nameProblem(t: ChatTexts, problem: NameProblem): string {
  const example = t.say("completion.exampleName");
  switch (problem) {
    case "not_letters":
      return t.say("completion.nameNotLetters", { example });
    case "too_long":
    case "too_many_words":
      return t.say("completion.nameTooLong");
    case "empty":
    case "too_short":
    case "one_word":
      return t.say("completion.nameTooShort", { example });
    case "not_a_name":
      return t.say("completion.nameUnknown", { example });
  }
}

export function unitChoices(t: ChatTexts, units: Unit[]): string {
  const wards = new Set(units.map((u) => u.ward));
  const label = (u: Unit) => (wards.size > 1 ? t.say("completion.unitWithWard", { unit: u.name, ward: u.ward }) : u.name);
  const lines = units.map((u, i) => `${i + 1}) ${label(u)}`);
  const intro = units.length === 1 ? t.say("completion.oneUnitChoice") : t.say("completion.unitChoices");
  return `${intro}\n${lines.join("\n")}\n${t.say("completion.choiceHint")}`;
}

export function chooseNumber(t: ChatTexts, count: number): string {
  return t.say("completion.chooseNumber", { count });
}

export function unitNotFound(t: ChatTexts, typed: string, examples: Unit[]): string {
  return examples.length
    ? t.say("completion.unitNotFoundExamples", { typed: shortened(typed), examples: exampleList(t, examples) })
    : t.say("completion.unitNotFound", { typed: shortened(typed) });
}

export function tooManyUnits(t: ChatTexts, count: number): string {
  return t.say("completion.tooManyUnits", { count });
}

/** No units to record against; after the end, first that the campaign is over. */
export function noUnitsYet(t: ChatTexts, over = false): string {
  return t.say(over ? "completion.noUnitsAfterEnd" : "completion.noUnitsYet");
}

/** After the end: a report in plain words does not count; #xong is how to report an earlier completion. */
export function afterEnd(t: ChatTexts): string {
  return t.say("completion.afterEnd", { syntax: t.say("completion.syntax") });
}

/** Put before what #xong says after the end: the report is kept for officers, the contest is over. */
export function afterEndNote(t: ChatTexts): string {
  return t.say("completion.afterEndNote");
}

export function gaveUp(t: ChatTexts): string {
  return t.say("completion.gaveUp", { syntax: t.say("completion.syntax") });
}

export function recorded(t: ChatTexts, c: { fullName: string }, unit: Unit, updated: boolean): string {
  const vars = { fullName: c.fullName, unit: unit.name };
  return updated ? t.say("completion.updated", vars) : t.say("completion.recorded", vars);
}

export function alreadyRecorded(t: ChatTexts, c: Completion, unit: Unit | null): string {
  return t.say("completion.alreadyRecorded", {
    fullName: c.fullName,
    unit: unit?.name ?? c.unitCode,
    syntax: t.say("completion.syntax"),
  });
}

const vnDate = (d: Date) =>
  new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(d);

export function whatWeHold(t: ChatTexts, c: Completion | null, unit: Unit | null, rights: OfficerRights | null): string {
  const lines: string[] = [];
  if (c) {
    lines.push(t.say("privacy.held", { fullName: c.fullName, unit: unit?.name ?? c.unitCode, date: vnDate(c.firstAt) }));
  } else {
    lines.push(t.say("privacy.nothingHeld", { syntax: t.say("completion.syntax") }));
  }
  if (rights) {
    lines.push(
      rights.all
        ? t.say("privacy.officerAll")
        : rights.units.length
          ? t.say("privacy.officerUnits", { units: rights.units.join(", ") })
          : t.say("privacy.officerNoUnits"),
    );
  }
  if (c) lines.push(t.say("privacy.heldFooter"));
  return lines.join("\n");
}

/** #xoa: what was deleted, kind by kind (counts from the personal-data eraser); never repeats the name. */
export function deleted(t: ChatTexts, gone: Record<string, number>, isOfficer: boolean): string {
  const n = (k: string) => gone[k] ?? 0;
  const lines: string[] = [];
  if (n("completion")) lines.push(t.say("privacy.deletedCompletion"));
  if (n("messages") || n("replies")) lines.push(t.say("privacy.deletedMessages", { messages: n("messages"), replies: n("replies") }));
  if (n("groupReplies")) lines.push(t.say("privacy.deletedGroupReplies", { count: n("groupReplies") }));
  if (n("questions")) lines.push(t.say("privacy.deletedQuestions", { count: n("questions") }));
  if (n("mentions")) lines.push(t.say("privacy.deletedMentions", { count: n("mentions") }));
  if (n("steps")) lines.push(t.say("privacy.deletedSteps", { count: n("steps") }));
  if (n("requests")) lines.push(t.say("privacy.deletedRequests", { count: n("requests") }));
  if (n("official")) lines.push(t.say("privacy.deletedOfficial"));
  const known = new Set([
    "completion",
    "officer",
    "messages",
    "replies",
    "groupReplies",
    "questions",
    "mentions",
    "steps",
    "requests",
    "official",
  ]);
  const other = Object.entries(gone).reduce((s, [k, v]) => s + (known.has(k) ? 0 : v), 0);
  if (other) lines.push(t.say("privacy.deletedOther", { count: other }));
  const head = lines.length ? `${t.say("privacy.deletedHead")}\n${lines.join("\n")}` : t.say("privacy.nothingLeft");
  return isOfficer ? `${head}\n${t.say("privacy.officerKept")}` : head;
}

export function notYourUnit(t: ChatTexts, unit: Unit): string {
  return t.say("officer.notYourUnit", { unit: unit.name, code: unit.code });
}

export function unknownUnit(t: ChatTexts, typed: string): string {
  return t.say("officer.unknownUnit", { typed: shortened(typed) });
}

export function groupTaken(t: ChatTexts, current: Unit): string {
  return t.say("officer.groupTaken", { unit: current.name, code: current.code });
}

export function linked(t: ChatTexts, unit: Unit, previous: Unit | null): string {
  const vars = { unit: unit.name, code: unit.code };
  return previous ? t.say("officer.relinked", { ...vars, previous: previous.name }) : t.say("officer.linked", vars);
}

const pct = (r: number) => `${(Math.round(r * 1000) / 10).toLocaleString("vi-VN")}%`;
const num = (n: number) => n.toLocaleString("vi-VN");

function unitLine(t: ChatTexts, u: UnitProgress): string {
  const vars = { unit: u.name, code: u.code, completed: num(u.completed), target: num(u.target), ratio: pct(u.ratio) };
  return u.behind
    ? t.say("officer.reportUnitBehind", { ...vars, expected: num(Math.ceil(u.expectedByNow)) })
    : t.say("officer.reportUnit", vars);
}

function wardLine(t: ChatTexts, w: WardProgress): string {
  const vars = { ward: w.ward, completed: num(w.completed), target: num(w.target), ratio: pct(w.ratio) };
  return w.behind ? t.say("officer.reportWardBehind", vars) : t.say("officer.reportWard", vars);
}

/** #baocao: the officer's units (and their wards, for an all-units officer), behind pace marked. */
export function progressReport(t: ChatTexts, report: ProgressReport, codes: Set<string> | "all", share: number): string {
  const units = report.units.filter((u) => codes === "all" || codes.has(u.code));
  if (units.length === 0) return t.say("officer.reportNoUnits");
  const lines = [t.say("officer.reportHead", { date: vnDate(new Date(report.asOf)), share: pct(share) })];
  if (codes === "all") for (const w of report.wards) lines.push(wardLine(t, w));
  const behind = units.filter((u) => u.behind).length;
  lines.push(...units.map((u) => unitLine(t, u)));
  lines.push(behind ? t.say("officer.reportSomeBehind", { behind, count: units.length }) : t.say("officer.reportAllOnPace"));
  return lines.join("\n");
}
