import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_JSON_DEPTH, nestedDeeperThan } from "../../src/webhook/webhook-route.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { userText, withdraw } from "../helpers/zalo-events.js";

const nested = (depth: number) => JSON.parse(`${"[".repeat(depth)}1${"]".repeat(depth)}`) as unknown;

describe("deeply nested JSON at the webhook", () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startTestBot();
  });
  afterEach(async () => {
    await bot.close();
  });

  it("counts brackets outside strings only", () => {
    expect(nestedDeeperThan('{"a":[[1]]}', 3)).toBe(false);
    expect(nestedDeeperThan('{"a":[[[1]]]}', 3)).toBe(true);
    expect(nestedDeeperThan(JSON.stringify({ text: '[[[[[[{{{{{{ \\" [[[[' }), 1)).toBe(false);
  });

  it("a signed event nested past the limit is acknowledged but refused, not stored; a moderately nested one is taken", async () => {
    const tooDeep = { ...userText("deep-1", "xin chào"), extra: nested(MAX_JSON_DEPTH + 5) };
    const res = await bot.post(tooDeep);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { refused: string }).refused).toBe("too_deep");
    const fine = { ...userText("deep-2", "xin chào"), extra: nested(20) };
    expect((await bot.post(fine)).status).toBe(200);
    await bot.settle();
    expect(bot.rt.db.prepare("SELECT COUNT(*) AS n FROM inbox").get()).toEqual({ n: 1 });
    // Stored bodies stay readable by SQLite's JSON functions: a withdrawal (which scans them) is handled.
    expect((await bot.post(withdraw("deep-3"))).status).toBe(200);
    await bot.settle();
    const failed = bot.rt.db.prepare("SELECT COUNT(*) AS n FROM inbox WHERE status = 'failed'").get();
    expect(failed).toEqual({ n: 0 });
  });
});
