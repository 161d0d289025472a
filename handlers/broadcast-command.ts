import { Composer } from "../src/bot/composer.js";
import type { BotContext } from "../src/bot/context.js";
import { BroadcastUnavailableError } from "../src/broadcasts/broadcast-queue.js";
import type { BroadcastScope } from "../src/broadcasts/broadcast-planner.js";
import { BroadcastMessageError, type BroadcastPreview } from "../src/broadcasts/broadcast-service.js";
import { NOT_OFFICER } from "../src/people/chat-texts.js";
import { foldKey } from "../src/text/fold.js";

const CONFIRM_KIND = "broadcast-confirm";
const CONFIRM_TTL_MS = 10 * 60_000;
const YES = /^(co|c|ok|oke|dong y|gui|gui di|yes|y)\b/;
const NO = /^(khong|ko|k|huy|thoi|no)\b/;

const TRY_LATER = "Hệ thống gửi nhắc nhở đang tạm gián đoạn, chưa có tin nào được gửi. Bạn vui lòng thử lại sau ít phút.";

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
      if (!ctx.services.people.officers.isOfficer(ctx.senderId!)) {
        ctx.intent = "officer-refused";
        return void ctx.reply(NOT_OFFICER);
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
        if (!unit) return void ctx.reply(`Không tìm thấy đơn vị "${args}". Gõ #baocao để xem mã các đơn vị.`);
        scope = { units: [unit.code] };
      }
      let preview: BroadcastPreview;
      try {
        preview = ctx.services.broadcasts.preview({ scope, requestedBy: `zalo:${ctx.senderId}`, allowed });
      } catch (err) {
        if (!(err instanceof BroadcastMessageError)) throw err;
        return void ctx.reply(err.message);
      }
      if (preview.targets === 0) {
        const why = preview.skipped.slice(0, 5).map((s) => `- ${s.unit}: ${s.reason}`);
        return void ctx.reply(["Không có nhóm nào cần nhắc lúc này.", ...why].join("\n"));
      }
      const units = preview.messages.slice(0, 10).map((m) => `- ${m.unit}`);
      const more = preview.messages.length > 10 ? [`… và ${preview.messages.length - 10} nhóm khác`] : [];
      const skipped = preview.skipped.length
        ? [`(${preview.skipped.length} đơn vị bỏ qua, ví dụ ${preview.skipped[0]!.unit}: ${preview.skipped[0]!.reason})`]
        : [];
      ctx.session.set(
        CONFIRM_KIND,
        { scope, allowed: allowed ? [...allowed] : null, groups: preview.targets } satisfies Pending,
        CONFIRM_TTL_MS,
      );
      ctx.reply(
        [
          `Sẽ gửi tin nhắc nhở tới ${preview.targets} nhóm Zalo:`,
          ...units,
          ...more,
          ...skipped,
          'Trả lời "có" để gửi, "không" để huỷ.',
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
          return void ctx.reply("Đã huỷ, không gửi nhắc nhở.");
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
          ctx.reply(`Đã xếp hàng ${r.targets} tin nhắc nhở (mã đợt ${r.id}). Khi gửi xong, mình sẽ báo kết quả ở đây.`);
        } catch (err) {
          if (err instanceof BroadcastMessageError) return void ctx.reply(err.message);
          if (!(err instanceof BroadcastUnavailableError)) throw err;
          ctx.log.warn({ err: err.message }, "broadcast requested while the queue is down");
          ctx.reply(TRY_LATER);
        }
      },
    )
    .middleware(),
);
