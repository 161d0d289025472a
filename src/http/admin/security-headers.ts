import { createHash } from "node:crypto";
import type { RequestHandler } from "express";

/** The CSP source for one inline <style> block, so pages need no 'unsafe-inline'. */
export function styleHash(css: string): string {
  return `'sha256-${createHash("sha256").update(css, "utf8").digest("base64")}'`;
}

/**
 * Headers for every admin response: a strict CSP (scripts only from our origin, styles only the hashed
 * inline block, no framing), no MIME sniffing, no referrer, no caching of officer data.
 */
export function securityHeaders(styleHashes: readonly string[]): RequestHandler {
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    `style-src ${styleHashes.join(" ") || "'none'"}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
  ].join("; ");
  return (_req, res, next) => {
    res.set({
      "Content-Security-Policy": csp,
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      // same-origin, not no-referrer: with no-referrer Chromium sends `Origin: null` on form posts.
      "Referrer-Policy": "same-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Resource-Policy": "same-origin",
      "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
      "Cache-Control": "no-store",
    });
    next();
  };
}
