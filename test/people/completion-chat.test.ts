import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { groupText, userText, withdraw } from "../helpers/zalo-events.js";
import { startChatBot, type ChatBot } from "./people-harness.js";

let bot: ChatBot;
beforeEach(async () => {
  bot = await startChatBot();
});
afterEach(async () => {
  await bot.close();
});

const dm = (user: string, text: string) => bot.say(userText(user, text));
const record = (user: string) => bot.people.completions.get(user);

describe("#xong in one message", () => {
  it("records name and unit, with the unit by alias, name or code", async () => {
    const r = await dm("u1", "#xong nguyễn văn an, tdp 5");
    expect(r.intent).toBe("completion");
    expect(r.text).toContain("ghi nhận");
    expect(r.text).toContain("Nguyễn Văn An");
    expect(r.text).toContain("Tổ dân phố số 5");
    expect(record("u1")).toMatchObject({ fullName: "Nguyễn Văn An", unitCode: "AD-TDP05", source: "command" });

    await dm("u2", "/XONG Trần Thị Mai, Trường Tiểu học An Dương");
    await dm("u3", "#xong Lê Văn Khoa, AD-TDP12");
    await dm("u4", "#xong Phạm Thu Hà tổ 7");
    expect(record("u2")?.unitCode).toBe("AD-TH");
    expect(record("u3")?.unitCode).toBe("AD-TDP12");
    expect(record("u4")).toMatchObject({ fullName: "Phạm Thu Hà", unitCode: "AD-TDP07" });
  });

  it("'Nguyễn Thị Em' is a name, stored NFC, full-width letters folded", async () => {
    const r = await dm("u1", "#xong Nguyễn Thị Em, tổ 7");
    expect(r.text).toContain("Đã ghi nhận bạn hoàn thành cuộc thi: Nguyễn Thị Em");
    expect(record("u1")).toMatchObject({ fullName: "Nguyễn Thị Em", unitCode: "AD-TDP07" });
    await dm("u2", "#xong Ｔｒầｎ Ｖa\u0306ｎ Ｂi\u0300nh, tổ 7");
    expect(record("u2")?.fullName).toBe("Trần Văn Bình");
    expect(record("u2")?.fullName).toBe(record("u2")?.fullName.normalize("NFC"));
  });

  it("reads a spaced dash between name and unit like a comma", async () => {
    const r = await dm("u1", "#xong Le Minh Tuan - tổ 5");
    expect(r.text).toContain("ghi nhận");
    expect(record("u1")).toMatchObject({ fullName: "Le Minh Tuan", unitCode: "AD-TDP05" });
  });

  it("one record per Zalo user: a second report updates the first", async () => {
    await dm("u1", "#xong Nguyễn Văn An, tổ 5");
    const r = await dm("u1", "#xong Nguyễn Văn Anh, tổ 6");
    expect(r.text).toContain("cập nhật");
    expect(bot.people.completions.count()).toBe(1);
    expect(record("u1")).toMatchObject({ fullName: "Nguyễn Văn Anh", unitCode: "AD-TDP06" });
  });

  it("asks for what is missing or wrong", async () => {
    const noUnit = await dm("u1", "#xong Nguyễn Văn An");
    expect(noUnit.text).toMatch(/đơn vị|tổ dân phố/);
    const done = await dm("u1", "tổ 9");
    expect(done.text).toContain("ghi nhận");
    expect(record("u1")?.unitCode).toBe("AD-TDP09");

    const badName = await dm("u2", "#xong Nguyen Van 4n, tổ 5");
    expect(badName.text).toContain("chữ cái");
    expect(record("u2")).toBeNull();
    await dm("u2", "Nguyễn Văn Bốn");
    await dm("u2", "tổ 5");
    expect(record("u2")).toMatchObject({ fullName: "Nguyễn Văn Bốn", unitCode: "AD-TDP05" });
  });
});

describe("the natural flow", () => {
  it("'em thi xong rồi ạ' → full name → unit → recorded", async () => {
    const a = await dm("u1", "em thi xong rồi ạ");
    expect(a.intent).toBe("completion");
    expect(a.text).toContain("ghi nhận");
    expect(a.text).toContain("họ và tên");
    const b = await dm("u1", "Nguyễn Thị Lan");
    expect(b.intent).toBe("completion");
    expect(b.text).toMatch(/đơn vị|tổ dân phố/);
    const c = await dm("u1", "TDP số 5 An Dương");
    expect(c.text).toContain("ghi nhận");
    expect(record("u1")).toMatchObject({ fullName: "Nguyễn Thị Lan", unitCode: "AD-TDP05", source: "dialog" });
    // Someone who already reported is reminded of it, not asked again.
    const again = await dm("u1", "xong r nhé");
    expect(again.text).toContain("đã được ghi nhận");
  });

  it("a report that introduces its sender asks only for the unit", async () => {
    const a = await dm("u1", "Dạ em là Hoàng Văn Nam, em đã hoàn thành cuộc thi lúc 7 giờ tối nay ạ, em báo để anh chị tổng hợp");
    expect(a.intent).toBe("completion");
    expect(a.text).toContain("Hoàng Văn Nam");
    expect(a.text).not.toContain("họ và tên");
    await dm("u1", "tổ 5");
    expect(record("u1")).toMatchObject({ fullName: "Hoàng Văn Nam", unitCode: "AD-TDP05", source: "dialog" });
    // Without a capitalised name ("em là giáo viên"), the name is asked for.
    const b = await dm("u2", "em là giáo viên, em thi xong rồi ạ");
    expect(b.text).toContain("họ và tên");
  });

  it("ambiguous unit → numbered choices → the digit picks one", async () => {
    await dm("u1", "toi da hoan thanh cuoc thi");
    await dm("u1", "Đỗ Minh Tuấn");
    const choices = await dm("u1", "trường An Dương");
    expect(choices.text).toMatch(/1\) .*\n2\) .*\n3\) /);
    const lines = choices.text.split("\n");
    const thcs = lines.find((l) => l.includes("THCS"))!;
    const digit = thcs.slice(0, 1);
    const wrong = await dm("u1", "7");
    expect(wrong.text).toContain("từ 1 đến 3");
    const done = await dm("u1", digit);
    expect(done.text).toContain("ghi nhận");
    expect(record("u1")?.unitCode).toBe("AD-THCS");
  });

  it("questions about finishing still go to the FAQ, also in the middle of the flow", async () => {
    const q = await dm("u1", "thi xong thì nhận chứng nhận ở đâu?");
    expect(q.intent).not.toBe("completion");
    expect(record("u1")).toBeNull();
    await dm("u1", "em thi xong rồi");
    await dm("u1", "Nguyễn Văn An");
    const faq = await dm("u1", "khi nào cuộc thi kết thúc");
    expect(faq.intent).not.toBe("completion");
    expect(faq.text).toContain("11/11/2025");
    expect((await dm("u1", "tổ 2")).text).toContain("ghi nhận");
    expect(record("u1")?.unitCode).toBe("AD-TDP02");
  });

  it("#huy cancels the step in progress; an expired step is forgotten", async () => {
    await dm("u1", "em thi xong rồi");
    const c = await dm("u1", "#hủy");
    expect(c.text).toContain("Đã huỷ");
    const after = await dm("u1", "Nguyễn Văn An");
    expect(after.intent).not.toBe("completion");
    expect(record("u1")).toBeNull();
    expect((await dm("u1", "#huy")).text).toContain("không có bước nào");

    await dm("u2", "em thi xong rồi");
    bot.rt.db.prepare("UPDATE dialog_sessions SET expires_at = 1 WHERE session_key LIKE '%:u2'").run();
    expect((await dm("u2", "Nguyễn Văn An")).intent).not.toBe("completion");
    expect(record("u2")).toBeNull();
  });

  it("gives up politely after three wrong answers", async () => {
    await dm("u1", "em thi xong rồi");
    await dm("u1", "123");
    await dm("u1", "abc 456");
    const last = await dm("u1", "!!!");
    expect(last.text).toContain("#xong");
    expect((await dm("u1", "Nguyễn Văn An")).intent).not.toBe("completion");
  });
});

describe("in an OA group", () => {
  it("a group linked to a unit (CSV zalo_group_id) knows the unit", async () => {
    const a = await bot.say(groupText("5e6f7a8b9c0d1e2f3a4b", "m1", "em thi xong rồi ạ"));
    expect(a.text).toContain("Tổ dân phố số 5");
    expect(a.text).toContain("họ và tên");
    const b = await bot.say(groupText("5e6f7a8b9c0d1e2f3a4b", "m1", "Vũ Thị Hằng"));
    expect(b.text).toContain("ghi nhận");
    await bot.say(groupText("5e6f7a8b9c0d1e2f3a4b", "m2", "#xong Hoàng Văn Nam"));
    expect(record("m1")?.unitCode).toBe("AD-TDP05");
    expect(record("m2")).toMatchObject({ fullName: "Hoàng Văn Nam", unitCode: "AD-TDP05" });
  });

  it("members' chatter during a step is left alone", async () => {
    await bot.say(groupText("f414c8f7a1b2c3d4e5f6", "m1", "em thi xong rồi"));
    const chatter = await bot.say(groupText("f414c8f7a1b2c3d4e5f6", "m1", "ok mọi người"));
    expect(chatter.intent).not.toBe("completion");
    await bot.say(groupText("f414c8f7a1b2c3d4e5f6", "m1", "Bùi Thị Thu"));
    expect(record("m1")).toMatchObject({ fullName: "Bùi Thị Thu", unitCode: "AD-TH" });
  });
});

describe("#toi, #xoa and user_withdraw", () => {
  it("#toi shows what the bot holds; #xoa deletes it and any step in progress", async () => {
    expect((await dm("u1", "#toi")).text).toContain("chưa lưu");
    await dm("u1", "#xong Nguyễn Văn An, tổ 3");
    const me = await dm("u1", "#tôi");
    expect(me.text).toContain("Nguyễn Văn An");
    expect(me.text).toContain("Tổ dân phố số 3");
    await bot.say(groupText("g-x", "u1", "em thi xong rồi"));
    const del = await bot.say(groupText("g-x", "u1", "#xoa"));
    expect(del.text).toContain("Đã xoá");
    expect(record("u1")).toBeNull();
    const dialogs = bot.rt.db.prepare("SELECT COUNT(*) AS n FROM dialog_sessions WHERE session_key LIKE '%:u1'").get() as { n: number };
    expect(dialogs.n).toBe(0);
  });

  it("user_withdraw erases the completion, dialog steps and officer rights of that user only", async () => {
    await dm("u1", "#xong Nguyễn Văn An, tổ 3");
    await dm("u2", "#xong Nguyễn Văn Bình, tổ 3");
    bot.people.officers.grant("u1", { all: true }, new Date());
    await dm("u1", "em thi xong rồi"); // a reminder of the record, no step
    await bot.say(groupText("g-y", "u1", "#xong"));
    const r = await bot.handle(withdraw("u1"));
    expect(r.replies).toEqual([]);
    expect(record("u1")).toBeNull();
    expect(bot.people.officers.isOfficer("u1")).toBe(false);
    expect(record("u2")).not.toBeNull();
    const dialogs = bot.rt.db.prepare("SELECT COUNT(*) AS n FROM dialog_sessions WHERE session_key LIKE '%:u1'").get() as { n: number };
    expect(dialogs.n).toBe(0);
  });
});

describe("after the contest ended (11/11/2025)", () => {
  let late: ChatBot;
  beforeEach(async () => {
    late = await startChatBot({ BOT_NOW: "2026-12-02T09:00:00+07:00" });
  });
  afterEach(async () => {
    await late.close();
  });

  it("a report in plain words is told the contest is over and how to report an earlier completion; nothing is recorded", async () => {
    const r = await late.say(userText("u1", "em vừa làm xong bài thi rồi ạ"));
    expect(r.intent).toBe("completion");
    expect(r.text).toContain("đã kết thúc ngày 11/11/2025");
    expect(r.text).toContain("#xong");
    expect(r.text).not.toContain("Chúc mừng");
    // no dialogue step waits for a name
    const next = await late.say(userText("u1", "Nguyễn Văn An"));
    expect(late.people.completions.get("u1")).toBeNull();
    expect(next.text).not.toContain("ghi nhận bạn");
  });

  it("#xong still records (officers reconcile), saying first that the contest is over", async () => {
    const r = await late.say(userText("u1", "#xong Nguyễn Văn An, tổ 5"));
    expect(r.text.split("\n")[0]).toContain("đã kết thúc ngày 11/11/2025");
    expect(r.text).toContain("Đã ghi nhận");
    expect(late.people.completions.get("u1")).toMatchObject({ fullName: "Nguyễn Văn An", unitCode: "AD-TDP05" });
  });

  it("#xong with no units imported says the contest is over and that nothing was recorded", async () => {
    const empty = await startChatBot({ BOT_NOW: "2026-12-02T09:00:00+07:00" }, false);
    try {
      const r = await empty.say(userText("u1", "#xong Lê Văn Tám, tổ 7"));
      expect(r.text.split("\n")[0]).toContain("đã kết thúc ngày 11/11/2025");
      expect(r.text).toContain("chưa ghi nhận");
      expect(empty.people.completions.get("u1")).toBeNull();
    } finally {
      await empty.close();
    }
  });
});
