import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { groupText, userText } from "../helpers/zalo-events.js";
import { startChatBot, type ChatBot } from "./people-harness.js";

let bot: ChatBot;
beforeEach(async () => {
  bot = await startChatBot();
  bot.people.officers.grant("officer-tdp", { units: ["AD-TDP05", "AD-TDP07"] }, new Date(), "Phan Đức Anh");
  bot.people.officers.grant("officer-all", { all: true }, new Date());
});
afterEach(async () => {
  await bot.close();
});

const dm = (user: string, text: string) => bot.say(userText(user, text));

describe("officer rights", () => {
  it("canManage / rightsOf / isOfficer", () => {
    const o = bot.people.officers;
    expect(o.isOfficer("officer-tdp")).toBe(true);
    expect(o.isOfficer("resident")).toBe(false);
    expect(o.canManage("officer-tdp", "AD-TDP05")).toBe(true);
    expect(o.canManage("officer-tdp", "AD-TDP06")).toBe(false);
    expect(o.canManage("officer-all", "AD-TDP06")).toBe(true);
    expect(o.rightsOf("officer-tdp")).toMatchObject({ all: false, units: ["AD-TDP05", "AD-TDP07"] });
    expect(o.rightsOf("officer-all")).toMatchObject({ all: true });
    expect(o.rightsOf("resident")).toBeNull();
    expect(() => o.grant("x", { units: ["NOPE"] }, new Date())).toThrow(/NOPE/);
    expect(o.isOfficer("x")).toBe(false);
  });

  it("officer commands from anyone else get a polite refusal", async () => {
    for (const cmd of ["#baocao", "#baocao tổ 5", "#lienket AD-TDP05"]) {
      const r = await dm("resident", cmd);
      expect(r.intent).toBe("officer-refused");
      expect(r.text).toContain("Xin lỗi");
      expect(r.text).toContain("cán bộ");
    }
    const inGroup = await bot.say(groupText("g-new", "resident", "#lienket AD-TDP05"));
    expect(inGroup.text).toContain("Xin lỗi");
    expect(bot.people.units.byGroupId("g-new")).toBeNull();
  });
});

describe("#baocao", () => {
  it("shows the officer's units with completed / target and pace", async () => {
    for (let i = 0; i < 3; i++) await dm(`r${i}`, `#xong Nguyễn Văn An, tổ 5`);
    const r = await dm("officer-tdp", "#baocao");
    expect(r.intent).toBe("progress-report");
    expect(r.text).toContain("Tổ dân phố số 5 (AD-TDP05): 3/188");
    expect(r.text).toContain("Tổ dân phố số 7");
    expect(r.text).not.toContain("Tổ dân phố số 6");
    expect(r.text).toContain("chậm");

    const one = await dm("officer-tdp", "#baocao tdp 7");
    expect(one.text).toContain("AD-TDP07");
    expect(one.text).not.toContain("AD-TDP05");
    expect((await dm("officer-tdp", "#baocao tổ 6")).text).toContain("chưa được giao");

    const all = await dm("officer-all", "#báocáo");
    expect(all.text).toContain("Phường/xã An Dương: 3/2.440");
    expect(all.text).toContain("AD-THCS");
  });
});

describe("#lienket", () => {
  it("links the group to a unit the officer manages; members' reports there count for it", async () => {
    const r = await bot.say(groupText("g-tdp7", "officer-tdp", "#lienket ad-tdp07"));
    expect(r.intent).toBe("link-group");
    expect(r.text).toContain("Đã liên kết");
    expect(bot.people.units.byGroupId("g-tdp7")?.code).toBe("AD-TDP07");
    await bot.say(groupText("g-tdp7", "member", "#xong Ngô Thị Hương"));
    expect(bot.people.completions.get("member")?.unitCode).toBe("AD-TDP07");
  });

  it("needs a group, a known code, and rights over that unit", async () => {
    expect((await dm("officer-tdp", "#lienket AD-TDP05")).text).toContain("trong nhóm");
    expect((await bot.say(groupText("g1", "officer-tdp", "#lienket"))).text).toContain("mã đơn vị");
    expect((await bot.say(groupText("g1", "officer-tdp", "#lienket XYZ-99"))).text).toContain("Không tìm thấy");
    expect((await bot.say(groupText("g1", "officer-tdp", "#lienket AD-TDP06"))).text).toContain("chưa được giao");
    expect(bot.people.units.byGroupId("g1")).toBeNull();
    // A group another officer's unit holds is not taken over.
    await bot.say(groupText("g2", "officer-all", "#lienket AD-TDP06"));
    expect((await bot.say(groupText("g2", "officer-tdp", "#lienket AD-TDP05"))).text).toContain("không phụ trách");
    expect(bot.people.units.byGroupId("g2")?.code).toBe("AD-TDP06");
  });
});
