import { afterEach, describe, expect, it } from "vitest";
import { userText } from "../helpers/zalo-events.js";
import { type BroadcastEnv, startBroadcastEnv, unitsCsv } from "./broadcast-setup.js";

/**
 * One Zalo API budget for the OA, end to end: a live broadcast through the BullMQ worker and residents' replies
 * through the answering path draw from the same ZALO_API_RATE_PER_MIN (in Redis). Reminders stop at their 80%
 * share of the window; the replies still go at once, inside the same window.
 */
let env: BroadcastEnv | undefined;
afterEach(async () => {
  await env?.close();
  env = undefined;
});

/** The budget's window here (a shortened minute); 10 calls per window, reminders up to 8. */
const WINDOW_MS = 20_000;

async function until(ok: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("one API budget: a live broadcast and residents' replies", () => {
  it("reminders stop at their share of the window while residents' replies still go", { timeout: 40_000 }, async () => {
    // Start at the beginning of a budget window, so the whole scenario happens inside one.
    const left = WINDOW_MS - (Date.now() % WINDOW_MS);
    if (left < 14_000) await new Promise((r) => setTimeout(r, left + 50));
    env = await startBroadcastEnv({
      units: unitsCsv(20),
      completed: () => 0,
      env: { ZALO_API_RATE_PER_MIN: "10" },
      apiBudgetWindowMs: WINDOW_MS,
    });
    const body = await (await env.admin("/admin/broadcasts", { scope: "behind" })).json();
    expect(body.targets).toBe(20);
    // The broadcast's expected duration under the budget: 20 reminders at 8 per minute.
    expect(body.expected).toMatchObject({ messages: 20, minutes: 3, perMinute: 10 });

    const groups = () => env!.fake.delivered.filter((m) => m.kind === "group").length;
    await until(() => groups() === 8, "the reminders' share of the window");
    // The reminders now wait for the next window; two residents ask meanwhile.
    await env.bot.post(userText("resident-1", "cuộc thi kết thúc ngày nào"));
    await env.bot.post(userText("resident-2", "link thi ở đâu"));
    await env.bot.settle();
    const replies = () => env!.fake.delivered.filter((m) => m.kind === "user").length;
    await until(() => replies() === 2, "both replies");

    expect(groups()).toBe(8); // held at 80% of 10
    expect(env.fake.requests).toHaveLength(10); // the whole window's budget, nothing over it
    const report = await (await env.admin(`/admin/broadcasts/${body.id}`)).json();
    expect(report).toMatchObject({ status: "running", sent: 8, failed: 0 });
    const metrics = await (await fetch(`${env.bot.url}/metrics`)).text();
    expect(metrics).toMatch(/zalo_api_budget_waits_total\{lane="reminder"\} [1-9]/);
  });
});
