import type { Middleware } from "../src/bot/composer.js";

/** Runs when no handler claimed a message: hand off to humans. Events without text get no reply. */
export const fallback: Middleware = (ctx) => {
  ctx.intent = null;
  if (!ctx.text) return;
  ctx.reply(
    "Xin lỗi, tôi chưa trả lời được câu này. Bạn vui lòng gọi hỗ trợ kỹ thuật 0904 540 490 " +
      "hoặc hỏi trong nhóm Zalo hỗ trợ cuộc thi: https://zalo.me/g/motzcq639",
  );
};
