import { Composer } from "../src/bot/composer.js";

/**
 * A human answer pauses the bot. An OA admin writing to a resident from Zalo's OA chat (the oa_send_* echo
 * with sender.admin_id) holds that 1:1 conversation for HUMAN_TAKEOVER_MINUTES and drops bot replies not yet
 * sent; the hold is renewed by each human reply. Never replies.
 */
export const humanReplyHandlers = new Composer().filter(
  (ctx) => ctx.event.family === "oa_echo",
  (ctx) => {
    ctx.intent = "oa-echo";
    if (ctx.event.family !== "oa_echo" || ctx.conversation.kind !== "user") return;
    const adminId = ctx.event.data.sender.admin_id;
    if (!adminId) return; // the OA's own API send (the bot's reply, a broadcast): nothing to do
    ctx.intent = "human-reply";
    const { loop, clock } = ctx.services;
    const { dropped } = loop.takeover.humanReplied(ctx.conversation.id, adminId, clock.now());
    ctx.log.info({ dropped }, "OA admin answered by hand");
  },
);

/**
 * While a human holds a 1:1 conversation the bot stays silent. Placed after the commands and completion
 * reports, which still work; small talk, the FAQ and the fallback do not run (nor is the question queued).
 */
export const takeoverGate = new Composer().filter(
  (ctx) => ctx.conversation.kind === "user" && ctx.services.loop.takeover.isHeld(ctx.conversation.id, ctx.services.clock.now()),
  (ctx) => {
    ctx.intent = "human-takeover";
    ctx.log.debug("conversation held by a human; the bot stays silent");
  },
);
