import { timingSafeEqual, createHash } from "node:crypto";
import type { RequestHandler } from "express";

function sameSecret(a: string, b: string): boolean {
  // Hash both so lengths match and the comparison time does not leak the token's length.
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

/** Guards /admin/*: 503 when ADMIN_TOKEN is not configured, 401 without `Authorization: Bearer <token>`. */
export function requireAdmin(adminToken: string | undefined): RequestHandler {
  return (req, res, next) => {
    if (!adminToken) {
      res.status(503).json({ error: "admin_disabled", message: "ADMIN_TOKEN is not set on the server" });
      return;
    }
    const header = req.get("authorization") ?? "";
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m || !sameSecret(m[1]!.trim(), adminToken)) {
      res.status(401).json({ error: "unauthorized", message: "Authorization: Bearer <ADMIN_TOKEN> required" });
      return;
    }
    next();
  };
}
