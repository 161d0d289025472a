import { Composer } from "../src/bot/composer.js";
import type { BotContext } from "../src/bot/context.js";
import { smalltalkKind, type SmalltalkKind } from "../src/faq/smalltalk.js";
import { offerChoice } from "./faq.js";

/** The numbered menu; in a 1:1 chat a digit then opens the item, as after "Bạn muốn hỏi". */
export function helpText(ctx: BotContext): string {
  const { text, ids } = ctx.services.faq.menu(ctx.services.clock.now());
  if (ctx.conversation.kind === "user") offerChoice(ctx, ids);
  return text;
}

export function smalltalkText(ctx: BotContext, kind: SmalltalkKind): string {
  const { faq } = ctx.services;
  const now = ctx.services.clock.now();
  const m = faq.messages;
  switch (kind) {
    case "greeting":
      return faq.chat("greeting", now);
    case "thanks":
    case "ack":
      return faq.chat("thanks", now);
    case "goodbye":
      return faq.say(m.goodbye, now);
    case "help":
      return helpText(ctx);
    case "guide":
      return faq.chat("guide", now);
    case "about":
      return faq.say(m.aboutBot ?? m.greeting, now);
    case "insult":
      return faq.say(m.insult ?? m.greeting, now);
  }
}

/** A message's small-talk kind, read once for the filter and the handler (the analyser is a tenth of a message's cost). */
const kinds = new WeakMap<BotContext, SmalltalkKind | null>();
function kindOf(ctx: BotContext): SmalltalkKind | null {
  if (!kinds.has(ctx)) kinds.set(ctx, ctx.text === "" ? null : smalltalkKind(ctx.text, ctx.services.faq.analyse));
  return kinds.get(ctx)!;
}

/**
 * Follow and "Nhắn tin" (chat now) events, and small talk: greetings, thanks, "menu"/"help", "hướng dẫn"/"video"
 * (the guide and the video), questions about the bot itself and rude words (a polite word back, no hotline).
 * A greeting followed by a question ("chào ad, bao giờ hết hạn?") is left to the FAQ.
 */
export const greetingHandlers = new Composer()
  // user_click_chatnow: a user tapped "Nhắn tin" and has never chatted; Zalo lets the OA write first.
  .on(["follow", "user_click_chatnow"], (ctx) => {
    ctx.intent = "greeting";
    const now = ctx.services.clock.now();
    ctx.reply(`${ctx.services.faq.chat("greeting", now)}\n${helpText(ctx)}`);
  })
  .on("unfollow", (ctx) => {
    ctx.intent = "unfollow";
  })
  .filter(
    (ctx) => kindOf(ctx) !== null,
    (ctx) => {
      const kind = kindOf(ctx)!;
      ctx.intent = kind;
      ctx.reply(smalltalkText(ctx, kind));
    },
  );
