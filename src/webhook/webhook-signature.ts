import { createHash, timingSafeEqual } from "node:crypto";

/** mac = sha256(app_id + raw body + timestamp + OA secret key), hex; plain SHA-256, not HMAC. */
export function computeMac(appId: string, rawBody: string | Buffer, timestamp: string, oaSecretKey: string): string {
  return createHash("sha256").update(appId).update(rawBody).update(timestamp).update(oaSecretKey).digest("hex");
}

/** The header value Zalo sends: `mac=<hex>`. */
export function signatureHeader(appId: string, rawBody: string | Buffer, timestamp: string, secret: string): string {
  return `mac=${computeMac(appId, rawBody, timestamp, secret)}`;
}

/**
 * Verifies X-ZEvent-Signature in constant time. The `mac=` prefix is optional; hex case is ignored.
 * Returns false for a missing or malformed header.
 */
export function verifySignature(
  header: string | undefined,
  appId: string,
  rawBody: Buffer,
  timestamp: string,
  oaSecretKey: string,
): boolean {
  if (!header) return false;
  const given = header.trim().replace(/^mac=/i, "").toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = Buffer.from(computeMac(appId, rawBody, timestamp, oaSecretKey), "hex");
  return timingSafeEqual(Buffer.from(given, "hex"), expected);
}
