import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { groupText, userText, withdraw } from "../helpers/zalo-events.js";
import { startChatBot, type ChatBot } from "./people-harness.js";

const ADMIN_TOKEN = "admin-token-for-tests-123";
let bot: ChatBot;
beforeEach(async () => {
  bot = await startChatBot({ ADMIN_TOKEN });
});
afterEach(async () => {
  await bot.close();
});

const TDP = Array.from({ length: 15 }, (_, i) => `tổ ${i + 1}`);
const NAMES = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thu Dung", "Vũ Minh Đức"];

describe("completion reports through the real webhook", () => {
  it("1,000 self-reports from 1,000 users sent concurrently → exactly 1,000 records", async () => {
    const events = Array.from({ length: 1000 }, (_, i) =>
      i % 4 === 3
        ? groupText("9a0b1c2d3e4f5a6b7c8d", `user-${i}`, `#xong ${NAMES[i % 5]}`) // linked to TDP 3
        : userText(`user-${i}`, `#xong ${NAMES[i % 5]}, ${TDP[i % 15]}`),
    );
    const statuses = await Promise.all(events.map((e) => bot.post(e).then((r) => r.status)));
    expect(statuses.every((s) => s === 200)).toBe(true);
    await bot.settle();
    expect(bot.people.completions.count()).toBe(1000);
    const report = await (await fetch(`${bot.url}/admin/progress`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
    const completed = (report.units as { completed: number }[]).reduce((n, u) => n + u.completed, 0);
    expect(completed).toBe(1000);
    // Group members (every 4th) count for the group's unit, TDP 3; the others for the tổ they named.
    const expectedTdp3 = events.filter((_, i) => i % 4 === 3 || i % 15 === 2).length;
    expect(report.units.find((u: { code: string }) => u.code === "AD-TDP03").completed).toBe(expectedTdp3);
    // Every report was answered, once.
    const replies = bot.rt.db.prepare("SELECT COUNT(*) AS n FROM outbox").get() as { n: number };
    expect(replies.n).toBe(1000);
  });

  it("the same user twice (and a redelivery) → one record, the latest", async () => {
    const first = userText("same-user", "#xong Nguyễn Văn An, tổ 5");
    await Promise.all([bot.post(first), bot.post(first), bot.post(userText("same-user", "#xong Nguyễn Văn An, tổ 6"))]);
    await bot.settle();
    expect(bot.people.completions.count()).toBe(1);
    expect(bot.people.completions.get("same-user")?.unitCode).toBe("AD-TDP06");
  });

  it("user_withdraw through the webhook deletes the record", async () => {
    await bot.post(userText("leaver", "#xong Nguyễn Văn An, tổ 5"));
    await bot.settle();
    expect(bot.people.completions.get("leaver")).not.toBeNull();
    expect((await bot.post(withdraw("leaver"))).status).toBe(200);
    await bot.settle();
    expect(bot.people.completions.get("leaver")).toBeNull();
  });
});

describe("GET /admin/progress", () => {
  it("answers the contract's shape, 401 without the token", async () => {
    expect((await fetch(`${bot.url}/admin/progress`)).status).toBe(401);
    await bot.post(userText("u1", "#xong Nguyễn Văn An, tổ 5"));
    await bot.settle();
    const res = await fetch(`${bot.url}/admin/progress`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.asOf).toBe("2025-10-27T05:00:00.000Z");
    expect(body.units).toHaveLength(25);
    const tdp5 = body.units.find((u: { code: string }) => u.code === "AD-TDP05");
    for (const k of ["code", "name", "kind", "ward", "base", "target", "completed", "ratio", "expectedByNow", "behind"]) {
      expect(tdp5).toHaveProperty(k);
    }
    expect(tdp5).toMatchObject({ name: "Tổ dân phố số 5", kind: "residential", ward: "An Dương", base: 268, target: 188, completed: 1 });
    expect(tdp5.ratio).toBeCloseTo(1 / 188, 10);
    const share =
      (Date.parse(body.asOf) - Date.parse("2025-10-11T00:00:00+07:00")) /
      (Date.parse("2025-11-11T23:59:59+07:00") - Date.parse("2025-10-11T00:00:00+07:00"));
    expect(tdp5.expectedByNow).toBeCloseTo(188 * share, 6);
    expect(tdp5.behind).toBe(true);
    expect(body.wards).toEqual([expect.objectContaining({ ward: "An Dương", units: 25, completed: 1, target: 2440 })]);
  });
});
