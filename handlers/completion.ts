import { Composer, parseCommand } from "../src/bot/composer.js";
import type { BotContext } from "../src/bot/context.js";
import * as say from "../src/people/chat-texts.js";
import { splitNameAndUnit } from "../src/people/completion-args.js";
import { looksLikeCompletion } from "../src/people/completion-intent.js";
import { checkFullName, introducedName } from "../src/people/person-name.js";
import type { Unit } from "../src/people/units-store.js";

/** Dialog steps of the completion flow (ctx.session, per sender per conversation, 30 minutes). */
export const STEP_NAME = "completion:name";
export const STEP_UNIT = "completion:unit";
export const STEP_CHOICE = "completion:unit-choice";
const STEP_TTL_MS = 30 * 60_000;
const MAX_TRIES = 3;
const INTENT = "completion";

interface NameStep {
  tries: number;
}
interface UnitStep {
  name: string;
  tries: number;
}
interface ChoiceStep {
  name: string;
  codes: string[];
  tries: number;
}

const DIGIT = /^\s*(?:s[ốo]\s*)?([1-9])\s*[.)]?\s*$/iu;

/** The campaign has ended: a report then is an earlier completion or does not count. */
function isOver(ctx: BotContext): boolean {
  return ctx.services.faq.phase(ctx.services.clock.now()) === "after";
}

/** The unit of the OA group this was written in, when the group is linked to one. */
function groupUnit(ctx: BotContext): Unit | null {
  return ctx.conversation.kind === "group" ? ctx.services.people.units.byGroupId(ctx.conversation.id) : null;
}

/** One residential and one agency unit, to show what a unit name looks like. */
function examples(ctx: BotContext): Unit[] {
  const all = ctx.services.people.units.all();
  return [all.find((u) => u.kind === "residential"), all.find((u) => u.kind === "agency")].filter((u): u is Unit => u !== undefined);
}

function save(ctx: BotContext, name: string, unit: Unit): void {
  const { completions } = ctx.services.people;
  const source = parseCommand(ctx.text)?.name === "xong" ? "command" : "dialog";
  const { created } = completions.upsert(
    { zaloUserId: ctx.senderId!, fullName: name, unitCode: unit.code, source },
    ctx.services.clock.now(),
  );
  ctx.session.clear();
  ctx.intent = INTENT;
  ctx.log.info({ unit: unit.code, created }, "completion recorded");
  const done = say.recorded(ctx.services.texts, { fullName: name }, unit, !created);
  ctx.reply(isOver(ctx) ? `${say.afterEndNote(ctx.services.texts)}\n${done}` : done);
}

/** No units imported yet: nothing can be recorded (after the end, it says first that the campaign is over). */
function noUnits(ctx: BotContext): void {
  ctx.session.clear();
  ctx.reply(say.noUnitsYet(ctx.services.texts, isOver(ctx)));
}

/** Resolves the unit text and either saves, offers numbered choices or asks again. */
function withUnitText(ctx: BotContext, name: string, unitText: string, tries: number): void {
  ctx.intent = INTENT;
  const { resolver, units } = ctx.services.people;
  if (units.count() === 0) {
    noUnits(ctx);
    return;
  }
  const r = resolver.resolve(unitText);
  if (r.kind === "found") {
    save(ctx, name, r.unit);
    return;
  }
  if (tries + 1 >= MAX_TRIES) {
    ctx.session.clear();
    ctx.reply(say.gaveUp(ctx.services.texts));
    return;
  }
  if (r.kind === "choices") {
    ctx.session.set(STEP_CHOICE, { name, codes: r.units.map((u) => u.code), tries: tries + 1 } satisfies ChoiceStep, STEP_TTL_MS);
    ctx.reply(say.unitChoices(ctx.services.texts, r.units));
    return;
  }
  ctx.session.set(STEP_UNIT, { name, tries: tries + 1 } satisfies UnitStep, STEP_TTL_MS);
  ctx.reply(
    r.kind === "too_many" ? say.tooManyUnits(ctx.services.texts, r.count) : say.unitNotFound(ctx.services.texts, unitText, examples(ctx)),
  );
}

/** Has a valid name: the group's unit, the typed unit, or ask for the unit. */
function withName(ctx: BotContext, name: string, unitText: string): void {
  ctx.intent = INTENT;
  if (unitText) {
    withUnitText(ctx, name, unitText, 0);
    return;
  }
  const unit = groupUnit(ctx);
  if (unit) {
    save(ctx, name, unit);
    return;
  }
  if (ctx.services.people.units.count() === 0) {
    noUnits(ctx);
    return;
  }
  ctx.session.set(STEP_UNIT, { name, tries: 0 } satisfies UnitStep, STEP_TTL_MS);
  ctx.reply(say.askUnit(ctx.services.texts, name, examples(ctx)));
}

/** "<họ và tên>[, <đơn vị>]" typed after #xong or while we wait for the name. */
function withNameAndUnit(ctx: BotContext, text: string, tries: number): void {
  ctx.intent = INTENT;
  const { name, unit } = splitNameAndUnit(text, ctx.services.people.resolver);
  const check = checkFullName(name);
  if (check.ok) {
    withName(ctx, check.name, unit);
    return;
  }
  if (tries + 1 >= MAX_TRIES) {
    ctx.session.clear();
    ctx.reply(say.gaveUp(ctx.services.texts));
    return;
  }
  ctx.session.set(STEP_NAME, { tries: tries + 1 } satisfies NameStep, STEP_TTL_MS);
  ctx.reply(say.nameProblem(ctx.services.texts, check.problem));
}

/** Asks for the full name, unless the report already gave it ("em là Hoàng Văn Nam, em đã hoàn thành …"). */
function startFlow(ctx: BotContext, introduced: string | null = null): void {
  ctx.intent = INTENT;
  if (introduced) {
    withName(ctx, introduced, "");
    return;
  }
  ctx.session.set(STEP_NAME, { tries: 0 } satisfies NameStep, STEP_TTL_MS);
  ctx.reply(say.askName(ctx.services.texts, groupUnit(ctx)));
}

/**
 * Not an answer to our step: in a group, anything but a plausible answer (members chat among themselves);
 * in 1:1, a question the FAQ answers with confidence. The step waits for the next message (or expires).
 */
function notAnAnswer(ctx: BotContext): boolean {
  if (ctx.conversation.kind === "group") return true;
  return ctx.services.faq.ask(ctx.text, ctx.services.clock.now()).kind === "answer";
}

/** A reply to the step we are waiting for; returns false when the message is not one (let others have it). */
function continueFlow(ctx: BotContext): boolean {
  const step = ctx.session.get<NameStep | UnitStep | ChoiceStep>();
  if (!step?.kind.startsWith("completion:")) return false;
  if (ctx.text.includes("?")) return false;
  const unitUnknown = () => ctx.services.people.resolver.resolve(ctx.text).kind === "none";

  if (step.kind === STEP_NAME) {
    const tries = (step.data as NameStep).tries;
    const { name } = splitNameAndUnit(ctx.text, ctx.services.people.resolver);
    if (!checkFullName(name).ok && notAnAnswer(ctx)) return false;
    withNameAndUnit(ctx, ctx.text, tries);
    return true;
  }
  if (step.kind === STEP_UNIT) {
    const { name, tries } = step.data as UnitStep;
    if (unitUnknown() && notAnAnswer(ctx)) return false;
    withUnitText(ctx, name, ctx.text, tries);
    return true;
  }
  if (step.kind === STEP_CHOICE) {
    const { name, codes, tries } = step.data as ChoiceStep;
    const m = DIGIT.exec(ctx.text);
    if (!m) {
      if (unitUnknown() && notAnAnswer(ctx)) return false;
      withUnitText(ctx, name, ctx.text, tries);
      return true;
    }
    const code = codes[Number(m[1]) - 1];
    const unit = code ? ctx.services.people.units.byCode(code) : null;
    ctx.intent = INTENT;
    if (!unit) {
      ctx.reply(say.chooseNumber(ctx.services.texts, codes.length));
      return true;
    }
    save(ctx, name, unit);
    return true;
  }
  return false;
}

/**
 * Completion reports: `#xong <họ và tên>, <đơn vị>` in one message, or the natural flow
 * ("em thi xong rồi ạ" → full name → unit, with numbered choices when ambiguous → confirmation).
 * In a group linked to a unit, the unit is known. A second report updates the first.
 */
export const completionHandlers = new Composer().filter(
  (ctx) => ctx.senderId !== null && /_text$/.test(ctx.eventName),
  new Composer()
    .command("xong", (ctx) => {
      const args = ctx.command?.args ?? "";
      if (!args) return startFlow(ctx);
      withNameAndUnit(ctx, args, 0);
    })
    .use((ctx, next) => {
      if (parseCommand(ctx.text)) return next();
      if (continueFlow(ctx)) return;
      if (!looksLikeCompletion(ctx.text, ctx.services.faq.content.lexicon.reports)) return next();
      const existing = ctx.services.people.completions.get(ctx.senderId!);
      if (existing) {
        ctx.intent = INTENT;
        ctx.reply(say.alreadyRecorded(ctx.services.texts, existing, ctx.services.people.units.byCode(existing.unitCode)));
        return;
      }
      // "em vừa làm xong bài thi" after the end: it does not count; an earlier completion is reported with #xong.
      if (isOver(ctx)) {
        ctx.intent = INTENT;
        ctx.reply(say.afterEnd(ctx.services.texts));
        return;
      }
      startFlow(ctx, introducedName(ctx.text));
    })
    .middleware(),
);
