import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";

/** Issue 14 §2: wrong bearer tokens on the data routes are throttled like sign-in. */
const ADMIN_TOKEN = "right-admin-token-0123456789";

let bot: TestBot;
afterEach(async () => {
  await bot?.close();
});

const progress = (token: string, headers: Record<string, string> = {}) =>
  fetch(`${bot.url}/admin/progress`, { headers: { authorization: `Bearer ${token}`, ...headers } }).then((r) => r.status);

async function guess(
  n: number,
  token: (i: number) => string,
  headers: (i: number) => Record<string, string> = () => ({}),
): Promise<number[]> {
  const statuses: number[] = [];
  for (let i = 0; i < n; i++) statuses.push(await progress(token(i), headers(i)));
  return statuses;
}

describe("wrong bearer tokens on /admin data routes", { timeout: 120_000 }, () => {
  it("300 different wrong guesses end in 429s; the token already in use from that address keeps working", async () => {
    bot = await startTestBot({ ADMIN_TOKEN });
    expect(await progress(ADMIN_TOKEN)).toBe(200);
    const statuses = await guess(300, () => randomUUID());
    expect(statuses.slice(0, 100).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(100).every((s) => s === 429)).toBe(true);
    expect(await progress(ADMIN_TOKEN)).toBe(200);
    // The dashboard's JSON is guarded by the same throttle.
    const unanswered = await fetch(`${bot.url}/admin/unanswered`, { headers: { authorization: `Bearer ${randomUUID()}` } });
    expect(unanswered.status).toBe(429);
    expect(Number(unanswered.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("300 tries of one wrong token are refused after 10, and the right token, never used before, still works", async () => {
    bot = await startTestBot({ ADMIN_TOKEN });
    const statuses = await guess(300, (i) => `wrong-token-${i}`);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
    expect(await progress(ADMIN_TOKEN)).toBe(200);
  });

  it("X-Forwarded-For is ignored unless TRUST_PROXY names the proxy", async () => {
    bot = await startTestBot({ ADMIN_TOKEN });
    const spoofed = await guess(
      20,
      () => "wrong-token",
      (i) => ({ "x-forwarded-for": `203.0.113.${i}` }),
    );
    expect(spoofed.slice(10).every((s) => s === 429)).toBe(true);
    await bot.close();

    bot = await startTestBot({ ADMIN_TOKEN, TRUST_PROXY: "loopback" });
    const a = await guess(
      20,
      () => "wrong-token",
      () => ({ "x-forwarded-for": "203.0.113.1" }),
    );
    expect(a.slice(10).every((s) => s === 429)).toBe(true);
    // Another client behind the same proxy is not locked out by the first one's guesses.
    expect(await progress("wrong-token", { "x-forwarded-for": "203.0.113.2" })).toBe(401);
  });
});
