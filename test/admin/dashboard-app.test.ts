import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { userText } from "../helpers/zalo-events.js";
import { CAMPAIGN_NOW, seedPeople } from "./seed-people.js";

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
    const { items } = (await res.json()) as { items: { text: string; count: number }[] };
    expect(items).toContainEqual(expect.objectContaining({ text: question, count: 2, state: "new" }));

    const page = await (await fetch(`${bot.url}/admin`, { headers: bearer })).text();
    expect(page).toContain("&lt;b&gt;giá vé máy bay&lt;/b&gt;");
    expect(page).not.toContain("<b>giá vé");
  });

  it("shows imported units with the behind one highlighted, the daily chart and the progress CSV", async () => {
    bot = await startTestBot({ ADMIN_TOKEN, BOT_NOW: CAMPAIGN_NOW });
    seedPeople(bot.rt.services.people);

    const page = await (await fetch(`${bot.url}/admin`, { headers: bearer })).text();
    expect(page).toMatch(/<li class="unit behind" data-unit="TDP-AD2" data-behind="true">[\s\S]*?Chậm tiến độ/);
    expect(page).toMatch(/<li class="unit" data-unit="TDP-AD1" data-behind="false">/);
    expect(page).toContain("Tổng: <b>20</b>");
    expect(page).toContain("Chưa có nhóm Zalo do trang quản lý: tin nhắc đi qua cán bộ phụ trách");

    const daily = await (await fetch(`${bot.url}/admin/completions/daily`, { headers: bearer })).json();
    expect(daily).toEqual({
      days: [
        { day: "2025-10-25", count: 6, total: 6 },
        { day: "2025-10-28", count: 7, total: 13 },
        { day: "2025-10-31", count: 7, total: 20 },
      ],
      total: 20,
    });

    const csv = await (await fetch(`${bot.url}/admin/export/progress.csv`, { headers: bearer })).text();
    expect(csv).toMatch(/Phường An Dương,TDP-AD2,Tổ dân phố Số 2,residential,50,35,1,2\.9,\d+,chậm\r\n/);
  });

  it("lets a signed-in officer read the other admin routes with the session cookie", async () => {
    bot = await startTestBot({ ADMIN_TOKEN, BOT_NOW: CAMPAIGN_NOW });
    seedPeople(bot.rt.services.people);
    const login = await fetch(`${bot.url}/admin/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ token: ADMIN_TOKEN }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie()[0]!.split(";")[0]!;
    const res = await fetch(`${bot.url}/admin/progress`, { headers: { cookie } });
    expect(res.status).toBe(200);
    const progress = (await res.json()) as { units: { code: string; behind: boolean }[] };
    expect(progress.units.find((u) => u.code === "TDP-AD2")?.behind).toBe(true);
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
