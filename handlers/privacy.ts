import { Composer } from "../src/bot/composer.js";
import * as say from "../src/people/chat-texts.js";

/**
 * What the bot holds about a person: `#toi` shows it, `#xoa` deletes it (completion and every dialog step),
 * `#huy` cancels the step in progress, and Zalo's user_withdraw (the person withdrew consent) erases
 * everything keyed by that user, officer rights included. Work 1:1 and in groups.
 */
export const privacyHandlers = new Composer()
  .on("user_withdraw", (ctx) => {
    ctx.intent = "user_withdraw";
    if (!ctx.senderId) return;
    const { people, dialogs } = ctx.services;
    const gone = people.forgetUser(ctx.senderId);
    const steps = dialogs.clearSender(ctx.senderId);
    const transcript = ctx.services.transcripts.forgetUser(ctx.senderId);
    ctx.log.info({ ...gone, steps, ...transcript }, "user data deleted on user_withdraw");
  })
  .filter(
    (ctx) => ctx.senderId !== null && /_text$/.test(ctx.eventName),
    new Composer()
      .command("toi", (ctx) => {
        ctx.intent = "my-data";
        const { completions, units, officers } = ctx.services.people;
        const c = completions.get(ctx.senderId!);
        ctx.reply(say.whatWeHold(c, c ? units.byCode(c.unitCode) : null, officers.rightsOf(ctx.senderId!)));
      })
      .command("xoa", (ctx) => {
        ctx.intent = "delete-my-data";
        const { completions, officers } = ctx.services.people;
        const had = completions.delete(ctx.senderId!);
        ctx.services.dialogs.clearSender(ctx.senderId!);
        ctx.log.info({ had }, "completion deleted on #xoa");
        ctx.reply(say.deleted(had, officers.isOfficer(ctx.senderId!)));
      })
      .command("huy", (ctx) => {
        ctx.intent = "cancel";
        const step = ctx.session.get();
        ctx.session.clear();
        ctx.reply(step ? say.CANCELLED : say.NOTHING_TO_CANCEL);
      })
      .middleware(),
  );
