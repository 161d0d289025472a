import { Composer } from "../src/bot/composer.js";
import type { BotContext } from "../src/bot/context.js";
import { MAX_REPLY } from "../src/faq/faq-engine.js";
import { smalltalkWithin } from "../src/faq/smalltalk.js";
import { metrics } from "../src/observability/metrics.js";
import type { FaqOutcome } from "../src/stores/faq-outcome-store.js";

/** Counts a question's outcome for /metrics and the dashboard's per-day figures. */
export function countFaq(ctx: BotContext, outcome: FaqOutcome): void {
  metrics.faqTotal.inc({ outcome });
  ctx.services.loop.outcomes.count(outcome, ctx.services.clock.now());
}

/** Dialog step after "Bạn muốn hỏi: 1) … 2) …": the resident answers with a digit. */
export const FAQ_CHOICE = "faq-choice";
const CHOICE_TTL_MS = 10 * 60_000;
const DIGIT = /^\s*(?:s[ốo]\s*|c[âa]u\s*)?([1-9])\s*[.)]?\s*$/iu;

interface ChoiceData {
  ids: string[];
}

/** Waits for a digit picking one of these entries (after "Bạn muốn hỏi", "Bạn cũng có thể hỏi" or the menu). */
export function offerChoice(ctx: BotContext, ids: string[]): void {
  ctx.session.set(FAQ_CHOICE, { ids } satisfies ChoiceData, CHOICE_TTL_MS);
}

/** A digit answering our last "Bạn muốn hỏi" list; returns true when it claimed the message. */
function answerChoice(ctx: BotContext): boolean {
  const step = ctx.session.get<ChoiceData>();
  if (!step || step.kind !== FAQ_CHOICE) return false;
  const m = DIGIT.exec(ctx.text);
  if (!m) {
    ctx.session.clear();
    return false;
  }
  const { faq, clock } = ctx.services;
  const id = step.data.ids[Number(m[1]) - 1];
  const entry = id ? faq.entry(id) : undefined;
  if (!entry) {
    ctx.intent = FAQ_CHOICE;
    ctx.reply(ctx.services.texts.say("faq.pickNumber", { count: step.data.ids.length }));
    return true;
  }
  ctx.session.clear();
  ctx.intent = entry.id;
  countFaq(ctx, "answered");
  ctx.reply(faq.answer(entry, clock.now()));
  return true;
}

/**
 * The FAQ: a confident match answers (intent = the entry id); a middle-confidence one offers
 * "Bạn muốn hỏi: 1) … 2) … 3) …" and waits for the digit; otherwise the fallback runs.
 * In OA groups only confident answers are sent: members talk among themselves there.
 */
export const faqHandlers = new Composer().filter(
  (ctx) => ctx.text !== "" && /_text$/.test(ctx.eventName),
  (ctx, next) => {
    if (ctx.conversation.kind === "user" && answerChoice(ctx)) return;
    if (!/\p{L}/u.test(ctx.text)) return next();
    ctx.services.loop.teach.refresh(); // taught from the dashboard, maybe in another thread
    const res = ctx.services.faq.ask(ctx.text, ctx.services.clock.now());
    ctx.log.debug({ faq: res.kind, confidence: res.confidence, key: res.key }, "faq");
    if (res.kind === "answer") {
      countFaq(ctx, "answered");
      ctx.intent = res.id;
      // In 1:1, other entries nearly as close are offered after the answer, a digit away (not after a long
      // answer to several questions: the two messages together must still read on a phone).
      const offered = ctx.conversation.kind === "user" ? ctx.services.faq.alsoText(res.also) : "";
      const also = res.text.length + offered.length < MAX_REPLY ? offered : "";
      if (also) offerChoice(ctx, res.also);
      ctx.reply(res.text);
      if (also) ctx.reply(also);
      return;
    }
    // "bạn là người thật hay máy trả lời vậy": a guess among entries is worse than the bot's own answer.
    const within = res.kind === "suggest" ? smalltalkWithin(ctx.text, ctx.services.faq.analyse) : null;
    const aboutBot = within === "about" || within === "insult";
    if (res.kind === "suggest" && ctx.conversation.kind === "user" && !aboutBot) {
      offerChoice(ctx, res.ids);
      countFaq(ctx, "suggested");
      ctx.intent = "faq-suggest";
      ctx.reply(res.text);
      return;
    }
    return next();
  },
);
