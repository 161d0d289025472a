import { afterEach, describe, expect, it } from "vitest";
import { sendJobId } from "../../src/broadcasts/broadcast-queue.js";
import { BroadcastStore } from "../../src/broadcasts/broadcast-store.js";
import { join } from "node:path";
import { runCli } from "../helpers/run-cli.js";
import { userText } from "../helpers/zalo-events.js";
import { type BroadcastEnv, inspectQueue, startBroadcastEnv, unitsCsv } from "./broadcast-setup.js";

/**
 * A unit behind pace whose Zalo group the OA does not own (most units chat in their own groups): the reminder
 * goes 1:1 to the unit's officer when Zalo lets the OA write to them (they wrote to the OA within 7 days),
 * for them to forward; otherwise the dashboard lists the unit with the text to copy. Exactly once per target.
 */
let env: BroadcastEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

const DAY = 86_400_000;
const FORWARD_NOTE = /^Nhờ anh\/chị phụ trách Tổ dân phố 1 chuyển tiếp/;

async function until(ok: () => boolean | Promise<boolean>, what: string, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await ok())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** T0 has an OA group; T1 and T2 have none. T1's officer wrote to the OA just now; T2's wrote 8 days ago. */
async function setup(): Promise<BroadcastEnv> {
  const e = await startBroadcastEnv({ units: unitsCsv(3, { groupless: [1, 2] }), completed: (i) => i });
  const { officers } = e.bot.rt.services.people;
  officers.grant("ward-officer", { all: true }, new Date(), "Trần Văn Phường");
  officers.grant("officer-near", { units: ["T1"] }, new Date(), "Nguyễn Thị Lan");
  officers.grant("officer-far", { units: ["T2"] }, new Date());
  // Their last 1:1 messages to the OA, as Zalo delivers them (signed webhook events); the bot keeps the time.
  await e.bot.post(userText("officer-near", "chào trang"));
  await e.bot.post(userText("officer-far", "chào trang"));
  await e.bot.settle();
  // officer-far's message is 8 days old: outside the window in which Zalo lets the OA write to them.
  e.bot.rt.db.prepare("UPDATE officers SET last_message_at = last_message_at - ? WHERE zalo_user_id = 'officer-far'").run(8 * DAY);
  return e;
}

const reminders = (e: BroadcastEnv, to: string) =>
  e.fake.delivered.filter((m) => m.kind === "user" && m.to === to && /chuyển tiếp/.test(m.text));

describe("a behind unit without an OA group", () => {
  it("is reminded through its officer: #nhacnho (signed webhook) → queue → one 1:1 /message/cs to the officer; outside 7 days → listed to copy", async () => {
    env = await setup();
    await env.bot.post(userText("ward-officer", "#nhacnho"));
    await env.bot.settle();
    await env.bot.post(userText("ward-officer", "có"));
    await env.bot.settle();
    const toWard = () => env!.fake.delivered.filter((m) => m.to === "ward-officer").map((m) => m.text);
    await until(() => toWard().some((t) => t.startsWith("Đã gửi xong đợt nhắc nhở")), "the summary");

    // Exactly one message to the officer inside the window, 1:1 through /v3.0/oa/message/cs, written to forward.
    const near = reminders(env, "officer-near");
    expect(near).toHaveLength(1);
    expect(near[0]!.text).toMatch(FORWARD_NOTE);
    expect(near[0]!.text).toContain("Tổ dân phố 1: đã có 1/70 người hoàn thành");
    expect(near[0]!.text).toContain('"#xong Họ và tên, Tổ dân phố 1"');
    expect(reminders(env, "officer-far")).toHaveLength(0);
    expect(env.fake.delivered.filter((m) => m.kind === "group").map((m) => m.to)).toEqual(["g-0"]);

    // The report says, per unit, which way it went and why.
    const list = (await (await env.admin("/admin/broadcasts")).json()).broadcasts as { id: string }[];
    const report = await env.waitDone(list[0]!.id);
    expect(report).toMatchObject({ sent: 2, sentGroups: 1, sentOfficers: 1, copy: 1, failed: 0 });
    const byUnit = Object.fromEntries((report.targets as { unit: string }[]).map((t) => [t.unit, t]));
    expect(byUnit.T0).toMatchObject({ route: "group", groupId: "g-0", status: "sent", reason: "đơn vị có nhóm Zalo do trang quản lý" });
    expect(byUnit.T1).toMatchObject({
      route: "officer",
      groupId: null,
      status: "sent",
      officer: "Nguyễn Thị Lan",
      routeLabel: "nhắn riêng cán bộ Nguyễn Thị Lan để chuyển tiếp",
      reason: expect.stringMatching(/cán bộ nhắn trang 0 ngày trước, Zalo cho nhắn riêng trong 7 ngày/),
    });
    expect(byUnit.T2).toMatchObject({
      route: "copy",
      status: "skipped",
      reason: expect.stringMatching(/không nhắn trang trong 7 ngày qua/),
      text: expect.stringContaining("Tổ dân phố 2: đã có 2/70 người hoàn thành"),
    });
    // …and so does the summary to the officer who asked.
    const summary = toWard().find((t) => t.startsWith("Đã gửi xong đợt nhắc nhở"))!;
    expect(summary).toMatch(/2 tin đã gửi \(1 vào nhóm, 1 nhắn riêng cán bộ\), 0 lỗi, 1 đơn vị cần chép tin gửi tay/);
    expect(summary).toMatch(/\n- Tổ dân phố 2: chưa gửi được: cán bộ chép tin .*, chưa gửi \(.*không nhắn trang trong 7 ngày qua/);
    expect(summary).toMatch(/\n- Tổ dân phố 1: nhắn riêng cán bộ Nguyễn Thị Lan để chuyển tiếp, đã gửi/);

    // Exactly once per target: the job run again (its Redis record gone, re-added) finds the ledger row sent.
    const key = "o:T1:officer-near";
    const bull = inspectQueue(env.prefix);
    try {
      const jobId = sendJobId(list[0]!.id, key);
      await bull.queue.remove(jobId);
      await env.bot.rt.broadcastQueue!.enqueue(list[0]!.id, [key], { rollback: false });
      await until(async () => (await bull.queue.getJob(jobId))?.finishedOn !== undefined, "the re-run job");
    } finally {
      await bull.close();
    }
    expect(reminders(env, "officer-near")).toHaveLength(1);
  });

  it("a reminder to an officer cut off by a crash is settled from their 1:1 history, not sent twice", async () => {
    env = await setup();
    const store = new BroadcastStore(env.bot.rt.db);
    const text = "Nhờ anh/chị phụ trách Tổ dân phố 1 chuyển tiếp tin này";
    store.createDraft(
      { id: "bcut", scope: '"behind"', message: null, force: false, requestedBy: "test", notify: null },
      [
        { groupId: "o:T1:officer-near", unitCode: "T1", unitName: "Tổ dân phố 1", text, route: "officer", recipientId: "officer-near" },
        { groupId: "o:T1:officer-x", unitCode: "T1", unitName: "Tổ dân phố 1", text, route: "officer", recipientId: "officer-x" },
      ],
      [],
      Date.now(),
    );
    store.setStatus("bcut", "queued");
    // The dead process had claimed both; only officer-near's message reached Zalo before it died.
    expect(store.claim("bcut", "o:T1:officer-near", Date.now()) && store.claim("bcut", "o:T1:officer-x", Date.now())).toBe(true);
    await env.bot.rt.outbound.sendText({ kind: "user", id: "officer-near" }, text);
    expect(await env.bot.rt.services.broadcasts.requeueOpen()).toBe(2);
    const report = await env.waitDone("bcut");
    expect(report).toMatchObject({ sent: 2, failed: 0, sentOfficers: 2 });
    expect(reminders(env, "officer-near")).toHaveLength(1);
    expect(reminders(env, "officer-x")).toHaveLength(1);
    expect(env.fake.historyCalls).toBeGreaterThanOrEqual(2);
  });

  it("Zalo refusing the officer (-230: the window closed after planning) fails that target with the reason; its text stays to copy", async () => {
    env = await setup();
    env.fake.refuseUser("officer-near", -230);
    const body = await (await env.admin("/admin/broadcasts", { scope: { units: ["T1"] } })).json();
    expect(body.targets).toBe(1);
    const report = await env.waitDone(body.id);
    const t1 = (report.targets as Record<string, unknown>[])[0]!;
    expect(t1).toMatchObject({ route: "officer", status: "failed", error: expect.stringMatching(/^-230/) });
    expect(t1.text).toMatch(FORWARD_NOTE);
  });

  it("the dashboard lists the unit to copy (selectable text, copy button) and shows a disabled OA group (-237) on its unit's row until a send works", async () => {
    env = await setup();
    env.fake.disableGroup("g-0");
    const body = await (await env.admin("/admin/broadcasts", { scope: "behind" })).json();
    expect(body.copies).toEqual([{ unit: "T2", reason: expect.stringMatching(/không nhắn trang trong 7 ngày qua/) }]);
    await env.waitDone(body.id);
    const page = await (await env.admin("/admin")).text();
    const row = (code: string) =>
      page.slice(page.indexOf(`data-unit="${code}"`), page.indexOf("</li>", page.indexOf(`data-unit="${code}"`)));
    expect(row("T0")).toContain("Nhóm Zalo bị vô hiệu hoá (gói nhóm hết hạn, mã -237)");
    expect(row("T1")).not.toContain("group-state");
    const copies = page.slice(page.indexOf('data-field="copies"'));
    expect(copies).toMatch(/<textarea class="copy-text" readonly[^>]*>📣 Nhắc nhở Cuộc thi/);
    expect(copies).toContain("Tổ dân phố 2: đã có 2/70 người hoàn thành");
    expect(copies).toContain("data-copy>Chép nội dung</button>");
    expect(page).toMatch(/nhắn riêng cán bộ để chuyển tiếp: <b>1<\/b>/);
    // The group works again (asset renewed): the next reminder goes through and the state is cleared.
    env.fake.disableGroup("g-0", false);
    const again = await (await env.admin("/admin/broadcasts", { scope: { units: ["T0"] }, force: true })).json();
    await env.waitDone(again.id);
    expect(await (await env.admin("/admin")).text()).not.toContain("mã -237");
  });

  it("through the CLI: officers add … --units, then remind --dry-run says which way each unit goes and why, and how long it takes", async () => {
    env = await startBroadcastEnv({ units: unitsCsv(3, { groupless: [1, 2] }), completed: (i) => i, worker: false });
    const cli = { DATABASE_PATH: join(env.bot.dir, "bot.db"), BOT_NOW: "2025-11-01T10:00:00+07:00" };
    expect((await runCli(cli, "officers", "add", "8100000000000000001", "--units", "T1", "--name", "Nguyễn Thị Lan")).code).toBe(0);
    await env.bot.post(userText("8100000000000000001", "chào trang"));
    await env.bot.settle();
    const dry = await runCli(cli, "remind", "--dry-run");
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("Dry run: 2 reminder(s) would be sent, 1 unit(s) left to copy; nothing sent.");
    expect(dry.stdout).toMatch(/Dự kiến gửi 2 tin trong khoảng 1 phút/);
    expect(dry.stdout).toMatch(/--- T0 → group g-0 \(đơn vị có nhóm Zalo do trang quản lý\)/);
    expect(dry.stdout).toMatch(/--- T1 → officer Nguyễn Thị Lan \(.*cán bộ nhắn trang 0 ngày trước/);
    expect(dry.stdout).toMatch(/--- T2 → copy by hand \(.*chưa có cán bộ phụ trách riêng đơn vị\)/);
  });
});
