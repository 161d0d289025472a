import { Composer } from "../src/bot/composer.js";
import * as say from "../src/people/chat-texts.js";

/**
 * What the bot holds about a person: `#toi` shows it, `#xoa` erases it everywhere (messages, replies,
 * questions, completion, steps, mentions by others; see src/privacy/), `#huy` cancels the step in progress,
 * and Zalo's user_withdraw (the person withdrew consent) does what #xoa does and removes officer rights too.
 * Work 1:1 and in groups.
 */
export const privacyHandlers = new Composer()
  .on("user_withdraw", (ctx) => {
    ctx.intent = "user_withdraw";
    if (!ctx.senderId) return;
    const gone = ctx.services.privacy.erase(ctx.senderId, "withdraw");
    ctx.log.info(gone, "user data erased on user_withdraw");
  })
  .filter(
    (ctx) => ctx.senderId !== null && /_text$/.test(ctx.eventName),
    new Composer()
      .command("toi", (ctx) => {
        ctx.intent = "my-data";
        const { completions, units, officers } = ctx.services.people;
        const c = completions.get(ctx.senderId!);
        ctx.reply(say.whatWeHold(ctx.services.texts, c, c ? units.byCode(c.unitCode) : null, officers.rightsOf(ctx.senderId!)));
      })
      .command("xoa", (ctx) => {
        ctx.intent = "delete-my-data";
        const gone = ctx.services.privacy.erase(ctx.senderId!, "request");
        ctx.log.info(gone, "user data erased on #xoa");
        ctx.reply(say.deleted(ctx.services.texts, gone, ctx.services.people.officers.isOfficer(ctx.senderId!)));
      })
      .command("huy", (ctx) => {
        ctx.intent = "cancel";
        const step = ctx.session.get();
        ctx.session.clear();
        ctx.reply(ctx.services.texts.say(step ? "privacy.cancelled" : "privacy.nothingToCancel"));
      })
      .middleware(),
  );
