import { timingSafeEqual, createHash } from "node:crypto";
import type { Express, Request, RequestHandler } from "express";
import { BearerThrottle } from "./admin/bearer-throttle.js";

/** Constant-time comparison of secrets of any length. */
export function sameSecret(a: string, b: string): boolean {
  // Hash both so lengths match and the comparison time does not leak the token's length.
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** The dashboard's session cookie (HttpOnly, SameSite=Strict, Path=/admin). */
export const ADMIN_COOKIE = "admin_sid";
export const CSRF_HEADER = "x-csrf-token";

export interface AdminSessionInfo {
  csrfToken: string;
  expiresAt: number;
}

/** Looks up a session cookie value; implemented by the dashboard's session store. */
export interface AdminSessionLookup {
  find(id: string, adminToken: string): AdminSessionInfo | null;
}

export type AdminAuth = { kind: "bearer" } | { kind: "session"; sessionId: string; session: AdminSessionInfo };
type AuthOutcome = AdminAuth | { kind: "throttled"; retryAfterMs: number } | null;

const SESSIONS_KEY = "adminSessionLookup";
const THROTTLE_KEY = "adminBearerThrottle";
const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Lets every requireAdmin guard of this app also accept a dashboard session cookie. */
export function enableAdminSessions(app: Express, sessions: AdminSessionLookup): void {
  app.locals[SESSIONS_KEY] = sessions;
}

function readCookie(req: Request, name: string): string | null {
  const header = req.get("cookie");
  if (!header) return null;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim() || null;
  }
  return null;
}

/** This server's origin as the browser sees it (X-Forwarded-Proto/-Host count from a trusted proxy). */
export function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.host}`;
}

/** One bearer throttle for every admin guard of this app (the guards are built per router). */
function bearerThrottle(req: Request): BearerThrottle {
  const locals = req.app.locals as Record<string, unknown>;
  if (!(locals[THROTTLE_KEY] instanceof BearerThrottle)) locals[THROTTLE_KEY] = new BearerThrottle();
  return locals[THROTTLE_KEY] as BearerThrottle;
}

/** Bearer token first (throttled when guessed), then a live session cookie; null when neither. */
function authenticate(req: Request, adminToken: string): AuthOutcome {
  const m = /^Bearer\s+(.+)$/i.exec(req.get("authorization") ?? "");
  if (m) {
    const r = bearerThrottle(req).check(req.ip ?? "unknown", m[1]!.trim(), (t) => sameSecret(t, adminToken));
    if (r.verdict === "throttled") return { kind: "throttled", retryAfterMs: r.retryAfterMs };
    return r.verdict === "ok" ? { kind: "bearer" } : null;
  }
  const sessions = req.app.locals[SESSIONS_KEY] as AdminSessionLookup | undefined;
  const sessionId = readCookie(req, ADMIN_COOKIE);
  if (!sessions || !sessionId) return null;
  const session = sessions.find(sessionId, adminToken);
  return session ? { kind: "session", sessionId, session } : null;
}

/** Bearer token first, then a live session cookie; null when neither (or while the client is throttled). */
export function authenticateAdmin(req: Request, adminToken: string): AdminAuth | null {
  const auth = authenticate(req, adminToken);
  return auth?.kind === "throttled" ? null : auth;
}

/**
 * A cookie-authenticated state change must carry the session's CSRF token in X-CSRF-Token and must not
 * come from another site. Bearer requests need neither: browsers never attach that header on their own.
 */
export function csrfProblem(req: Request, session: AdminSessionInfo, formToken?: unknown): string | null {
  const site = req.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return "cross-site request";
  const origin = req.get("origin");
  if (origin && origin !== ownOrigin(req)) return "cross-origin request";
  const token = req.get(CSRF_HEADER) ?? (typeof formToken === "string" ? formToken : "");
  if (!token || !sameSecret(token, session.csrfToken)) return "missing or wrong CSRF token";
  return null;
}

/**
 * Guards /admin/*: 503 when ADMIN_TOKEN is not configured, 401 without `Authorization: Bearer <token>`
 * or a dashboard session cookie, 403 for a cookie-authenticated POST/PUT/PATCH/DELETE without its CSRF token.
 */
export function requireAdmin(adminToken: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!adminToken) {
      res.status(503).json({ error: "admin_disabled", message: "ADMIN_TOKEN is not set on the server" });
      return;
    }
    const auth = authenticate(req, adminToken);
    if (auth?.kind === "throttled") {
      res.set("Retry-After", String(Math.ceil(auth.retryAfterMs / 1000)));
      res.status(429).json({ error: "too_many_attempts", message: "too many wrong tokens from this address; try again later" });
      return;
    }
    if (!auth) {
      res.status(401).json({ error: "unauthorized", message: "Authorization: Bearer <ADMIN_TOKEN> required" });
      return;
    }
    if (auth.kind === "session" && UNSAFE.has(req.method)) {
      const problem = csrfProblem(req, auth.session);
      if (problem) {
        res.status(403).json({ error: "csrf", message: problem });
        return;
      }
    }
    next();
  };
}
