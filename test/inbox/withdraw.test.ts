import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { groupText, userText, withdraw } from "../helpers/zalo-events.js";

let bot: TestBot;
beforeEach(async () => {
  bot = await startTestBot();
});
afterEach(async () => {
  await bot.close();
});

const rows = (sql: string, ...args: unknown[]) => (bot.rt.db.prepare(sql).get(...args) as { n: number }).n;

describe("user_withdraw erases the person's stored messages", () => {
  it("their events (1:1 and in groups) and the replies to them are deleted; other people's stay", async () => {
    await bot.post(userText("u-gone", "xin chào, số của tôi 0912 345 678"));
    await bot.post(groupText("g-1", "u-gone", "xin chào cả nhóm"));
    await bot.post(userText("u-stays", "xin chào"));
    await bot.settle();
    expect(rows("SELECT COUNT(*) AS n FROM outbox WHERE recipient_id = 'u-gone'")).toBe(1);

    await bot.post(withdraw("u-gone"));
    await bot.settle();
    expect(rows("SELECT COUNT(*) AS n FROM outbox WHERE recipient_id = 'u-gone'")).toBe(0);
    expect(rows("SELECT COUNT(*) AS n FROM inbox WHERE body LIKE '%0912 345 678%' OR body LIKE '%xin chào cả nhóm%'")).toBe(0);
    expect(rows("SELECT COUNT(*) AS n FROM outbox WHERE recipient_id = 'u-stays'")).toBe(1);
  });
});
