import { Composer, parseCommand } from "../src/bot/composer.js";
import { looksLikeCompletion } from "../src/people/completion-intent.js";

/**
 * Someone chatting without following the OA (anonymous_send_*) has no stable Zalo id, so a completion report
 * cannot be counted: it is declined politely, with how to report once following. Questions go on to the FAQ.
 */
export const anonymousHandlers = new Composer().filter(
  (ctx) => ctx.event.family === "anonymous_message" && ctx.text !== "",
  (ctx, next) => {
    const name = parseCommand(ctx.text)?.name;
    if (name !== "xong" && !(name === undefined && looksLikeCompletion(ctx.text, ctx.services.faq.content.lexicon.reports))) return next();
    const { faq, clock } = ctx.services;
    ctx.intent = "anonymous-report";
    ctx.reply(faq.say(faq.messages.anonymousReport, clock.now()));
  },
);
