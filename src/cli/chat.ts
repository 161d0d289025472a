import { createInterface } from "node:readline";
import { askOnce, createOfflineBot } from "./offline-bot.js";

/**
 * npm run chat: talk to the bot in a terminal, as one resident in a 1:1 chat, without a Zalo account.
 * Same handlers and content as the webhook, on a copy of the bot's database (DATABASE_PATH) when it exists, so
 * units imported with the CLI are there; nothing is written to the real one. BOT_NOW works. Ctrl+D or /quit ends.
 */
async function main(): Promise<void> {
  const ob = createOfflineBot();
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const userId = "9100000000000000001";
  const phase = ob.services.faq.phase(ob.services.clock.now());
  const units = ob.services.people.units.count();
  console.log(
    ob.source.copied
      ? `Dùng bản sao của cơ sở dữ liệu ${ob.source.path} (${units} đơn vị); thay đổi trong phiên này được bỏ đi khi thoát.`
      : `Chưa có cơ sở dữ liệu ${ob.source.path} (DATABASE_PATH): dùng một cơ sở dữ liệu trống.`,
  );
  if (units === 0)
    console.log(
      "Chưa có đơn vị nào nên báo hoàn thành dừng ở bước đơn vị. Nhập đơn vị: npm run cli -- units import content/units.example.csv",
    );
  console.log(`Trò chuyện với bot (giai đoạn: ${phase}). Gõ câu hỏi rồi Enter; /quit để thoát.\n`);
  const tty = process.stdin.isTTY === true;
  try {
    rl.setPrompt("Bạn: ");
    rl.prompt();
    // The iterator queues piped lines too (rl.question would drop those typed ahead).
    for await (const line of rl) {
      const text = line.trim();
      if (text === "/quit" || text === "/exit") break;
      if (text) {
        if (!tty) console.log(text);
        const { intent, reply } = await askOnce(ob, userId, text);
        console.log(`Bot [${intent ?? "không trả lời được"}]:\n${reply || "(không gửi gì)"}\n`);
      }
      rl.prompt();
    }
  } finally {
    rl.close();
    ob.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
