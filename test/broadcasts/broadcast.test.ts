import { afterEach, describe, expect, it } from "vitest";
import { userText } from "../helpers/zalo-events.js";
import { BroadcastStore, DRAFT_TTL_MS } from "../../src/broadcasts/broadcast-store.js";
import { sendJobId } from "../../src/broadcasts/broadcast-queue.js";
import { inspectQueue, startBroadcastEnv, unitsCsv, type BroadcastEnv } from "./broadcast-setup.js";

let env: BroadcastEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

// Units 0..3 behind (few completions), unit 4 on target (70 of 70), unit 5 behind without a group.
const behindSetup = () => startBroadcastEnv({ units: unitsCsv(6, { groupless: [5] }), completed: (i) => (i === 4 ? 70 : i) });

const countBy = (xs: { to: string }[]) => {
  const m: Record<string, number> = {};
  for (const x of xs) m[x.to] = (m[x.to] ?? 0) + 1;
  return m;
};

describe("reminder broadcasts", () => {
  it("one message per group behind pace, with its own figures; none to groups on target", async () => {
    env = await behindSetup();
    const res = await env.admin("/admin/broadcasts", { scope: "behind" });
    expect(res.status).toBe(202);
    const body = await res.json();
    expect(body.targets).toBe(4);
    // the admin API's contract: a unit without an OA group is not a target, it is listed as skipped
    expect(body.skipped).toEqual([{ unit: "T5", reason: "chưa liên kết nhóm Zalo" }]);
    expect(body.copies).toEqual([{ unit: "T5", reason: expect.stringMatching(/chưa có cán bộ phụ trách riêng đơn vị/) }]);
    const report = await env.waitDone(body.id);
    expect(report).toMatchObject({ status: "done", total: 5, sent: 4, failed: 0, skipped: 1, copy: 1, sentGroups: 4 });
    const t5 = (report.targets as { unit: string }[]).find((t) => t.unit === "T5");
    expect(t5).toMatchObject({
      route: "copy",
      groupId: null,
      status: "skipped",
      text: expect.stringContaining("#xong Họ và tên, Tổ dân phố 5"),
    });
    expect(countBy(env.fake.delivered)).toEqual({ "g-0": 1, "g-1": 1, "g-2": 1, "g-3": 1 });
    const toG2 = env.fake.delivered.find((m) => m.to === "g-2")!;
    expect(toG2.kind).toBe("group");
    expect(toG2.text).toContain("Tổ dân phố 2");
    expect(toG2.text).toContain("2/70");
    expect(toG2.text).toContain("onetouch.mic.gov.vn");
    expect(toG2.text).toMatch(/Còn 10 ngày/);
  });

  it("the same request again inside the cooldown sends nothing more; force overrides", async () => {
    env = await behindSetup();
    const first = await (await env.admin("/admin/broadcasts", { scope: "behind" })).json();
    await env.waitDone(first.id);
    const again = await (await env.admin("/admin/broadcasts", { scope: "behind" })).json();
    expect(again.targets).toBe(0);
    expect(again.skipped.filter((s: { reason: string }) => /12 giờ/.test(s.reason))).toHaveLength(4);
    await env.waitDone(again.id);
    expect(env.fake.delivered).toHaveLength(4);
    const forced = await (await env.admin("/admin/broadcasts", { scope: { units: ["T1"] }, force: true })).json();
    expect(forced.targets).toBe(1);
    await env.waitDone(forced.id);
    expect(env.fake.delivered).toHaveLength(5);
  });

  it("two requests at the same moment: each group is in only one of them", async () => {
    env = await behindSetup();
    env.fake.respond(() => ({ delayMs: 100 })); // the first is still sending when the second is planned
    const [a, b] = await Promise.all([
      env.admin("/admin/broadcasts", { scope: "behind" }).then((r) => r.json()),
      env.admin("/admin/broadcasts", { scope: "all", force: true }).then((r) => r.json()),
    ]);
    expect(a.targets + b.targets).toBe(5); // g-0..g-3 once, plus g-4 (on target) from "all"
    const second = a.targets === 4 ? b : a;
    expect(second.skipped.filter((s: { reason: string }) => /đang chờ gửi trong đợt nhắc/.test(s.reason))).toHaveLength(4);
    await env.waitDone(a.id);
    await env.waitDone(b.id);
    expect(countBy(env.fake.delivered)).toEqual({ "g-0": 1, "g-1": 1, "g-2": 1, "g-3": 1, "g-4": 1 });
  });

  it("a job that runs before its broadcast is committed waits; one whose requester died sends nothing", async () => {
    env = await startBroadcastEnv({ units: unitsCsv(2) });
    const store = new BroadcastStore(env.bot.rt.db);
    const queue = env.bot.rt.broadcastQueue!;
    const draft = (id: string, groupId: string, at: number) =>
      store.createDraft(
        { id, scope: '"all"', message: null, force: false, requestedBy: "test", notify: null },
        [{ groupId, unitCode: "T0", unitName: "Tổ dân phố 0", text: `nhắc ${id}` }],
        [],
        at,
      );
    draft("bslow", "g-0", Date.now());
    draft("bdead", "g-1", Date.now() - DRAFT_TTL_MS - 1000);
    await queue.enqueue("bslow", ["g-0"]);
    await queue.enqueue("bdead", ["g-1"]);
    // Settled: the worker has run both jobs; bdead's finished (its requester died), bslow's was put off.
    const bull = inspectQueue(env.prefix);
    try {
      await expect.poll(() => bull.queue.getJobState(sendJobId("bdead", "g-1")), { timeout: 10_000 }).toBe("completed");
      await expect.poll(async () => (await bull.queue.getJob(sendJobId("bslow", "g-0")))?.processedOn, { timeout: 10_000 }).toBeTruthy();
    } finally {
      await bull.close();
    }
    expect(env.fake.requests).toHaveLength(0); // still a draft: not sent yet, could be rolled back
    store.setStatus("bslow", "queued");
    await env.waitDone("bslow");
    expect(env.fake.delivered.map((m) => m.text)).toEqual(["nhắc bslow"]);
    expect(store.target("bdead", "g-1")?.status).toBe("queued");
    // The next request prunes the abandoned draft; its group is free again.
    const next = await (await env.admin("/admin/broadcasts", { scope: { units: ["T1"] } })).json();
    expect(next.targets).toBe(1);
    expect(store.get("bdead")).toBeUndefined();
  });

  it("sends cut off by a crash, their jobs lost with Redis: re-queued from the ledger, settled from the groups' history", async () => {
    env = await startBroadcastEnv({ units: unitsCsv(2) });
    const store = new BroadcastStore(env.bot.rt.db);
    const text = (g: string) => `nhắc ${g}`;
    store.createDraft(
      { id: "bcut", scope: '"all"', message: null, force: false, requestedBy: "test", notify: null },
      ["g-0", "g-1"].map((g, i) => ({ groupId: g, unitCode: `T${i}`, unitName: `Tổ dân phố ${i}`, text: text(g) })),
      [],
      Date.now(),
    );
    store.setStatus("bcut", "queued");
    // The dead process had claimed both; only g-0's message reached Zalo before it died.
    expect(store.claim("bcut", "g-0", Date.now()) && store.claim("bcut", "g-1", Date.now())).toBe(true);
    await env.bot.rt.outbound.sendText({ kind: "group", id: "g-0" }, text("g-0"));
    expect(await env.bot.rt.services.broadcasts.requeueOpen()).toBe(2);
    const report = await env.waitDone("bcut");
    expect(report).toMatchObject({ sent: 2, failed: 0 });
    expect(countBy(env.fake.delivered)).toEqual({ "g-0": 1, "g-1": 1 });
    expect(env.fake.historyCalls).toBe(2);
  });

  it("a text too long for one Zalo message is refused before anything is queued", async () => {
    env = await behindSetup();
    const res = await env.admin("/admin/broadcasts", { scope: "behind", message: "{{links.course}} ".repeat(80) });
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/quá giới hạn 2000 ký tự/);
    expect((await (await env.admin("/admin/broadcasts")).json()).broadcasts).toHaveLength(0);
  });

  it("dryRun shows the rendered messages and sends nothing", async () => {
    env = await behindSetup();
    const res = await env.admin("/admin/broadcasts", { scope: "all", dryRun: true, message: "Nhắc {{unit}}: {{completed}}/{{target}}" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.messages).toHaveLength(5);
    expect(body.messages.find((m: { unit: string }) => m.unit === "T4").text).toBe("Nhắc Tổ dân phố 4: 70/70");
    // Nothing can be sent later either: no job was queued.
    const bull = inspectQueue(env.prefix);
    try {
      const counts = await bull.queue.getJobCounts();
      expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
    } finally {
      await bull.close();
    }
    expect(env.fake.requests).toHaveLength(0);
    expect((await (await env.admin("/admin/broadcasts")).json()).broadcasts).toHaveLength(0);
  });

  it("bad requests get 400; unknown ids 404; no token 401", async () => {
    env = await behindSetup();
    expect((await env.admin("/admin/broadcasts", { scope: "some" })).status).toBe(400);
    expect((await env.admin("/admin/broadcasts/nope")).status).toBe(404);
    expect((await fetch(`${env.bot.url}/admin/broadcasts`, { method: "POST", body: "{}" })).status).toBe(401);
  });

  it("a fake Zalo answering -403, 5xx and -32: the right retries and reasons", async () => {
    env = await behindSetup();
    let fiveXX = 0;
    let rateLimited = 0;
    env.fake.respond((m) => {
      if (m.to === "g-0") return { body: { error: -403, message: "OA is not in group" } };
      if (m.to === "g-1" && fiveXX < 2) {
        fiveXX++;
        return { status: 502, body: "bad gateway" };
      }
      if (m.to === "g-2" && rateLimited < 1) {
        rateLimited++;
        return { body: { error: -32, message: "rate limit" } };
      }
      return undefined;
    });
    const body = await (await env.admin("/admin/broadcasts", { scope: "behind" })).json();
    const report = (await env.waitDone(body.id)) as { targets: { groupId: string; status: string; error: string | null }[] };
    const g = (id: string) => report.targets.find((t) => t.groupId === id)!;
    expect(g("g-0")).toMatchObject({ status: "failed" });
    expect(g("g-0").error).toContain("-403");
    expect(env.fake.requests.filter((m) => m.to === "g-0")).toHaveLength(1); // permanent: not retried
    expect(g("g-1").status).toBe("sent");
    expect(env.fake.requests.filter((m) => m.to === "g-1")).toHaveLength(3); // two 5xx, then delivered
    expect(g("g-2").status).toBe("sent");
    expect(env.fake.requests.filter((m) => m.to === "g-2")).toHaveLength(2);
    expect(countBy(env.fake.delivered)).toEqual({ "g-1": 1, "g-2": 1, "g-3": 1 });
  });

  it("#nhacnho from an officer asks for 'có', queues, and reports back; others are refused", async () => {
    env = await behindSetup();
    const people = env.bot.rt.services.people;
    people.officers.grant("officer-1", { all: true }, new Date());
    await env.bot.post(userText("resident-1", "#nhacnho"));
    await env.bot.post(userText("officer-1", "#nhacnho"));
    await env.bot.settle();
    const toOfficer = () => env!.fake.delivered.filter((m) => m.to === "officer-1").map((m) => m.text);
    const toResident = env.fake.delivered.filter((m) => m.to === "resident-1").map((m) => m.text);
    expect(toResident[0]).toMatch(/cán bộ/i);
    expect(toOfficer()[0]).toContain("Sẽ gửi 4 tin nhắc nhở: 4 vào nhóm Zalo, 0 nhắn riêng cán bộ");
    expect(toOfficer()[0]).toMatch(/Dự kiến gửi 4 tin trong khoảng 1 phút/);
    expect(env.fake.delivered.filter((m) => m.kind === "group")).toHaveLength(0);
    await env.bot.post(userText("officer-1", "có"));
    await env.bot.settle();
    const end = Date.now() + 10_000;
    while (toOfficer().length < 3 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    expect(toOfficer()[1]).toMatch(/Đã xếp hàng 4 tin/);
    expect(toOfficer()[2]).toMatch(/4 tin đã gửi \(4 vào nhóm, 0 nhắn riêng cán bộ\), 0 lỗi, 1 đơn vị cần chép tin gửi tay, 0 bỏ qua/);
    // Per unit, which way it went and why: the one needing an officer first.
    expect(toOfficer()[2]).toMatch(/\n- Tổ dân phố 5: chưa gửi được: cán bộ chép tin .*chưa có cán bộ phụ trách riêng đơn vị/);
    expect(toOfficer()[2]).toMatch(/\n- Tổ dân phố 0: vào nhóm Zalo của đơn vị, đã gửi \(đơn vị có nhóm Zalo do trang quản lý\)/);
    expect(env.fake.delivered.filter((m) => m.kind === "group")).toHaveLength(4);
  });
});

describe("outside the campaign window", () => {
  it("#nhacnho after the end refuses politely and queues nothing", async () => {
    env = await startBroadcastEnv({ units: unitsCsv(3), env: { BOT_NOW: "2026-12-02T09:00:00+07:00" } });
    env.bot.rt.services.people.officers.grant("officer-1", { all: true }, new Date());
    await env.bot.post(userText("officer-1", "#nhacnho tatca"));
    await env.bot.settle();
    const reply = env.fake.delivered.filter((m) => m.to === "officer-1").map((m) => m.text)[0];
    expect(reply).toMatch(
      /^Dạ, tin nhắc nhở chỉ gửi trong thời gian diễn ra \(từ 11\/10\/2025 đến hết 11\/11\/2025\); đợt này đã kết thúc/,
    );
    expect(env.fake.delivered.filter((m) => m.kind === "group")).toHaveLength(0);
  });
});

describe("quiet hours", () => {
  it("at 22:00 in Hải Phòng reminders wait in the queue instead of going out", async () => {
    env = await startBroadcastEnv({ units: unitsCsv(3), env: { BOT_NOW: "2025-11-01T22:00:00+07:00" } });
    const body = await (await env.admin("/admin/broadcasts", { scope: "behind" })).json();
    expect(body.targets).toBe(3);
    // Settled: the worker has looked at every job and put each off until morning.
    const bull = inspectQueue(env.prefix);
    try {
      for (let i = 0; i < 300 && (await bull.queue.getDelayedCount()) < 3; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await bull.queue.getDelayedCount()).toBe(3);
    } finally {
      await bull.close();
    }
    expect(env.fake.requests).toHaveLength(0);
    const report = await (await env.admin(`/admin/broadcasts/${body.id}`)).json();
    expect(report.status).toBe("queued");
  });
});

describe("Redis down", () => {
  it("a broadcast request gets 503 and nothing is recorded or queued; chat answers go on", async () => {
    env = await startBroadcastEnv({ units: unitsCsv(2), env: { REDIS_URL: "redis://127.0.0.1:1" }, worker: false });
    const res = await env.admin("/admin/broadcasts", { scope: "all" });
    expect(res.status).toBe(503);
    expect((await res.json()).error).toBe("queue_unavailable");
    const rows = env.bot.rt.db.prepare("SELECT COUNT(*) AS n FROM broadcasts").get() as { n: number };
    expect(rows.n).toBe(0);
    await env.bot.post(userText("u-1", "cuộc thi kết thúc ngày nào"));
    await env.bot.settle();
    expect(env.fake.delivered.filter((m) => m.to === "u-1")).toHaveLength(1);
  });
});
