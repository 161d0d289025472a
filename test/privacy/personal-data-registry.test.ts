import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BroadcastStore } from "../../src/broadcasts/broadcast-store.js";
import { TABLES } from "../../src/privacy/personal-data-registry.js";
import { groupText, userText } from "../helpers/zalo-events.js";
import { type ChatBot, startChatBot } from "../people/people-harness.js";

/**
 * Every table of the schema is classified in src/privacy/personal-data-registry.ts, and every personal table
 * is emptied of the person by the eraser that #xoa and user_withdraw run. A new personal table needs its
 * registry line and, if the scenario below does not reach it yet, one step here that puts the person in it.
 */
const PERSON = "1001001001";
const NAME = "Phan Thị Xoa";
const OTHER = "2002002002";

type Step = { why: string; run(bot: ChatBot): Promise<void> | void };
const scenario: Step[] = [
  { why: "officers, officer_units", run: (b) => void b.people.officers.grant(PERSON, { units: ["AD-TDP07"] }, new Date(), NAME) },
  {
    why: "dialog_sessions: a completion step waiting for the name, in a group",
    run: (b) => b.post(groupText("g-tdp7", PERSON, "#xong")).then(() => undefined),
  },
  { why: "completions, inbox, outbox", run: (b) => b.post(userText(PERSON, `#xong ${NAME}, TDP 7`)).then(() => undefined) },
  {
    why: "unanswered_questions, unanswered_asks",
    run: (b) => b.post(userText(PERSON, `cho hỏi ${NAME} đã được ghi nhận chưa, số điện thoại 0912345678`)).then(() => undefined),
  },
  {
    why: "taught_items, unanswered_reply_targets: an officer teaches the person's question and answers them",
    run: (b) => {
      const { loop, faq } = b.rt.services;
      const q = loop.queue.list(50).find((i) => i.askedIn.some((a) => a.id === PERSON))!;
      loop.teach.teach(q.id, { entryId: faq.content.entries[0]!.id }, "officer", new Date());
      loop.replies.reply(q.id, "Cán bộ đã kiểm tra giúp bạn.", "officer", new Date());
    },
  },
  {
    why: "human_takeovers: an OA admin answers the person by hand",
    run: (b) => void b.rt.services.loop.takeover.humanReplied(PERSON, "9900000000000000001", new Date()),
  },
  {
    why: "others' texts naming the person",
    run: (b) => b.post(groupText("g-tdp7", OTHER, `${NAME} ơi, thi xong chưa?`)).then(() => undefined),
  },
  {
    why: "broadcasts, broadcast_targets: a reminder the person asked for in chat, and one sent to them 1:1 as the unit's officer",
    run: (b) => {
      const store = new BroadcastStore(b.rt.db);
      store.createDraft(
        { id: "b-1", scope: "behind", message: null, force: false, requestedBy: `zalo:${PERSON}`, notify: `user:${PERSON}` },
        [
          {
            groupId: `o:AD-TDP07:${PERSON}`,
            unitCode: "AD-TDP07",
            unitName: "TDP 7",
            text: "Nhờ anh/chị chuyển tiếp",
            route: "officer",
            recipientId: PERSON,
            reason: '{"code":"noOfficer"}',
          },
        ],
        [],
        Date.now(),
      );
      store.setStatus("b-1", "done", Date.now());
    },
  },
  {
    why: "official_people: the ward's per-person list names the person (and someone else, who stays)",
    run: (b) =>
      void b.people.official.apply(
        {
          shape: "person",
          fileName: "ds.xlsx",
          rows: 2,
          figures: [{ unitCode: "AD-TDP07", completed: 2, asOf: "2025-11-01" }],
          people: [
            { unitCode: "AD-TDP07", fullName: NAME, nameKey: "phan thi xoa", completedOn: "2025-11-01" },
            { unitCode: "AD-TDP07", fullName: "Trần Văn Bình", nameKey: "tran van binh", completedOn: "2025-11-01" },
          ],
        },
        new Date(),
      ),
  },
  {
    why: "someone else's completion, which must stay",
    run: (b) => b.post(userText(OTHER, "#xong Trần Văn Bình, TDP 7")).then(() => undefined),
  },
];

let bot: ChatBot;
const tables = () =>
  (
    bot.rt.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
const holding = (table: string, holds: string) =>
  (bot.rt.db.prepare(`SELECT COUNT(*) AS n FROM "${table}" WHERE ${holds}`).get({ id: PERSON, name: NAME }) as { n: number }).n;

beforeAll(async () => {
  bot = await startChatBot();
  bot.rt.db.prepare("UPDATE units SET zalo_group_id = 'g-tdp7' WHERE code = 'AD-TDP07'").run();
  for (const step of scenario) {
    await step.run(bot);
    await bot.settle();
  }
});
afterAll(async () => {
  await bot?.close();
});

describe("personal data registry", () => {
  it("classifies every table of the schema, and names no table that does not exist", () => {
    const schema = tables();
    const missing = schema.filter((t) => !(t in TABLES));
    expect(missing, "add these tables to src/privacy/personal-data-registry.ts").toEqual([]);
    expect(Object.keys(TABLES).filter((t) => !schema.includes(t))).toEqual([]);
    for (const [t, rule] of Object.entries(TABLES)) {
      if (!rule.personal) expect(rule.reason.length, `${t}: say why it is not personal`).toBeGreaterThan(10);
    }
  });

  it("after user_withdraw's erasure no personal table holds the person; others' rows stay", () => {
    const personal = Object.entries(TABLES).filter(([, r]) => r.personal);
    const before = Object.fromEntries(personal.map(([t, r]) => [t, r.personal ? holding(t, r.holds) : 0]));
    const unreached = Object.entries(before)
      .filter(([, n]) => n === 0)
      .map(([t]) => t);
    expect(unreached, "the scenario never put the person in these tables: add a step to it").toEqual([]);

    const gone = bot.rt.services.privacy.erase(PERSON, "withdraw");
    expect(gone).toMatchObject({ completion: 1, officer: 1, steps: 1, questions: 1, requests: 1, official: 1 });

    const after = Object.fromEntries(personal.map(([t, r]) => [t, r.personal ? holding(t, r.holds) : 0]));
    expect(after).toEqual(Object.fromEntries(personal.map(([t]) => [t, 0])));
    expect(bot.people.completions.get(OTHER)?.fullName).toBe("Trần Văn Bình");
    // The official list keeps its count and the other name.
    expect(bot.people.official.peopleOf("AD-TDP07").map((p) => p.fullName)).toEqual(["[tên đã xoá]", "Trần Văn Bình"]);
  });
});
