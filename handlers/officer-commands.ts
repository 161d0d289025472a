import { Composer } from "../src/bot/composer.js";
import type { BotContext } from "../src/bot/context.js";
import * as say from "../src/people/chat-texts.js";
import { elapsedShare } from "../src/people/progress-service.js";
import type { Unit } from "../src/people/units-store.js";

/** The unit an officer typed: its code first, else a name or alias that names exactly one unit. */
function unitFromArgs(ctx: BotContext, args: string): Unit | null {
  const { units, resolver } = ctx.services.people;
  const byCode = units.byCode(args);
  if (byCode) return byCode;
  const r = resolver.resolve(args);
  return r.kind === "found" ? r.unit : null;
}

/** Officer commands answer non-officers with a polite refusal; returns true when refused. */
function refuseNonOfficer(ctx: BotContext): boolean {
  if (ctx.services.people.officers.isOfficer(ctx.senderId!)) return false;
  ctx.intent = "officer-refused";
  ctx.reply(ctx.services.texts.say("officer.notOfficer"));
  return true;
}

/**
 * `#baocao [đơn vị]`: progress of the officer's units (or of one). `#lienket <mã>`: inside an OA group,
 * links the group to a unit the officer manages, so members' reports there count for it.
 */
export const officerHandlers = new Composer().filter(
  (ctx) => ctx.senderId !== null && /_text$/.test(ctx.eventName),
  new Composer()
    .command("baocao", (ctx) => {
      if (refuseNonOfficer(ctx)) return;
      ctx.intent = "progress-report";
      const { officers, progress } = ctx.services.people;
      const me = ctx.senderId!;
      const now = ctx.services.clock.now();
      const share = elapsedShare(progress.campaignWindow, now);
      const args = ctx.command?.args ?? "";
      if (args) {
        const unit = unitFromArgs(ctx, args);
        if (!unit) return void ctx.reply(say.unknownUnit(ctx.services.texts, args));
        if (!officers.canManage(me, unit.code)) return void ctx.reply(say.notYourUnit(ctx.services.texts, unit));
        return void ctx.reply(say.progressReport(ctx.services.texts, progress.report(now), new Set([unit.code]), share));
      }
      const rights = officers.rightsOf(me)!;
      ctx.reply(say.progressReport(ctx.services.texts, progress.report(now), rights.all ? "all" : new Set(rights.units), share));
    })
    .command("lienket", (ctx) => {
      if (refuseNonOfficer(ctx)) return;
      ctx.intent = "link-group";
      if (ctx.conversation.kind !== "group") return void ctx.reply(ctx.services.texts.say("officer.linkNeedsGroup"));
      const args = ctx.command?.args ?? "";
      if (!args) return void ctx.reply(ctx.services.texts.say("officer.linkNeedsCode"));
      const unit = unitFromArgs(ctx, args);
      if (!unit) return void ctx.reply(say.unknownUnit(ctx.services.texts, args));
      const { officers, units } = ctx.services.people;
      if (!officers.canManage(ctx.senderId!, unit.code)) return void ctx.reply(say.notYourUnit(ctx.services.texts, unit));
      // Moving a group away from a unit someone else manages is theirs to decide.
      const current = units.byGroupId(ctx.conversation.id);
      if (current && current.code !== unit.code && !officers.canManage(ctx.senderId!, current.code)) {
        return void ctx.reply(say.groupTaken(ctx.services.texts, current));
      }
      const { previous } = units.linkGroup(unit.code, ctx.conversation.id, ctx.services.clock.now());
      ctx.log.info({ unit: unit.code, previous: previous?.code ?? null }, "group linked to unit");
      ctx.reply(say.linked(ctx.services.texts, unit, previous));
    })
    .middleware(),
);
