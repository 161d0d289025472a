import { afterEach, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, signIn, startAdminApp, type AdminTestApp } from "./admin-test-app.js";

let app: AdminTestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const bearer = (token = ADMIN_TOKEN) => ({ authorization: `Bearer ${token}` });
const json = { "content-type": "application/json" };

describe("admin sign-in and guards", () => {
  it("answers 503 everywhere when ADMIN_TOKEN is not set", async () => {
    app = await startAdminApp({ adminToken: undefined });
    expect((await fetch(`${app.url}/admin`)).status).toBe(503);
    expect((await fetch(`${app.url}/admin/unanswered`, { headers: bearer() })).status).toBe(503);
    const login = await fetch(`${app.url}/admin/login`, { method: "POST", body: new URLSearchParams({ token: ADMIN_TOKEN }) });
    expect(login.status).toBe(503);
  });

  it("shows the sign-in form with 401, and every admin route refuses without credentials", async () => {
    app = await startAdminApp();
    const page = await fetch(`${app.url}/admin`);
    expect(page.status).toBe(401);
    const text = await page.text();
    expect(text).toContain("Mã quản trị");
    expect(text).not.toContain("Tổ dân phố 2");
    for (const path of [
      "/admin/unanswered",
      "/admin/completions/daily",
      "/admin/export/progress.csv",
      "/admin/export/unanswered.csv",
      "/admin/assets/dashboard.js",
    ]) {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status, path).toBe(401);
      expect(await res.json()).toMatchObject({ error: "unauthorized" });
    }
    expect((await fetch(`${app.url}/admin/unanswered`, { headers: bearer("wrong-token-xyz") })).status).toBe(401);
  });

  it("guards every /admin path, even ones nobody has mounted", async () => {
    app = await startAdminApp();
    expect((await fetch(`${app.url}/admin/anything/else`)).status).toBe(401);
    expect((await fetch(`${app.url}/admin/anything`, { method: "DELETE" })).status).toBe(401);
    expect((await fetch(`${app.url}/admin/anything/else`, { headers: bearer() })).status).toBe(404);
  });

  it("accepts the bearer token on JSON routes and on the page", async () => {
    app = await startAdminApp();
    const res = await fetch(`${app.url}/admin/unanswered`, { headers: bearer() });
    expect(res.status).toBe(200);
    expect((await res.json()).items[0]).toMatchObject({ text: "thi lại được không?", count: 3 });
    const page = await fetch(`${app.url}/admin`, { headers: bearer() });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Tổ dân phố 2");
  });

  it("refuses a wrong token and shows the error in Vietnamese", async () => {
    app = await startAdminApp();
    const res = await fetch(`${app.url}/admin/login`, {
      method: "POST",
      body: new URLSearchParams({ token: "not-the-token" }),
      redirect: "manual",
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(await res.text()).toContain("Mã quản trị không đúng.");
  });

  it("signs in with the token and sets an HttpOnly, SameSite=Strict cookie scoped to /admin", async () => {
    app = await startAdminApp();
    const res = await fetch(`${app.url}/admin/login`, {
      method: "POST",
      body: new URLSearchParams({ token: ADMIN_TOKEN }),
      redirect: "manual",
    });
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("/admin");
    const cookie = res.headers.getSetCookie()[0]!;
    expect(cookie).toMatch(/^admin_sid=[A-Za-z0-9_-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    expect(cookie).toContain("Path=/admin");
    expect(cookie).not.toContain("Secure");
    // The raw session id is not what the database holds.
    const id = cookie.split(";")[0]!.split("=")[1]!;
    const rows = app.db.prepare("SELECT id_hash FROM admin_sessions").all() as { id_hash: string }[];
    expect(rows).toHaveLength(1);
    expect(rows[0]!.id_hash).not.toBe(id);
  });

  it("marks the cookie Secure behind an HTTPS reverse proxy", async () => {
    app = await startAdminApp();
    const res = await fetch(`${app.url}/admin/login`, {
      method: "POST",
      body: new URLSearchParams({ token: ADMIN_TOKEN }),
      headers: { "x-forwarded-proto": "https" },
      redirect: "manual",
    });
    expect(res.headers.getSetCookie()[0]).toContain("Secure");
  });

  it("lets a session read, but a state change needs the CSRF token; bearer requests need none", async () => {
    app = await startAdminApp();
    const { cookie, csrf } = await signIn(app.url);
    expect((await fetch(`${app.url}/admin/unanswered`, { headers: { cookie } })).status).toBe(200);
    expect((await fetch(`${app.url}/admin/assets/dashboard.js`, { headers: { cookie } })).status).toBe(200);

    const body = JSON.stringify({ scope: "behind" });
    const noToken = await fetch(`${app.url}/admin/broadcasts`, { method: "POST", headers: { ...json, cookie }, body });
    expect(noToken.status).toBe(403);
    expect(await noToken.json()).toMatchObject({ error: "csrf" });
    const wrongToken = await fetch(`${app.url}/admin/broadcasts`, {
      method: "POST",
      headers: { ...json, cookie, "x-csrf-token": "nope" },
      body,
    });
    expect(wrongToken.status).toBe(403);
    const crossSite = await fetch(`${app.url}/admin/broadcasts`, {
      method: "POST",
      headers: { ...json, cookie, "x-csrf-token": csrf, origin: "https://evil.example" },
      body,
    });
    expect(crossSite.status).toBe(403);
    expect(app.posted).toHaveLength(0);

    const ok = await fetch(`${app.url}/admin/broadcasts`, { method: "POST", headers: { ...json, cookie, "x-csrf-token": csrf }, body });
    expect(ok.status).toBe(202);
    // Same origin as the browser sees it behind an HTTPS reverse proxy.
    const proxied = await fetch(`${app.url}/admin/broadcasts`, {
      method: "POST",
      headers: {
        ...json,
        cookie,
        "x-csrf-token": csrf,
        origin: "https://bot.example.vn",
        "x-forwarded-proto": "https",
        "x-forwarded-host": "bot.example.vn",
      },
      body,
    });
    expect(proxied.status).toBe(202);
    const viaBearer = await fetch(`${app.url}/admin/broadcasts`, { method: "POST", headers: { ...json, ...bearer() }, body });
    expect(viaBearer.status).toBe(202);
    expect(app.posted).toHaveLength(3);
  });

  it("signs out only with the CSRF token, and the old cookie stops working", async () => {
    app = await startAdminApp();
    const { cookie, csrf } = await signIn(app.url);
    const forged = await fetch(`${app.url}/admin/logout`, { method: "POST", headers: { cookie }, redirect: "manual" });
    expect(forged.status).toBe(403);
    expect((await fetch(`${app.url}/admin`, { headers: { cookie } })).status).toBe(200);

    const out = await fetch(`${app.url}/admin/logout`, {
      method: "POST",
      headers: { cookie },
      body: new URLSearchParams({ _csrf: csrf }),
      redirect: "manual",
    });
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie()[0]).toMatch(/^admin_sid=;/);
    expect((await fetch(`${app.url}/admin`, { headers: { cookie } })).status).toBe(401);
    expect((await fetch(`${app.url}/admin/unanswered`, { headers: { cookie } })).status).toBe(401);
  });

  it("ends every session when ADMIN_TOKEN changes", async () => {
    app = await startAdminApp();
    const { cookie } = await signIn(app.url);
    const dir = app.dir;
    await app.close(false);
    app = await startAdminApp({ adminToken: "a-brand-new-admin-token", dir });
    expect((await fetch(`${app.url}/admin/unanswered`, { headers: { cookie } })).status).toBe(401);
  });

  it("refuses sign-in for a while after too many wrong tokens", async () => {
    app = await startAdminApp();
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${app.url}/admin/login`, { method: "POST", headers: json, body: JSON.stringify({ token: `wrong-${i}` }) });
      expect(r.status).toBe(401);
    }
    const blocked = await fetch(`${app.url}/admin/login`, { method: "POST", headers: json, body: JSON.stringify({ token: ADMIN_TOKEN }) });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("refuses a sign-in posted from another site", async () => {
    app = await startAdminApp();
    const res = await fetch(`${app.url}/admin/login`, {
      method: "POST",
      body: new URLSearchParams({ token: ADMIN_TOKEN }),
      headers: { origin: "https://evil.example" },
      redirect: "manual",
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("set-cookie")).toBeNull();
  });
});

describe("security headers", () => {
  it("puts a strict CSP and the usual headers on pages and JSON", async () => {
    app = await startAdminApp();
    for (const res of [await fetch(`${app.url}/admin`), await fetch(`${app.url}/admin/unanswered`, { headers: bearer() })]) {
      const csp = res.headers.get("content-security-policy")!;
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).not.toContain("unsafe-inline");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("same-origin");
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });
});
