import { Composer } from "../src/bot/composer.js";
import { faqHandlers } from "./faq.js";
import { greetingHandlers } from "./greeting.js";

export { fallback } from "./fallback.js";

/**
 * The order handlers get a message in: the first that claims it answers.
 * Lifecycle events → commands → a step in progress → completion reports → small talk → FAQ → fallback.
 */
export function buildHandlers(): Composer {
  return new Composer()
    // lifecycle & commands (completions, officers, broadcasts) go here
    .use(greetingHandlers.middleware())
    // FAQ last, right before the fallback
    .use(faqHandlers.middleware());
}
