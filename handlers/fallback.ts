import type { Middleware } from "../src/bot/composer.js";
import { smalltalkWithin } from "../src/faq/smalltalk.js";
import { countFaq } from "./faq.js";
import { smalltalkText } from "./greeting.js";

/**
 * Runs when no handler claimed a message: records the question for officers and, in a 1:1 chat,
 * offers the hotline, the support group and the guide, or, for a question on another topic, says
 * plainly that the bot only knows this campaign. Events without text get no reply; in OA groups
 * the bot stays silent (members talk among themselves there).
 */
export const fallback: Middleware = (ctx) => {
  ctx.intent = null;
  if (!ctx.text) return;
  const { unanswered, faq, clock } = ctx.services;
  const now = clock.now();
  // "bạn là người hay máy vậy", "bot ngu thế…": about the bot, not a question to record or send on.
  const talk = ctx.conversation.kind === "user" ? smalltalkWithin(ctx.text, faq.analyse) : null;
  if (talk) {
    ctx.intent = talk;
    ctx.reply(smalltalkText(ctx, talk));
    return;
  }
  countFaq(ctx, "fallback");
  const analysis = faq.analyse(ctx.text);
  const asked = { key: analysis.key, text: ctx.text, conversationId: ctx.conversation.id, userId: ctx.senderId ?? "", at: now };
  if (ctx.conversation.kind === "group") {
    // Group chatter is not a question to the bot; keep only what reads as one.
    const asks = ctx.text.includes("?") || analysis.readings.some((r) => r.markers.length > 0);
    if (asks) unanswered.record({ ...asked, conversationKind: "group" });
    return;
  }
  unanswered.record({ ...asked, conversationKind: "user" });
  // Something else entirely (weather, gold price): say plainly what the bot knows, no contest hotline.
  const { offTopic, fallback: unknown } = faq.messages;
  ctx.reply(faq.say(offTopic && faq.offTopic(ctx.text) ? offTopic : unknown, now));
};
