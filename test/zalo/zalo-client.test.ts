import nock from "nock";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { systemClock } from "../../src/clock.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { ZaloApiError, ZaloHttpError } from "../../src/errors.js";
import { silentLogger } from "../../src/observability/logger.js";
import { TokenManager } from "../../src/zalo/token-manager.js";
import { TokenStore } from "../../src/zalo/token-store.js";
import { ZaloClient } from "../../src/zalo/zalo-client.js";
import type { ApiLane } from "../../src/zalo/call-budget.js";
import { ZaloHttp, ZaloTransport } from "../../src/zalo/zalo-http.js";
import { classifyZaloError } from "../../src/zalo/zalo-errors.js";

const API = "https://openapi.zalo.me";
const OAUTH = "https://oauth.zaloapp.com";
let db: Db;
let store: TokenStore;

function client(initial: { access?: string; refresh?: string } = { access: "a-1", refresh: "r-1" }, transport?: ZaloTransport) {
  const tokens = new TokenManager({
    store,
    clock: systemClock,
    logger: silentLogger,
    appId: "app-1",
    appSecret: "app-secret",
    oauthBaseUrl: OAUTH,
    initialAccessToken: initial.access,
    initialRefreshToken: initial.refresh,
    transport,
  });
  const http = new ZaloHttp({ apiBaseUrl: API, tokens, logger: silentLogger, timeoutMs: 1500, transport });
  return { tokens, zalo: new ZaloClient({ http, logger: silentLogger }) };
}

/** Answers up to 5 refreshes with `access`; returns how many were asked for. */
function countRefreshes(access: string): () => number {
  let n = 0;
  nock(OAUTH)
    .post("/v4/oa/access_token")
    .times(5)
    .reply(200, () => {
      n++;
      return { access_token: access, refresh_token: `r-${access}`, expires_in: "90000" };
    });
  return () => n;
}

beforeEach(() => {
  nock.disableNetConnect();
  db = openDatabase(join(mkdtempSync(join(tmpdir(), "zalo-client-")), "bot.db"));
  store = new TokenStore(db);
});
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  db.close();
});

describe("error classification", () => {
  it.each([
    [-216, "auth"],
    [-220, "auth"],
    [-32, "retryable"],
    [-230, "permanent"],
    [-232, "permanent"],
    [-213, "permanent"],
    [-227, "permanent"],
    [-244, "permanent"],
    [-403, "permanent"],
    [-237, "permanent"],
    [-224, "permanent"],
    [-201, "permanent"],
    [-99999, "permanent"],
  ])("%i → %s", (code, kind) => {
    expect(classifyZaloError(code)).toBe(kind);
  });

  it("a negative error in a 200 body throws ZaloApiError with the code, the call and a reason", async () => {
    nock(API).post("/v3.0/oa/group/message").reply(200, { error: -403, message: "OA is not in group" });
    const { zalo } = client();
    const err = await zalo.sendText({ kind: "group", id: "g-1" }, "x").catch((e) => e);
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ code: -403, call: "group/message", kind: "permanent" });
    expect(err.reason).toMatch(/not in this group/);
  });

  it("HTTP 5xx and timeouts are retryable ZaloHttpErrors", async () => {
    nock(API).post("/v3.0/oa/message/cs").reply(502, "bad gateway");
    nock(API).post("/v3.0/oa/message/cs").delay(4000).reply(200, { error: 0, data: {} });
    const { zalo } = client();
    const e1 = await zalo.sendText({ kind: "user", id: "u" }, "x").catch((e) => e);
    const e2 = await zalo.sendText({ kind: "user", id: "u" }, "x").catch((e) => e);
    expect(e1).toBeInstanceOf(ZaloHttpError);
    expect(e1.kind).toBe("retryable");
    expect(e1.status).toBe(502);
    expect(e2).toBeInstanceOf(ZaloHttpError);
    expect(e2.kind).toBe("retryable");
  });
});

describe("sending", () => {
  it("splits text over 2,000 characters into several messages at line boundaries", async () => {
    const texts: string[] = [];
    nock(API)
      .post("/v3.0/oa/message/cs", (b) => {
        texts.push(b.message.text);
        return true;
      })
      .times(2)
      .reply(200, { error: 0, data: { message_id: "m" } });
    const { zalo } = client();
    const line = "Dòng hướng dẫn dự thi. ".repeat(40); // ~920 chars
    const res = await zalo.sendText({ kind: "user", id: "u" }, [line, line, line].join("\n"));
    expect(res.messageIds).toHaveLength(2);
    expect(texts.every((t) => t.length <= 2000)).toBe(true);
    expect(texts.join("\n").replace(/\s+/g, " ")).toBe([line, line, line].join(" ").replace(/\s+/g, " "));
  });

  it("an expired token (-216) is refreshed and the call retried once; the rotated refresh token is stored", async () => {
    nock(API)
      .post("/v3.0/oa/message/cs")
      .matchHeader("access_token", "a-1")
      .reply(200, { error: -216, message: "Access token is invalid" });
    const refresh = nock(OAUTH)
      .post("/v4/oa/access_token", (b) => b.refresh_token === "r-1" && b.grant_type === "refresh_token" && b.app_id === "app-1")
      .matchHeader("secret_key", "app-secret")
      .reply(200, { access_token: "a-2", refresh_token: "r-2", expires_in: "90000" });
    nock(API)
      .post("/v3.0/oa/message/cs")
      .matchHeader("access_token", "a-2")
      .reply(200, { error: 0, data: { message_id: "m-9" } });
    const { zalo } = client();
    const res = await zalo.sendText({ kind: "user", id: "u" }, "x");
    expect(res.messageIds).toEqual(["m-9"]);
    expect(refresh.isDone()).toBe(true);
    expect(store.load()).toMatchObject({ accessToken: "a-2", refreshToken: "r-2" });
  });

  it("two concurrent sends with an expired token cause exactly one refresh call", async () => {
    const refreshes = countRefreshes("a-new");
    nock(API)
      .post("/v3.0/oa/message/cs")
      .matchHeader("access_token", "a-new")
      .times(2)
      .reply(200, { error: 0, data: { message_id: "ok" } });
    const { zalo } = client({ refresh: "r-old" }); // no access token yet: it must be refreshed first
    const results = await Promise.all([zalo.sendText({ kind: "user", id: "u1" }, "x"), zalo.sendText({ kind: "user", id: "u2" }, "y")]);
    expect(results.map((r) => r.messageIds[0])).toEqual(["ok", "ok"]);
    expect(refreshes()).toBe(1);
    expect(store.load()).toMatchObject({ accessToken: "a-new", refreshToken: "r-a-new" });
  });

  it("two concurrent sends that both meet -216 still refresh once", async () => {
    let refreshCalls = 0;
    nock(API).post("/v3.0/oa/message/cs").matchHeader("access_token", "a-1").times(2).reply(200, { error: -220, message: "expired" });
    nock(OAUTH)
      .post("/v4/oa/access_token")
      .times(5)
      .reply(200, () => {
        refreshCalls++;
        return { access_token: "a-2", refresh_token: "r-2", expires_in: 90000 };
      });
    nock(API)
      .post("/v3.0/oa/message/cs")
      .matchHeader("access_token", "a-2")
      .times(2)
      .reply(200, { error: 0, data: { message_id: "ok" } });
    const { zalo } = client();
    await Promise.all([zalo.sendText({ kind: "user", id: "u1" }, "x"), zalo.sendText({ kind: "user", id: "u2" }, "y")]);
    expect(refreshCalls).toBe(1);
  });

  it("refreshes ahead of the 25 h expiry", async () => {
    const { tokens } = client();
    store.save({ accessToken: "a-1", refreshToken: "r-1", expiresAt: Date.now() + 30 * 60_000 }, Date.now());
    const scope = nock(OAUTH).post("/v4/oa/access_token").reply(200, { access_token: "a-3", refresh_token: "r-3", expires_in: "90000" });
    await tokens.refreshIfDue();
    expect(scope.isDone()).toBe(true);
    const t = store.load()!;
    expect(t.accessToken).toBe("a-3");
    expect(t.expiresAt - Date.now()).toBeGreaterThan(24 * 3600_000);
  });

  it("a refused refresh surfaces as TokenRefreshError and keeps the stored tokens", async () => {
    nock(OAUTH).post("/v4/oa/access_token").reply(200, { error: -14014, message: "Invalid refresh token" });
    const { tokens } = client({ refresh: "r-dead" });
    await expect(tokens.accessToken()).rejects.toMatchObject({ name: "TokenRefreshError", code: -14014 });
    expect(store.load()?.refreshToken).toBe("r-dead");
  });

  it("stored (rotated) tokens win over the same env tokens on restart; new env tokens replace them", async () => {
    client({ access: "a-1", refresh: "r-1" });
    store.save({ accessToken: "a-rot", refreshToken: "r-rot", expiresAt: Date.now() + 20 * 3600_000 }, Date.now());
    const again = client({ access: "a-1", refresh: "r-1" });
    expect(await again.tokens.accessToken()).toBe("a-rot");
    const reauth = client({ access: "a-fresh", refresh: "r-fresh" });
    expect(await reauth.tokens.accessToken()).toBe("a-fresh");
  });

  it("the token refresh goes through zalo-http.ts and draws from the same API budget as the sends", async () => {
    const lanes: ApiLane[] = [];
    const transport = new ZaloTransport({ budget: { take: async (lane) => void lanes.push(lane), rateLimited() {} } });
    const { zalo } = client({ refresh: "r-1" }, transport);
    const refreshes = countRefreshes("a-2");
    nock(API)
      .post("/v3.0/oa/message/cs")
      .matchHeader("access_token", "a-2")
      .times(3)
      .reply(200, { error: 0, data: { message_id: "ok" } });
    await Promise.all(["u1", "u2", "u3"].map((id) => zalo.sendText({ kind: "user", id }, "x")));
    const refreshCalls = refreshes();
    // One refresh under concurrency (single flight), counted once in the budget as a "system" call.
    expect(refreshCalls).toBe(1);
    expect(lanes.filter((l) => l === "system")).toHaveLength(1);
    expect(lanes.filter((l) => l === "reply")).toHaveLength(3);
  });
});
