import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { userText, groupText } from "../helpers/zalo-events.js";
import { DURING, ENTRY, REWORDED, UNCOVERED, deliveredTo, startLoopWorld, type LoopWorld } from "./loop-harness.js";

const run = promisify(execFile);
const RESIDENT_A = "7100000000000000001";
const RESIDENT_B = "7100000000000000002";
const RESIDENT_C = "7100000000000000003";

interface Item {
  id: number;
  text: string;
  count: number;
  lastAskedAt: string;
  askedIn: Array<{ kind: string; id: string; label: string }>;
  suggestions: Array<{ id: string; title: string }>;
  state: string;
}

let world: LoopWorld | null = null;
afterEach(async () => {
  await world?.close();
  world = null;
});

async function items(w: LoopWorld): Promise<Item[]> {
  const res = await w.api("GET", "/admin/unanswered");
  expect(res.status).toBe(200);
  return res.json.items as Item[];
}

describe("officers close the loop, through the signed webhook and the admin API", () => {
  it("uncovered question → listed → taught → a reworded question is answered; the reply reaches the asker once; survives a restart; exported content passes content:check", async () => {
    world = await startLoopWorld();
    const w = world;
    const answer = () => w.bot.rt.services.faq.answer(w.bot.rt.services.faq.entry(ENTRY)!, new Date(DURING));

    // A resident asks something the content does not cover: the fallback answers, the question is queued.
    await w.bot.post(userText(RESIDENT_A, UNCOVERED));
    await w.bot.settle();
    expect(deliveredTo(w.fake, RESIDENT_A)).toHaveLength(1);
    const [item] = await items(w);
    expect(item).toMatchObject({ text: UNCOVERED, count: 1, state: "new" });
    expect(item!.askedIn).toEqual([expect.objectContaining({ kind: "user", id: RESIDENT_A, label: "1:1" })]);
    expect(item!.lastAskedAt).toBe(new Date(DURING).toISOString());
    const guess = item!.suggestions.find((s) => s.id === ENTRY);
    expect(guess?.title).toBe("Mỗi người một tài khoản");

    // One click on the guess teaches it.
    const taught = await w.api("POST", `/admin/unanswered/${item!.id}/teach`, { entryId: ENTRY });
    expect(taught.status).toBe(200);
    expect((await items(w))[0]!.state).toBe("taught");

    // A second resident asking in other words gets that entry, from the next message on.
    await w.bot.post(userText(RESIDENT_B, REWORDED));
    await w.bot.settle();
    expect(deliveredTo(w.fake, RESIDENT_B)).toEqual([answer()]);

    // The officer's reply reaches the first resident exactly once, through the outbox.
    const reply = await w.api("POST", `/admin/unanswered/${item!.id}/reply`, {
      text: "Chào bạn, mỗi người tự thi bằng tài khoản của mình nhé.",
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ send: [{ kind: "user", recipientId: RESIDENT_A }], outsideWindow: [] });
    await w.bot.settle();
    await expect.poll(() => deliveredTo(w.fake, RESIDENT_A).length).toBe(2);
    expect(deliveredTo(w.fake, RESIDENT_A)[1]).toBe("Chào bạn, mỗi người tự thi bằng tài khoản của mình nhé.");
    const detail = await w.api("GET", `/admin/unanswered/${item!.id}`);
    expect(detail.json.replies).toEqual([
      expect.objectContaining({ targets: [expect.objectContaining({ recipientId: RESIDENT_A, delivery: "sent" })] }),
    ]);

    // Restart: the taught phrasing still works, and nothing is sent twice.
    await w.restart();
    await w.bot.post(userText(RESIDENT_C, UNCOVERED));
    await w.bot.settle();
    expect(deliveredTo(w.fake, RESIDENT_C)).toEqual([answer()]);
    expect(deliveredTo(w.fake, RESIDENT_A)).toHaveLength(2);

    // content export writes it into the content files, and content:check passes on them.
    const env = { ...process.env, CONTENT_DIR: w.contentDir, DATABASE_PATH: join(w.dataDir, "bot.db"), LOG_LEVEL: "silent" };
    const exported = await run("npx", ["tsx", "src/cli/index.ts", "content", "export"], { env });
    expect(exported.stdout).toContain("1 taught phrasing(s)");
    const file = readFileSync(join(w.contentDir, "taught.yaml"), "utf8");
    expect(file).toContain(UNCOVERED);
    expect(file).toContain(`entry: ${ENTRY}`);
    const check = await run("npx", ["tsx", "src/cli/content-check.ts", w.contentDir], { env });
    expect(check.stdout).toContain("valid");
  }, 120_000);

  it("teaches a new entry (validated like content), undoes it, dismisses, and replies into the group where it was asked", async () => {
    world = await startLoopWorld();
    const w = world;
    await w.bot.post(userText(RESIDENT_A, "thi xong có được tặng áo đồng phục không"));
    await w.bot.post(groupText("8100000000000000001", RESIDENT_B, "giá vàng hôm nay bao nhiêu?"));
    await w.bot.settle();
    const list = await items(w);
    const shirt = list.find((i) => i.text.includes("áo"))!;
    const gold = list.find((i) => i.text.includes("vàng"))!;
    expect(gold.askedIn).toEqual([expect.objectContaining({ kind: "group", id: "8100000000000000001" })]);

    // A bad entry is refused with the reason, and nothing changes.
    const bad = await w.api("POST", `/admin/unanswered/${shirt.id}/teach`, {
      entry: { title: "Áo", answer: "Xem {{links.nope}}", links: ["nope"] },
    });
    expect(bad.status).toBe(400);
    expect(String(bad.json.message)).toContain('unknown link "nope"');
    expect((await w.api("POST", `/admin/unanswered/${shirt.id}/teach`, { entry: { title: "", answer: "x" } })).status).toBe(400);

    const ok = await w.api("POST", `/admin/unanswered/${shirt.id}/teach`, {
      entry: { title: "Quà tặng khi thi xong", answer: "Cuộc thi không tặng áo đồng phục. Giải thưởng xem trong thể lệ." },
    });
    expect(ok.status).toBe(200);
    const taughtId = (ok.json.taught as { id: number }).id;
    await w.bot.post(userText(RESIDENT_C, "thi xong có được tặng áo đồng phục không"));
    await w.bot.settle();
    expect(deliveredTo(w.fake, RESIDENT_C)).toEqual(["Cuộc thi không tặng áo đồng phục. Giải thưởng xem trong thể lệ."]);

    // Undo: the bot no longer answers from it, and the question is back in the queue.
    expect((await w.api("POST", `/admin/taught/${taughtId}/undo`, {})).status).toBe(200);
    expect((await w.api("POST", `/admin/taught/${taughtId}/undo`, {})).status).toBe(409);
    await w.bot.post(userText(RESIDENT_C, "thi xong có được tặng áo đồng phục không"));
    await w.bot.settle();
    expect(deliveredTo(w.fake, RESIDENT_C)[1]).not.toContain("áo đồng phục");
    expect((await items(w)).find((i) => i.id === shirt.id)!.state).toBe("new");

    // The group where it was asked gets the officer's reply; then the question is dismissed.
    const reply = await w.api("POST", `/admin/unanswered/${gold.id}/reply`, { text: "Nhóm này chỉ hỗ trợ về cuộc thi ạ." });
    expect(reply.json).toMatchObject({ send: [{ kind: "group", recipientId: "8100000000000000001" }] });
    await expect.poll(() => deliveredTo(w.fake, "8100000000000000001")).toEqual(["Nhóm này chỉ hỗ trợ về cuộc thi ạ."]);
    expect((await w.api("POST", `/admin/unanswered/${gold.id}/dismiss`)).json).toMatchObject({ item: { state: "dismissed" } });
    expect((await w.api("GET", "/admin/unanswered?state=dismissed")).json.items).toEqual([expect.objectContaining({ id: gold.id })]);
    expect((await w.api("POST", "/admin/unanswered/99999/dismiss")).status).toBe(404);
  });

  it("residents whose last question is older than Zalo's 7 days are listed, not sent to", async () => {
    world = await startLoopWorld();
    const w = world;
    await w.bot.post(userText(RESIDENT_A, UNCOVERED));
    await w.bot.settle();
    await w.restart({ BOT_NOW: "2025-10-27T10:00:00+07:00" });
    await w.bot.post(userText(RESIDENT_B, UNCOVERED));
    await w.bot.settle();
    const [item] = await items(w);
    const reply = await w.api("POST", `/admin/unanswered/${item!.id}/reply`, { text: "Mỗi người tự thi bằng tài khoản của mình." });
    expect(reply.json).toMatchObject({
      send: [{ kind: "user", recipientId: RESIDENT_B }],
      outsideWindow: [{ userId: RESIDENT_A, lastAskedAt: new Date(DURING).toISOString() }],
    });
    await expect.poll(() => deliveredTo(w.fake, RESIDENT_B).length).toBe(2);
    expect(deliveredTo(w.fake, RESIDENT_A)).toHaveLength(1);
  });
});
