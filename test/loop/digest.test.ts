import { afterEach, describe, expect, it } from "vitest";
import { userText } from "../helpers/zalo-events.js";
import { deliveredTo, startLoopWorld, type LoopWorld } from "./loop-harness.js";

const OFFICER = "7400000000000000001";

let world: LoopWorld | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

describe("the officers' daily digest in Zalo", () => {
  it("is off by default", async () => {
    world = await startLoopWorld();
    world.bot.rt.services.people.officers.grant(OFFICER, { all: true }, new Date());
    await world.bot.post(userText("7400000000000000002", "giá vàng hôm nay bao nhiêu"));
    await world.bot.settle();
    expect(world.bot.rt.services.loop.digest.runIfDue(new Date("2025-10-20T20:00:00+07:00"))).toBe(0);
  });

  it("sends once a day after the hour: 'N câu hỏi mới chưa có trả lời' with the dashboard link", async () => {
    world = await startLoopWorld({ UNANSWERED_DIGEST_HOUR: "17", DASHBOARD_URL: "https://bot.example.vn/admin" });
    const w = world;
    w.bot.rt.services.people.officers.grant(OFFICER, { all: true }, new Date());
    await w.bot.post(userText("7400000000000000002", "giá vàng hôm nay bao nhiêu"));
    await w.bot.post(userText("7400000000000000003", "thời tiết ngày mai thế nào"));
    await w.bot.settle();
    const digest = w.bot.rt.services.loop.digest;
    expect(digest.runIfDue(new Date("2025-10-20T16:59:00+07:00"))).toBe(0);
    expect(digest.runIfDue(new Date("2025-10-20T17:00:00+07:00"))).toBe(1);
    expect(digest.runIfDue(new Date("2025-10-20T18:00:00+07:00"))).toBe(0);
    await expect
      .poll(() => deliveredTo(w.fake, OFFICER))
      .toEqual(["2 câu hỏi mới chưa có trả lời. Anh/chị xem và trả lời tại: https://bot.example.vn/admin"]);
  });

  it("says how many replies Zalo refused for window or quota reasons in the last 24 hours", async () => {
    world = await startLoopWorld({ UNANSWERED_DIGEST_HOUR: "17", DASHBOARD_URL: "https://bot.example.vn/admin" });
    const w = world;
    w.bot.rt.services.people.officers.grant(OFFICER, { all: true }, new Date());
    w.fake.refuseUser("7400000000000000004", -230);
    w.fake.refuseUser("7400000000000000005", -211);
    await w.bot.post(userText("7400000000000000004", "cuộc thi kết thúc ngày nào"));
    await w.bot.post(userText("7400000000000000005", "link thi ở đâu"));
    await w.bot.settle();
    await expect.poll(() => w.fake.requests.filter((m) => m.kind === "user").length).toBe(2);
    expect(w.bot.rt.services.loop.digest.runIfDue(new Date("2025-10-20T17:00:00+07:00"))).toBe(1);
    await expect
      .poll(() => deliveredTo(w.fake, OFFICER))
      .toEqual([
        "Zalo từ chối 2 tin trả lời trong 24 giờ qua: 1 tin vì người dân nhắn đã quá 7 ngày, 1 tin vì hết hạn mức gửi tin của trang. Xem tại: https://bot.example.vn/admin",
      ]);
  });
});
