import { Composer } from "../src/bot/composer.js";
import { broadcastHandlers } from "./broadcast-command.js";
import { completionHandlers } from "./completion.js";
import { faqHandlers } from "./faq.js";
import { anonymousHandlers } from "./anonymous.js";
import { greetingHandlers } from "./greeting.js";
import { mediaOnlyHandlers } from "./media-only.js";
import { humanReplyHandlers, takeoverGate } from "./human-takeover.js";
import { officerHandlers } from "./officer-commands.js";
import { privacyHandlers } from "./privacy.js";

export { fallback } from "./fallback.js";

/**
 * The order handlers get a message in: the first that claims it answers.
 * Human replies → lifecycle events → commands → a step in progress → completion reports → human takeover gate →
 * small talk → FAQ → fallback.
 */
export function buildHandlers(): Composer {
  return (
    new Composer()
      // an OA admin answered by hand (oa_send_* with sender.admin_id): the bot pauses in that chat
      .use(humanReplyHandlers.middleware())
      // lifecycle & commands (completions, officers, broadcasts) go here
      .use(privacyHandlers.middleware())
      // anonymous chats: a completion report cannot be counted (no stable id); declined politely
      .use(anonymousHandlers.middleware())
      .use(officerHandlers.middleware())
      // #nhacnho and its "có" confirmation
      .use(broadcastHandlers.middleware())
      // #xong, a completion step in progress, "em thi xong rồi ạ"
      .use(completionHandlers.middleware())
      // a conversation a human holds: silent from here on
      .use(takeoverGate.middleware())
      .use(greetingHandlers.middleware())
      // an image, sticker, file... without text, 1:1: "I read text" and the menu
      .use(mediaOnlyHandlers.middleware())
      // FAQ last, right before the fallback
      .use(faqHandlers.middleware())
  );
}
