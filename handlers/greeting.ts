import { Composer } from "../src/bot/composer.js";

// Minimal spine greeting/help; the FAQ work replaces the texts with ones rendered from content/.
const GREETING =
  "Xin chào! Tôi là trợ lý hỗ trợ Cuộc thi “Công dân số Hải Phòng – sử dụng thông minh, sống an toàn”. " +
  "Bạn cứ hỏi về cách dự thi, thời gian, giải thưởng...";
const HELP =
  "Hỗ trợ kỹ thuật: 0904 540 490.\n" +
  "Tài liệu hướng dẫn: https://docs.google.com/document/d/1caLTXEfTl2wTt2pHLLFySlQ-6JSEgfOc/edit";

export const greetingHandlers = new Composer()
  .on("follow", (ctx) => {
    ctx.intent = "greeting";
    ctx.reply(`${GREETING}\n${HELP}`);
  })
  .on("unfollow", (ctx) => {
    ctx.intent = "unfollow";
  })
  .hears(/^(xin chao|chao|hello|hi|alo)\b/, (ctx) => {
    ctx.intent = "greeting";
    ctx.reply(`${GREETING}\n${HELP}`);
  })
  .hears(/^(help|tro giup|giup|menu)$/, (ctx) => {
    ctx.intent = "help";
    ctx.reply(HELP);
  });
