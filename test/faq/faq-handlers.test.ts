import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildHandlers, fallback } from "../../handlers/index.js";
import { Bot } from "../../src/bot/bot.js";
import { buildServices } from "../../src/bot/build-services.js";
import type { Services } from "../../src/bot/services.js";
import { fixedClock } from "../../src/clock.js";
import { loadConfig } from "../../src/config.js";
import { loadCampaign } from "../../src/content/campaign.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { silentLogger } from "../../src/observability/logger.js";
import { followEvent, groupMessageEvent, userMessageEvent, type ZaloEvent } from "../../src/zalo/zalo-events.js";
import { follow, groupText, userText } from "../helpers/zalo-events.js";

let dir: string;
let db: Db;
let services: Services;
let bot: Bot;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "faq-handlers-"));
  const config = loadConfig({ DATABASE_PATH: join(dir, "bot.db"), LOG_LEVEL: "silent" });
  db = openDatabase(config.DATABASE_PATH);
  services = buildServices({
    config,
    db,
    clock: fixedClock("2025-10-25T09:00:00+07:00"),
    logger: silentLogger,
    campaign: loadCampaign(config.CONTENT_DIR),
    broadcastQueue: null,
  });
  bot = new Bot(services, buildHandlers(), fallback, silentLogger);
});

afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const say = async (userId: string, text: string) => {
  const res = await bot.handle({ family: "user_message", data: userMessageEvent.parse(userText(userId, text)) });
  return { intent: res.intent, reply: res.replies.map((r) => r.text).join("\n") };
};

describe("greeting, thanks and help", () => {
  it("greets a new follower with what the bot can do", async () => {
    const ev: ZaloEvent = { family: "follow", data: followEvent.parse(follow("u-1")) };
    const res = await bot.handle(ev);
    expect(res.intent).toBe("greeting");
    expect(res.replies[0]!.text).toMatch(/^Xin chào!/);
    expect(res.replies[0]!.text).toContain("0904 540 490");
  });

  it.each([
    ["xin chào", "greeting", /Xin chào/],
    ["chào bot", "greeting", /Xin chào/],
    ["cam on ad nhieu", "thanks", /không có gì/i],
    ["menu", "help", /^Dạ, tôi trả lời các câu hỏi về Cuộc thi “[^”]+”. Bạn chọn một mục \(gõ số\)/],
    ["hướng dẫn", "guide", /docs\.google\.com.*\n.*drive\.google\.com/s],
    ["video", "guide", /drive\.google\.com\/file/],
  ])("%s → %s", async (text, intent, reply) => {
    const r = await say("u-2", text);
    expect(r.intent).toBe(intent);
    expect(r.reply).toMatch(reply);
  });

  it("leaves a greeting followed by a question to the FAQ", async () => {
    const r = await say("u-3", "chào ad, bài thi có bao nhiêu câu vậy");
    expect(r.intent).toBe("so-cau-hoi");
    expect(r.reply).toContain("20 câu");
  });
});

describe("FAQ and fallback", () => {
  it("answers with the entry id as intent", async () => {
    const r = await say("u-4", "giai nhat bao nhieu tien");
    expect(r.intent).toBe("giai-ca-nhan");
    expect(r.reply).toContain("5.000.000");
  });

  it("offers a choice and answers the digit the resident sends back", async () => {
    const r = await say("u-5", "Thể lệ cuộc thi hồi đó bài làm bao nhiêu phút?");
    expect(r.intent).toBe("faq-suggest");
    expect(r.reply).toMatch(/^Bạn muốn hỏi:\n1\) .+\n2\) .+/);
    const titles = r.reply.split("\n").filter((l) => /^\d\) /.test(l));
    const second = titles[1]!.slice(3);
    const pick = await say("u-5", "2");
    expect(pick.intent).not.toBeNull();
    expect(services.faq.entry(pick.intent!)?.title).toBe(second);
    // the choice is used up: a digit alone now falls back
    expect((await say("u-5", "2")).intent).toBeNull();
  });

  it("answers the likeliest entry and offers the close ones after it, a digit away", async () => {
    const r = await say("u-9", "thời gian");
    expect(r.intent).toBe("thoi-gian");
    const [answer, also] = r.reply.split("\nBạn cũng có thể hỏi:\n");
    expect(answer).toContain("11/11/2025");
    const titles = also!.split("\n").filter((l) => /^\d\) /.test(l));
    expect(titles.length).toBeGreaterThanOrEqual(1);
    const pick = await say("u-9", "1");
    expect(services.faq.entry(pick.intent!)?.title).toBe(titles[0]!.slice(3));
    // a new question after the answer is a question, not a choice
    expect((await say("u-9", "giải nhất bao nhiêu tiền")).intent).toBe("giai-ca-nhan");
  });

  it("asks again when the digit is not on the list", async () => {
    await say("u-6", "Thể lệ cuộc thi hồi đó bài làm bao nhiêu phút?");
    const r = await say("u-6", "9");
    expect(r.intent).toBe("faq-choice");
    expect(r.reply).toMatch(/từ 1 đến \d/);
  });

  it("falls back with hotline, group and guide for a campaign question it cannot answer, intent null", async () => {
    const r = await say("u-7", "ban tổ chức có phát áo không");
    expect(r.intent).toBeNull();
    expect(r.reply).toContain("0904 540 490");
    expect(r.reply).toContain("https://zalo.me/g/motzcq639");
    expect(r.reply).toContain("docs.google.com/document");
  });

  it("says plainly it only knows the campaign for another topic, without the hotline, and records it", async () => {
    const r = await say("u-7", "Giá vàng hôm nay bao nhiêu?");
    expect(r.intent).toBeNull();
    expect(r.reply).toMatch(/chỉ trả lời về Cuộc thi/);
    expect(r.reply).not.toContain("0904 540 490");
    await say("u-8", "gia vang hom nay bao nhieu");
    const list = services.unanswered.list(10);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ key: "gia vang q:many", count: 2, state: "new", text: "gia vang hom nay bao nhieu" });
    expect(
      services.unanswered
        .askedIn(list[0]!.id)
        .map((a) => `${a.kind}:${a.id}`)
        .sort(),
    ).toEqual(["user:u-7", "user:u-8"]);
  });

  it("answers confidently in OA groups but stays silent when it has no answer", async () => {
    const ask = async (text: string) => {
      const res = await bot.handle({ family: "group_message", data: groupMessageEvent.parse(groupText("g-1", "u-9", text)) });
      return res;
    };
    const a = await ask("bao giờ hết hạn thi vậy mọi người");
    expect(a.intent).toBe("thoi-gian");
    expect(a.replies[0]!.to).toEqual({ kind: "group", id: "g-1" });
    const b = await ask("mai đi ăn cưới không");
    expect(b.intent).toBeNull();
    expect(b.replies).toEqual([]);
  });
});
