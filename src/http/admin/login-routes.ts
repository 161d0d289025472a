import express, { Router, type Request, type Response } from "express";
import { z } from "zod";
import type { Logger } from "../../observability/logger.js";
import { metrics } from "../../observability/metrics.js";
import { ADMIN_COOKIE, authenticateAdmin, csrfProblem, ownOrigin, sameSecret } from "../admin-auth.js";
import { SESSION_TTL_MS, type AdminSessionStore } from "./admin-session-store.js";
import type { CampaignLabel } from "../../content/campaign.js";
import { renderDisabledPage, renderLoginPage } from "./login-page.js";
import { LoginThrottle } from "./login-throttle.js";

export interface LoginRoutesDeps {
  adminToken: string | undefined;
  sessions: AdminSessionStore;
  logger: Logger;
  throttle?: LoginThrottle;
  campaign: CampaignLabel;
}

const loginBody = z.object({ token: z.string({ error: "token is required" }).trim().min(1).max(512) });
const bodyParsers = [express.urlencoded({ extended: false, limit: "4kb" }), express.json({ limit: "4kb" })];

function cookieOptions(req: Request) {
  return { httpOnly: true, sameSite: "strict" as const, secure: req.secure, path: "/admin" };
}

/** POST /admin/login (token → session cookie) and POST /admin/logout. */
export function loginRouter(d: LoginRoutesDeps): Router {
  const router = Router();
  const throttle = d.throttle ?? new LoginThrottle();

  router.post("/admin/login", ...bodyParsers, (req: Request, res: Response) => {
    const json = Boolean(req.is("application/json"));
    const fail = (status: number, error: string, message: string) => {
      if (json) res.status(status).json({ error, message });
      else
        res
          .status(status)
          .type("html")
          .send(status === 503 ? renderDisabledPage() : renderLoginPage(d.campaign, message));
    };
    if (!d.adminToken) return fail(503, "admin_disabled", "Máy chủ chưa cấu hình ADMIN_TOKEN.");
    const site = req.get("sec-fetch-site");
    const origin = req.get("origin");
    if ((site && site !== "same-origin" && site !== "none") || (origin && origin !== ownOrigin(req))) {
      return fail(403, "cross_site", "Yêu cầu đăng nhập không hợp lệ.");
    }
    const client = req.ip ?? "unknown";
    const waitMs = throttle.blockedFor(client);
    if (waitMs > 0) {
      res.set("Retry-After", String(Math.ceil(waitMs / 1000)));
      metrics.adminLoginsTotal.inc({ result: "throttled" });
      return fail(429, "too_many_attempts", `Nhập sai quá nhiều lần. Vui lòng thử lại sau ${Math.ceil(waitMs / 60_000)} phút.`);
    }
    const parsed = loginBody.safeParse(req.body ?? {});
    const ok = parsed.success && sameSecret(parsed.data.token, d.adminToken);
    if (!ok) {
      throttle.fail(client);
      metrics.adminLoginsTotal.inc({ result: "failed" });
      d.logger.warn({ ip: client }, "admin sign-in refused: wrong token");
      return fail(401, "unauthorized", "Mã quản trị không đúng.");
    }
    throttle.succeed(client);
    const { id, session } = d.sessions.create(d.adminToken);
    res.cookie(ADMIN_COOKIE, id, { ...cookieOptions(req), maxAge: SESSION_TTL_MS });
    metrics.adminLoginsTotal.inc({ result: "ok" });
    d.logger.info({ ip: client }, "admin signed in");
    if (json) res.json({ ok: true, csrfToken: session.csrfToken, expiresAt: new Date(session.expiresAt).toISOString() });
    else res.redirect(303, "/admin");
  });

  router.post("/admin/logout", ...bodyParsers, (req: Request, res: Response) => {
    const auth = d.adminToken ? authenticateAdmin(req, d.adminToken) : null;
    if (auth?.kind === "session") {
      const problem = csrfProblem(req, auth.session, (req.body as { _csrf?: unknown } | undefined)?._csrf);
      if (problem) {
        res.status(403).json({ error: "csrf", message: problem });
        return;
      }
      d.sessions.delete(auth.sessionId);
      d.logger.info("admin signed out");
    }
    res.clearCookie(ADMIN_COOKIE, cookieOptions(req));
    if (req.is("application/json")) res.json({ ok: true });
    else res.redirect(303, "/admin");
  });

  return router;
}
