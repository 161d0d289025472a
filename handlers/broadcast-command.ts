import { Composer } from "../src/bot/composer.js";
import type { BotContext } from "../src/bot/context.js";
import { BroadcastUnavailableError } from "../src/broadcasts/broadcast-queue.js";
import type { BroadcastScope } from "../src/broadcasts/broadcast-planner.js";
import { BroadcastMessageError, type BroadcastPreview } from "../src/broadcasts/broadcast-service.js";
import { foldKey } from "../src/text/fold.js";

const CONFIRM_KIND = "broadcast-confirm";
const CONFIRM_TTL_MS = 10 * 60_000;
const YES = /^(co|c|ok|oke|dong y|gui|gui di|yes|y)\b/;
const NO = /^(khong|ko|k|huy|thoi|no)\b/;

interface Pending {
  scope: BroadcastScope;
  allowed: string[] | null;
  groups: number;
}

function rightsScope(ctx: BotContext): Set<string> | null {
  const rights = ctx.services.people.officers.rightsOf(ctx.senderId!);
  return rights && !rights.all ? new Set(rights.units) : null;
}

/**
 * `#nhacnho [đơn vị | tatca]` (officers): says how many groups would get a reminder and waits for "có".
 * Without an argument: the officer's units behind pace; `tatca`: every unit of theirs; a unit: that one.
 */
export const broadcastHandlers = new Composer().filter(
  (ctx) => ctx.senderId !== null && /_text$/.test(ctx.eventName),
  new Composer()
    .command(["nhacnho", "nhac"], (ctx) => {
      const t = ctx.services.texts;
      if (!ctx.services.people.officers.isOfficer(ctx.senderId!)) {
        ctx.intent = "officer-refused";
        return void ctx.reply(t.say("officer.notOfficer"));
      }
      ctx.intent = "broadcast-request";
      const args = (ctx.command?.args ?? "").replace(/^nho\b\s*/i, "").trim();
      const allowed = rightsScope(ctx);
      let scope: BroadcastScope = "behind";
      if (foldKey(args) === "tatca" || foldKey(args) === "tat ca") scope = "all";
      else if (args) {
        const { units, resolver } = ctx.services.people;
        const unit =
          units.byCode(args) ??
          (() => {
            const r = resolver.resolve(args);
            return r.kind === "found" ? r.unit : null;
          })();
        if (!unit) return void ctx.reply(t.say("broadcast.unknownUnit", { typed: args }));
        scope = { units: [unit.code] };
      }
      let preview: BroadcastPreview;
      try {
        preview = ctx.services.broadcasts.preview({ scope, requestedBy: `zalo:${ctx.senderId}`, allowed });
      } catch (err) {
        if (!(err instanceof BroadcastMessageError)) throw err;
        return void ctx.reply(err.message);
      }
      const copies = preview.copies.length
        ? [
            t.say("broadcast.copiesSome", {
              count: preview.copies.length,
              unit: preview.copies[0]!.unit,
              reason: preview.copies[0]!.reason,
            }),
          ]
        : [];
      if (preview.targets === 0) {
        const why = preview.skipped.slice(0, 5).map((s) => `- ${s.unit}: ${s.reason}`);
        return void ctx.reply([t.say("broadcast.nothingToSend"), ...why, ...copies].join("\n"));
      }
      const units = preview.messages.slice(0, 10).map((m) => t.say("broadcast.unitLine", { unit: m.unit, route: m.routeLabel }));
      const more = preview.messages.length > 10 ? [t.say("broadcast.more", { count: preview.messages.length - 10 })] : [];
      const skipped = preview.skipped.length
        ? [t.say("broadcast.skippedSome", { count: preview.skipped.length, ...preview.skipped[0]! })]
        : [];
      const groups = preview.messages.filter((m) => m.route === "group").length;
      ctx.session.set(
        CONFIRM_KIND,
        { scope, allowed: allowed ? [...allowed] : null, groups: preview.targets } satisfies Pending,
        CONFIRM_TTL_MS,
      );
      ctx.reply(
        [
          t.say("broadcast.willSend", { count: preview.targets, groups, officers: preview.targets - groups }),
          ...units,
          ...more,
          ...skipped,
          ...copies,
          preview.expected.text,
          t.say("broadcast.confirmHint"),
        ].join("\n"),
      );
    })
    .filter(
      (ctx) => ctx.session.get()?.kind === CONFIRM_KIND,
      async (ctx, next) => {
        const answer = foldKey(ctx.text);
        const pending = ctx.session.get<Pending>()!.data;
        if (NO.test(answer)) {
          ctx.session.clear();
          ctx.intent = "broadcast-cancelled";
          return void ctx.reply(ctx.services.texts.say("broadcast.cancelled"));
        }
        if (!YES.test(answer)) return next();
        ctx.session.clear();
        ctx.intent = "broadcast-confirmed";
        try {
          const r = await ctx.services.broadcasts.request({
            scope: pending.scope,
            requestedBy: `zalo:${ctx.senderId}`,
            notify: ctx.conversation,
            allowed: pending.allowed ? new Set(pending.allowed) : null,
          });
          ctx.reply(ctx.services.texts.say("broadcast.queued", { count: r.targets, id: r.id }));
        } catch (err) {
          if (err instanceof BroadcastMessageError) return void ctx.reply(err.message);
          if (!(err instanceof BroadcastUnavailableError)) throw err;
          ctx.log.warn({ err: err.message }, "broadcast requested while the queue is down");
          ctx.reply(ctx.services.texts.say("broadcast.tryLater"));
        }
      },
    )
    .middleware(),
);
