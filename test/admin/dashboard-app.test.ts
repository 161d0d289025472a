import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { userText } from "../helpers/zalo-events.js";

const ADMIN_TOKEN = "app-test-admin-token-1";
const bearer = { authorization: `Bearer ${ADMIN_TOKEN}` };

let bot: TestBot | null = null;
afterEach(async () => {
  await bot?.close();
  bot = null;
});

describe("dashboard on the real bot", () => {
  it("lists what residents asked that the bot could not answer, escaped, with counts", async () => {
    bot = await startTestBot({ ADMIN_TOKEN, BOT_NOW: "2025-11-01T10:00:00+07:00" });
    const question = "<b>giá vé máy bay</b> đi Đà Nẵng bao nhiêu?";
    await bot.post(userText("5000000000000000011", question));
    await bot.post(userText("5000000000000000012", question));
    await bot.settle();

    const res = await fetch(`${bot.url}/admin/unanswered`, { headers: bearer });
    expect(res.status).toBe(200);
    const { questions } = (await res.json()) as { questions: { text: string; count: number }[] };
    expect(questions).toContainEqual(expect.objectContaining({ text: question, count: 2 }));

    const page = await (await fetch(`${bot.url}/admin`, { headers: bearer })).text();
    expect(page).toContain("&lt;b&gt;giá vé máy bay&lt;/b&gt;");
    expect(page).not.toContain("<b>giá vé");
  });

  it("keeps the contract's 401 and 503 on the real app", async () => {
    bot = await startTestBot({ ADMIN_TOKEN });
    expect((await fetch(`${bot.url}/admin/unanswered`)).status).toBe(401);
    expect((await fetch(`${bot.url}/admin/progress`)).status).toBe(401);
    await bot.close();
    bot = await startTestBot();
    expect((await fetch(`${bot.url}/admin/unanswered`, { headers: bearer })).status).toBe(503);
    expect((await fetch(`${bot.url}/admin`)).status).toBe(503);
  });
});
