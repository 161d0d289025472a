import { randomUUID } from "node:crypto";
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Queue } from "bullmq";
import { Redis } from "ioredis";
import { describe, expect, it } from "vitest";
import { planBroadcast } from "../../src/broadcasts/broadcast-planner.js";
import { BroadcastQueue, DAILY_SCHEDULER_ID } from "../../src/broadcasts/broadcast-queue.js";
import { parseQuietHours, quietDelayMs } from "../../src/broadcasts/quiet-hours.js";
import { daysLeft, loadReminderTemplate, renderReminder } from "../../src/broadcasts/reminder-template.js";
import { campaignVars, loadCampaign } from "../../src/content/campaign.js";
import { loadChatTexts } from "../../src/content/chat-texts.js";
import { templateNames } from "../../src/content/faq-content.js";
import { smoothLimiter } from "../../src/broadcasts/broadcast-worker.js";
import type { UnitProgress } from "../../src/people/progress-types.js";
import { TEST_REDIS_URL } from "../helpers/redis.js";
import { cleanRedis } from "./broadcast-setup.js";

const unit = (code: string, o: Partial<UnitProgress> = {}): UnitProgress => ({
  code,
  name: `Tổ ${code}`,
  kind: "residential",
  ward: "An Dương",
  base: 100,
  target: 70,
  completed: 10,
  reported: 10,
  official: null,
  officialAsOf: null,
  ratio: 10 / 70,
  expectedByNow: 40,
  behind: true,
  zaloGroupId: `g-${code}`,
  ...o,
});

describe("quiet hours (Asia/Ho_Chi_Minh)", () => {
  const q = parseQuietHours("21:00-07:00");
  it.each([
    ["2025-11-01T20:59:00+07:00", 0],
    ["2025-11-01T21:00:00+07:00", 10 * 3600_000],
    ["2025-11-02T06:30:00+07:00", 30 * 60_000],
    ["2025-11-02T07:00:00+07:00", 0],
    ["2025-11-01T12:00:00+07:00", 0],
  ])("%s → waits %i ms", (at, ms) => {
    expect(quietDelayMs(q, new Date(at))).toBe(ms);
  });
  it("an empty window never waits; a bad one is refused", () => {
    expect(quietDelayMs(parseQuietHours("00:00-00:00"), new Date())).toBe(0);
    expect(() => parseQuietHours("9pm-7am")).toThrow(/21:00-07:00/);
  });
});

describe("planning", () => {
  const base = {
    allowed: null,
    force: false,
    now: Date.now(),
    cooldownMs: 12 * 3600_000,
    lastSentAt: () => null,
    pendingIn: () => null,
    texts: loadChatTexts("content", loadCampaign("content")),
  };
  it("behind scope: behind units with a group; a unit without one and without officers is listed to copy; reasons for the rest", () => {
    const units = [unit("A"), unit("B", { behind: false }), unit("C", { zaloGroupId: null }), unit("D", { zaloGroupId: "g-A" })];
    const p = planBroadcast({ ...base, scope: "behind", units });
    expect(p.targets.map((t) => [t.unit.code, t.route, t.reason.code])).toEqual([["A", "group", "group"]]);
    expect(p.copies.map((c) => [c.unit.code, c.reason])).toEqual([["C", { code: "noOfficer" }]]);
    expect(p.skipped).toEqual([{ unit: "D", unitName: "Tổ D", groupId: "g-A", reason: "nhóm Zalo trùng với đơn vị A" }]);
  });

  it("a unit without an OA group goes 1:1 to each of its officers inside Zalo's 7 days, else to the copy list", () => {
    const now = base.now;
    const day = 86_400_000;
    const officers: Record<string, { id: string; name: string | null; lastMessageAt: number | null }[]> = {
      C: [
        { id: "o-near", name: "Chị Lan", lastMessageAt: now - 2 * day },
        { id: "o-far", name: null, lastMessageAt: now - 8 * day },
      ],
      E: [
        { id: "o-far", name: null, lastMessageAt: now - 8 * day },
        { id: "o-never", name: null, lastMessageAt: null },
      ],
    };
    const units = [unit("C", { zaloGroupId: null }), unit("E", { zaloGroupId: null }), unit("F", { zaloGroupId: null })];
    const p = planBroadcast({ ...base, scope: "behind", units, officersOf: (code) => officers[code] ?? [] });
    expect(p.targets.map((t) => [t.unit.code, t.route, t.key, t.officer?.id, t.reason])).toEqual([
      ["C", "officer", "o:C:o-near", "o-near", { code: "officerInWindow", lastMessageAt: now - 2 * day }],
    ]);
    expect(p.copies.map((c) => [c.unit.code, c.reason])).toEqual([
      ["E", { code: "officerOutsideWindow", lastMessageAt: now - 8 * day }],
      ["F", { code: "noOfficer" }],
    ]);
    // The cooldown and a pending broadcast hold per officer target, as per group.
    const again = planBroadcast({
      ...base,
      scope: "behind",
      units,
      officersOf: (code) => officers[code] ?? [],
      lastSentAt: (k) => (k === "o:C:o-near" ? now - 3600_000 : null),
    });
    expect(again.targets).toEqual([]);
    expect(again.skipped.map((s) => s.unit)).toEqual(["C"]);
  });
  it("cooldown skips recently reminded groups unless forced; officer rights limit the units", () => {
    const units = [unit("A"), unit("B")];
    const recent = () => Date.now() - 3600_000;
    expect(planBroadcast({ ...base, scope: "all", units, lastSentAt: recent }).targets).toHaveLength(0);
    expect(planBroadcast({ ...base, scope: "all", units, lastSentAt: recent, force: true }).targets).toHaveLength(2);
    const mine = planBroadcast({ ...base, scope: { units: ["A", "B", "Z"] }, units, allowed: new Set(["A"]) });
    expect(mine.targets.map((t) => t.unit.code)).toEqual(["A"]);
    expect(mine.skipped.map((s) => [s.unit, s.reason])).toEqual([
      ["Z", "không có đơn vị này"],
      ["B", "không thuộc quyền quản lý của bạn"],
    ]);
  });

  it("a group still waiting in another broadcast is skipped, even with force", () => {
    const units = [unit("A"), unit("B")];
    const pendingIn = (g: string) => (g === "g-A" ? "b1" : null);
    for (const force of [false, true]) {
      const p = planBroadcast({ ...base, scope: "all", units, pendingIn, force });
      expect(p.targets.map((t) => t.unit.code)).toEqual(["B"]);
      expect(p.skipped).toEqual([{ unit: "A", unitName: "Tổ A", groupId: "g-A", reason: "đang chờ gửi trong đợt nhắc b1" }]);
    }
  });
});

describe("reminder template", () => {
  const campaign = loadCampaign("content");
  const names = templateNames(campaign);
  const t = loadReminderTemplate("content", names);
  const facts = {
    start: new Date("2025-10-11T00:00:00+07:00"),
    end: new Date("2025-11-11T23:59:59+07:00"),
    opens: "11/10/2025",
    deadline: "11/11/2025",
    vars: { ...campaignVars(campaign), "links.course": "https://c", "links.guide": "https://g" },
  };
  it("renders the unit's own figures and the days left in Vietnam's calendar", () => {
    expect(daysLeft(new Date("2025-11-10T23:30:00+07:00"), facts.end)).toBe(1);
    const text = renderReminder(t, unit("A"), new Date("2025-11-11T08:00:00+07:00"), facts);
    expect(text).toContain("Tổ A: đã có 10/70 người hoàn thành (14% chỉ tiêu)");
    expect(text).toContain("Hôm nay là ngày cuối cùng");
    expect(text).toContain("https://c");
    expect(text).toContain("https://g");
  });
  it("for an officer: a note to them, then the text to forward to the unit's own group; the copy route gets the text alone", () => {
    const at = new Date("2025-11-01T08:00:00+07:00");
    const forward = renderReminder(t, unit("A"), at, facts, undefined, "forward");
    const officer = renderReminder(t, unit("A"), at, facts, undefined, "officer");
    expect(forward).toContain("Tổ A: đã có 10/70 người hoàn thành");
    expect(forward).toContain("#xong Họ và tên, Tổ A");
    expect(forward).not.toContain("trong nhóm này");
    expect(officer.startsWith("Nhờ anh/chị phụ trách Tổ A chuyển tiếp")).toBe(true);
    expect(officer.endsWith(forward)).toBe(true);
  });
  it("an officer's own text gets the same placeholders", () => {
    expect(renderReminder(t, unit("A"), new Date("2025-11-01T08:00:00+07:00"), facts, "{{unit}} còn {{days_left}} ngày")).toBe(
      "Tổ A còn 10 ngày",
    );
  });
  it("an unknown placeholder in the file is reported at load", () => {
    const dir = mkdtempSync(join(tmpdir(), "tpl-"));
    mkdirSync(join(dir, "templates"));
    const good = readFileSync(join("content", "templates", "reminder.yaml"), "utf8");
    writeFileSync(
      join(dir, "templates", "reminder.yaml"),
      good.replace("{{hotline}}.\n# {{days_left_line}}", "{{unti}}.\n# {{days_left_line}}"),
    );
    expect(() => loadReminderTemplate(dir, names)).toThrow(/reminder: unknown placeholder \{\{unti\}\}/);
    writeFileSync(join(dir, "templates", "reminder.yaml"), good.replace("cán bộ nhắn trang {{days_ago}}", "cán bộ {{officer}}"));
    expect(() => loadReminderTemplate(dir, names)).toThrow(/reasons.officerInWindow: unknown placeholder \{\{officer\}\}/);
  });
});

describe("limiter and daily schedule", () => {
  it("keeps the configured rate in short windows", () => {
    expect(smoothLimiter(100)).toEqual({ max: 10, duration: 100 });
    expect(smoothLimiter(15)).toEqual({ max: 3, duration: 200 });
    expect(smoothLimiter(7)).toEqual({ max: 7, duration: 1000 });
  });

  it("the daily reminder is a job scheduler in Asia/Ho_Chi_Minh; unset removes it", async () => {
    const prefix = `t${randomUUID().slice(0, 8)}`;
    const conn = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: null });
    const reminders = new BroadcastQueue(conn, prefix);
    const queue = new Queue("broadcasts", { connection: conn, prefix });
    try {
      await reminders.scheduleDaily(8);
      await reminders.scheduleDaily(9); // moved, not duplicated
      const list = await queue.getJobSchedulers();
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({ key: DAILY_SCHEDULER_ID, pattern: "0 0 9 * * *", tz: "Asia/Ho_Chi_Minh" });
      await reminders.scheduleDaily(undefined);
      expect(await queue.getJobSchedulers()).toHaveLength(0);
    } finally {
      await reminders.close();
      await queue.close();
      conn.disconnect();
      await cleanRedis(prefix);
    }
  });
});
