import { describe, expect, it } from "vitest";
import { computeMac, verifySignature } from "../../src/webhook/webhook-signature.js";

const appId = "1234567890";
const ts = "1700000000000";
const secret = "oa-secret";
const body = Buffer.from('{"app_id":"1234567890","event_name":"user_send_text","timestamp":"1700000000000"}');

describe("webhook signature", () => {
  it("accepts mac=sha256(app_id + raw body + timestamp + OA secret), with or without the prefix", () => {
    const mac = computeMac(appId, body, ts, secret);
    expect(verifySignature(`mac=${mac}`, appId, body, ts, secret)).toBe(true);
    expect(verifySignature(mac.toUpperCase(), appId, body, ts, secret)).toBe(true);
  });

  it("is plain SHA-256 of the concatenation", async () => {
    const { createHash } = await import("node:crypto");
    const expected = createHash("sha256").update(`${appId}${body.toString()}${ts}${secret}`).digest("hex");
    expect(computeMac(appId, body, ts, secret)).toBe(expected);
  });

  it("rejects a tampered body, a wrong secret, another timestamp, a missing or malformed header", () => {
    const mac = `mac=${computeMac(appId, body, ts, secret)}`;
    const tampered = Buffer.from(body.toString().replace("user_send_text", "user_send_link"));
    expect(verifySignature(mac, appId, tampered, ts, secret)).toBe(false);
    expect(verifySignature(mac, appId, body, ts, "other-secret")).toBe(false);
    expect(verifySignature(mac, appId, body, "1700000000001", secret)).toBe(false);
    expect(verifySignature(undefined, appId, body, ts, secret)).toBe(false);
    expect(verifySignature("mac=xyz", appId, body, ts, secret)).toBe(false);
  });
});
