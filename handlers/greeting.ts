import { Composer } from "../src/bot/composer.js";
import type { BotContext } from "../src/bot/context.js";
import { smalltalkKind, type SmalltalkKind } from "../src/faq/smalltalk.js";

function greetingText(ctx: BotContext): string {
  const { faq } = ctx.services;
  return faq.say(faq.messages.greeting, ctx.services.clock.now());
}

/** The menu: what to ask, with the hotline. */
export function helpText(ctx: BotContext): string {
  const { faq } = ctx.services;
  const h = faq.messages.help;
  return faq.say([h.intro, ...h.examples.map((e) => `• ${e}`), h.outro].join("\n"), ctx.services.clock.now());
}

function smalltalkText(ctx: BotContext, kind: SmalltalkKind): string {
  const { faq } = ctx.services;
  const now = ctx.services.clock.now();
  const m = faq.messages;
  switch (kind) {
    case "greeting":
      return greetingText(ctx);
    case "thanks":
    case "ack":
      return faq.say(m.thanks, now);
    case "goodbye":
      return faq.say(m.goodbye, now);
    case "help":
      return helpText(ctx);
    case "guide":
      return faq.say(m.guide, now);
  }
}

/**
 * Follow and "Nhắn tin" (chat now) events, and small talk: greetings, thanks, "menu"/"help", and "hướng dẫn"/"video" (the guide
 * and the video). A greeting followed by a question ("chào ad, bao giờ hết hạn?") is left to the FAQ.
 */
export const greetingHandlers = new Composer()
  // user_click_chatnow: a user tapped "Nhắn tin" and has never chatted; Zalo lets the OA write first.
  .on(["follow", "user_click_chatnow"], (ctx) => {
    ctx.intent = "greeting";
    ctx.reply(`${greetingText(ctx)}\n${helpText(ctx)}`);
  })
  .on("unfollow", (ctx) => {
    ctx.intent = "unfollow";
  })
  .filter(
    (ctx) => ctx.text !== "" && smalltalkKind(ctx.text, ctx.services.faq.analyse) !== null,
    (ctx) => {
      const kind = smalltalkKind(ctx.text, ctx.services.faq.analyse)!;
      ctx.intent = kind;
      ctx.reply(smalltalkText(ctx, kind));
    },
  );
