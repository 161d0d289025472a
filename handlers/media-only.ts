import { Composer } from "../src/bot/composer.js";
import { helpText } from "./greeting.js";

/**
 * An image, sticker, file, voice, link or location with no text, in a 1:1 chat (followed or anonymous): one
 * short reply saying the bot reads text, and the menu. In groups members share pictures among themselves:
 * silence there.
 */
export const mediaOnlyHandlers = new Composer().filter(
  (ctx) =>
    ctx.text === "" &&
    (ctx.event.family === "user_message" || ctx.event.family === "anonymous_message") &&
    !ctx.eventName.endsWith("_send_text"),
  (ctx) => {
    const { faq, clock } = ctx.services;
    ctx.intent = "text-only";
    ctx.reply(`${faq.say(faq.messages.textOnly, clock.now())}\n${helpText(ctx)}`);
  },
);
