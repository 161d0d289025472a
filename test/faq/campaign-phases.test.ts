import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildHandlers, fallback } from "../../handlers/index.js";
import { Bot } from "../../src/bot/bot.js";
import { buildServices } from "../../src/bot/build-services.js";
import { fixedClock } from "../../src/clock.js";
import { loadCampaign } from "../../src/content/campaign.js";
import { loadConfig } from "../../src/config.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { silentLogger } from "../../src/observability/logger.js";
import { followEvent, userMessageEvent } from "../../src/zalo/zalo-events.js";
import { follow, userText } from "../helpers/zalo-events.js";

/**
 * What a resident notices at different moments of the campaign: inside it, after it ended (today), and
 * before the letters that answers cite were issued. One bot per clock, each message from its own user
 * unless a dialogue is being followed.
 */
function botAt(now: string) {
  let dir = "";
  let db: Db;
  let bot: Bot;
  let n = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "phases-"));
    const config = loadConfig({ DATABASE_PATH: join(dir, "bot.db"), LOG_LEVEL: "silent" });
    db = openDatabase(config.DATABASE_PATH);
    const services = buildServices({
      config,
      db,
      clock: fixedClock(now),
      logger: silentLogger,
      campaign: loadCampaign(config.CONTENT_DIR),
      broadcastQueue: null,
    });
    bot = new Bot(services, buildHandlers(), fallback, silentLogger);
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const say = async (text: string, userId = `u-${++n}`) => {
    const res = await bot.handle({ family: "user_message", data: userMessageEvent.parse(userText(userId, text)) });
    return { intent: res.intent, reply: res.replies.map((r) => r.text).join("\n") };
  };
  const followed = async () => {
    const res = await bot.handle({ family: "follow", data: followEvent.parse(follow(`f-${++n}`)) });
    return res.replies.map((r) => r.text).join("\n");
  };
  return { say, followed };
}

const HOTLINE = "0904 540 490";
const COURSE = "onetouch.mic.gov.vn/khoa-hoc/";
/** A yes the letters never give: a reply opening with "Dạ có", "Có.", "Được ạ". */
const IMPLIED_YES = /^(Dạ,? )?(có|được)\b/i;

describe("inside the contest (25/10/2025)", () => {
  const { say } = botAt("2025-10-25T09:00:00+07:00");

  it("a long message from someone unused to phones gets the short numbered path", async () => {
    const r = await say("chau oi ba gia roi khong ranh dien thoai, to truong bao ca nha phai thi cong dan so, ba phai bat dau tu dau");
    expect(r.intent).toBe("cach-thi");
    expect(r.reply).toContain(COURSE);
    expect(r.reply).toMatch(/1\) .+\n2\) .+\n3\) .+/);
  });

  it.each([["sinh viên ở tỉnh khác có được thi không"], ["người nước ngoài thi được không"], ["mấy tuổi thì được thi"]])(
    "who may take part, where the letters are silent: says so and where to ask, never a yes (%s)",
    async (q) => {
      const r = await say(q);
      expect(r.intent).toBe("doi-tuong");
      expect(r.reply).toMatch(/không nêu riêng/);
      expect(r.reply).toContain(HOTLINE);
      expect(r.reply).not.toMatch(IMPLIED_YES);
    },
  );

  it.each([
    ["dự thi có mất tiền không", "phi-du-thi"],
    ["cuộc thi này có phải lừa đảo không", "chinh-thuc"],
    ["năm sau có thi nữa không", "cuoc-thi-moi"],
  ])("what the letters do not answer gets an honest word, the hotline and traced facts (%s)", async (q, id) => {
    const r = await say(q);
    expect(r.intent).toBe(id);
    expect(r.reply).toMatch(/không nêu/);
    expect(r.reply).toContain(HOTLINE);
    expect(r.reply).not.toMatch(IMPLIED_YES);
  });

  it("a message asking for two things gets both", async () => {
    const r = await say("cho xin link thi và số hotline");
    expect(r.reply).toContain(COURSE);
    expect(r.reply).toContain(HOTLINE);
  });

  it("ward facts are stated as that ward's", async () => {
    const target = await say("chỉ tiêu của tổ dân phố là bao nhiêu");
    expect(target.reply).toMatch(/phường Thiên Hương:[\s\S]*70%/);
    const start = await say("ở thiên hương thi từ ngày nào");
    expect(start.reply).toMatch(/phường Thiên Hương/);
    expect(start.reply).toContain("14/10/2025");
  });

  it("a tổ trưởng asking how many in the tổ took part gets Bản đồ số and #baocao", async () => {
    const r = await say("tổ trưởng muốn biết tổ mình bao nhiêu người đã thi thì xem ở đâu");
    expect(r.intent).toBe("to-truong");
    expect(r.reply).toContain("bandoso.haiphong.gov.vn");
    expect(r.reply).toContain("#baocao");
  });

  it.each([
    ["bạn là người hay máy vậy", "about"],
    ["bot ngu quá", "insult"],
    ["trả lời như c", "insult"],
  ])("the bot itself and rude words: a short polite answer, never the hotline (%s)", async (q, intent) => {
    const r = await say(q);
    expect(r.intent).toBe(intent);
    expect(r.reply).toMatch(/^Dạ, /);
    expect(r.reply).not.toContain(HOTLINE);
  });

  it.each([["báo cáo: đã hoàn thành cuộc thi"], ["em làm xong 4 chuyên đề và bài thi rồi"]])(
    "a plain-words self-report starts the completion dialogue (%s)",
    async (q) => {
      expect((await say(q)).intent).toBe("completion");
    },
  );

  it("the menu numbers its items and a digit opens one", async () => {
    const menu = await say("menu", "menu-user");
    expect(menu.intent).toBe("help");
    const items = menu.reply.split("\n").filter((l) => /^\d\. /.test(l));
    expect(items.length).toBeGreaterThanOrEqual(3);
    const picked = await say("2", "menu-user");
    expect(picked.intent).toBe("thoi-gian");
    expect(items[1]).toBe("2. Thời gian thi (bắt đầu, kết thúc)");
    expect(picked.reply).toContain("11/11/2025");
  });
});

describe("after the end (today, 02/12/2026)", () => {
  const { say, followed } = botAt("2026-12-02T09:00:00+07:00");
  const ENDED = "Cuộc thi đã kết thúc ngày 11/11/2025.";

  it("'nếu hôm nay tôi thi thì có được tính không' → ended first, then a plain no", async () => {
    const r = await say("nếu hôm nay tôi thi thì có được tính không");
    expect(r.reply.startsWith(ENDED)).toBe(true);
    expect(r.reply).toMatch(/Dạ không/);
  });

  it("no joining steps or countdown as if it were open; points to what continues", async () => {
    for (const q of ["hướng dẫn tôi cách thi từng bước", "đăng ký thi ở đâu", "còn mấy ngày nữa hết hạn"]) {
      const r = await say(q);
      expect(r.reply.startsWith(ENDED), q).toBe(true);
      expect(r.reply, q).not.toMatch(/^1\) Mở khóa học/m);
      expect(r.reply, q).not.toMatch(/còn \d+ ngày/);
    }
    const r = await say("hướng dẫn tôi cách thi từng bước");
    expect(r.reply).toContain("binhdanhocvuso.gov.vn");
  });

  it("prize questions get the facts and an honest word on what the letters do not say", async () => {
    const r = await say("giải thưởng gồm những gì");
    expect(r.reply.startsWith(ENDED)).toBe(true);
    expect(r.reply).toContain("5.000.000");
    expect(r.reply).toMatch(/chưa nêu danh sách đạt giải/);
  });

  it("greeting, thanks and menu stop talking about taking part", async () => {
    const hello = await say("xin chào");
    expect(hello.reply).toContain("đã kết thúc ngày 11/11/2025");
    expect(hello.reply).not.toMatch(/cách dự thi/i);
    expect(await followed()).not.toMatch(/Cách tham gia dự thi/);
    const thanks = await say("cảm ơn ad");
    expect(thanks.reply).not.toMatch(/chúc bạn hoàn thành/i);
    const guide = await say("video hd?");
    expect(guide.reply).toMatch(/^Cuộc thi đã kết thúc ngày 11\/11\/2025/);
    expect(guide.reply).toContain("drive.google.com");
    const menu = await say("menu", "menu-after");
    expect(menu.reply).not.toMatch(/Cách tham gia dự thi/);
    expect(menu.reply).toMatch(/\d\. Bình dân học vụ số/);
  });
});

describe("before the start (05/10/2025)", () => {
  const { say } = botAt("2025-10-05T09:00:00+07:00");
  it("no answer cites the Sở's letter of 13/10/2025 as issued", async () => {
    for (const q of ["ai tổ chức cuộc thi", "công văn triển khai cuộc thi số mấy"]) {
      const r = await say(q);
      expect(r.reply, q).not.toContain("3452");
    }
  });

  it("a question only a later letter answers: not yet said, after when the contest opens, without that letter's links", async () => {
    const r = await say("xem kết quả tham gia của phường trên bản đồ số ở đâu");
    expect(r.reply).toMatch(/^Cuộc thi chưa bắt đầu/);
    expect(r.reply).toMatch(/chưa có văn bản/);
    expect(r.reply).not.toContain("bandoso");
  });
});

describe("before the ward letter of An Dương (15/10/2025)", () => {
  const { say } = botAt("2025-10-15T09:00:00+07:00");
  it("does not give its contact as if the letter were out", async () => {
    const r = await say("liên hệ ai ở phường an dương");
    expect(r.reply).not.toContain("0832");
    expect(r.reply).toMatch(/chưa có văn bản/);
  });
});
