import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReminderTemplate, renderReminder } from "../../src/broadcasts/reminder-template.js";
import { campaignLabel, campaignVars, loadCampaign } from "../../src/content/campaign.js";
import { templateNames } from "../../src/content/faq-content.js";
import { askOnce, createOfflineBot, type OfflineBot } from "../../src/cli/offline-bot.js";
import type { UnitProgress } from "../../src/people/progress-types.js";
import { loadCases, scoreCases } from "../helpers/faq-scoring.js";

/**
 * A second, fictional campaign (test/fixtures/health-book: a town's drive to set up an electronic health
 * book, not a contest) runs from its content folder alone: same code, CONTENT_DIR pointed at it.
 */
const PACK = "test/fixtures/health-book";
const QUESTIONS = "test/fixtures/health-book-questions.jsonl";

describe.each([
  ["during", "2027-04-10T09:00:00+07:00"],
  ["after", "2027-07-01T09:00:00+07:00"],
])("the health-book drive, %s it, through CONTENT_DIR", (phase, now) => {
  let ob: OfflineBot;
  beforeAll(() => {
    ob = createOfflineBot({ CONTENT_DIR: PACK, BOT_NOW: now });
  });
  afterAll(() => ob.close());

  it("answers its residents' own questions (no diacritics, shorthand, half sentences): at least 90%", async () => {
    const cases = loadCases(QUESTIONS);
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const { score, misses } = await scoreCases(ob, cases);
    expect(score, misses.join("\n")).toBeGreaterThanOrEqual(0.9);
    expect(misses.filter((m) => m.startsWith("oos:"))).toEqual([]);
  }, 60_000);

  it("greets, falls back and dates its answers in the drive's own words", async () => {
    const hello = await askOnce(ob, "7000000000000000001", "xin chào");
    expect(hello.reply).toContain("Mỗi nhà một Sổ sức khỏe điện tử");
    const unknown = await askOnce(ob, "7000000000000000002", "giá vàng hôm nay");
    expect(unknown.intent).toBeNull();
    expect(unknown.reply).toContain("0200 555 011");
    const when = await askOnce(ob, "7000000000000000003", "han chot la bao gio");
    expect(when.reply).toContain("31/05/2027");
    if (phase === "after") expect(when.reply).toContain("Chiến dịch đã kết thúc ngày 31/05/2027");
    for (const r of [hello, unknown, when]) expect(r.reply).not.toMatch(/cuộc thi|bài thi/i);
  });
});

describe("the health-book drive's titles and reminder", () => {
  const campaign = loadCampaign(PACK);

  it("names the dashboard from content", () => {
    expect(campaignLabel(campaign)).toEqual({ title: "Chiến dịch “Sổ sức khỏe điện tử Lạc Mai”", noun: "chiến dịch" });
    expect(campaign.file.exam).toBeUndefined();
    expect(campaign.file.prizes).toBeUndefined();
  });

  it("renders the reminder with the drive's name, link and hotline", () => {
    const t = loadReminderTemplate(PACK, templateNames(campaign));
    const unit: UnitProgress = {
      code: "LM-TDP03",
      name: "Tổ dân phố số 3",
      kind: "residential",
      ward: "Lạc Mai",
      base: 100,
      target: 80,
      completed: 20,
      reported: 20,
      official: null,
      officialAsOf: null,
      ratio: 0.25,
      expectedByNow: 40,
      behind: true,
      zaloGroupId: "g-3",
    };
    const text = renderReminder(t, unit, new Date("2027-04-10T09:00:00+07:00"), {
      start: campaign.window.start,
      end: campaign.window.end,
      opens: campaign.dates.launch,
      deadline: campaign.dates.end,
      vars: campaignVars(campaign),
    });
    expect(text).toContain("Mỗi nhà một Sổ sức khỏe điện tử");
    expect(text).toContain("Tổ dân phố số 3: đã có 20/80 người");
    expect(text).toContain("https://ybalacmai.example.org/tai-ung-dung");
    expect(text).toContain("0200 555 011");
    expect(text).toContain("Còn 51 ngày");
  });
});
