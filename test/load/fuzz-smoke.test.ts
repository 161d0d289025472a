import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fuzzCases } from "../../bench/lib/fuzz.js";
import { runFuzz } from "../../bench/lib/fuzz-run.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { userText } from "../helpers/zalo-events.js";

/**
 * A few hundred seeded fuzz cases against the real webhook in process (the full pass is `npm run bench:fuzz`):
 * random bytes and JSON, mutated and mistyped signed events, huge strings, invalid UTF-8, deep JSON, bad
 * signatures. No 5xx, an answer to every request, nothing stored for a refused body, still answering after.
 */
describe("webhook fuzz smoke", () => {
  let bot: TestBot;
  beforeAll(async () => {
    bot = await startTestBot();
  });
  afterAll(async () => {
    await bot.close();
  });

  it("300 seeded cases: no 5xx, nothing stored when refused, still answering", async () => {
    const rows = bot.rt.db.prepare<[], { n: number }>("SELECT COUNT(*) AS n FROM inbox");
    const holds = bot.rt.db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM inbox WHERE body = ?");
    const tally = await runFuzz(bot.url, fuzzCases(7, 300), {
      rows: () => rows.get()!.n,
      holds: (body) => holds.get(body)!.n > 0,
    });
    expect(tally.examples).toEqual([]);
    expect(tally.cases).toBe(300);
    expect(tally.serverErrors).toBe(0);
    expect(tally.noAnswer).toBe(0);
    expect(tally.storedOnRefusal).toBe(0);
    // The mix reaches every outcome: accepted, acknowledged but refused (unsigned, bad shape), not JSON, too large.
    for (const status of ["200", "200 refused", "400", "413"]) expect(tally.byStatus[status] ?? 0).toBeGreaterThan(0);
    expect(Object.keys(tally.byStatus).filter((s) => s.startsWith("401"))).toEqual([]);

    await bot.settle();
    const res = await bot.post(userText("after-fuzz", "cuoc thi ket thuc ngay nao"));
    expect(res.status).toBe(200);
    await bot.settle();
    const reply = bot.rt.db.prepare("SELECT text FROM outbox WHERE recipient_id = 'after-fuzz'").all();
    expect(reply.length).toBeGreaterThan(0);
  }, 60_000);
});
