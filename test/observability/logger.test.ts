import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { ZaloApiError } from "../../src/errors.js";
import { createLogger, redactPhones } from "../../src/observability/logger.js";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const raw: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const line of String(chunk).split("\n").filter(Boolean)) {
        raw.push(line);
        lines.push(JSON.parse(line) as Record<string, unknown>);
      }
      cb();
    },
  });
  return { logger: createLogger("info", stream), lines, raw };
}

const SECRETS = ["EAAA-access-123", "RT-refresh-456", "app-secret-789", "oa-secret-abc", "admin-token-xyz-123"];

describe("log redaction", () => {
  it("writes JSON lines", () => {
    const { logger, lines } = capture();
    logger.info({ port: 3000 }, "bot listening");
    expect(lines[0]).toMatchObject({ level: 30, msg: "bot listening", port: 3000, service: "zalo-bot" });
  });

  it("never writes Zalo tokens, secrets or the admin token", () => {
    const { logger, raw, lines } = capture();
    logger.info({ access_token: SECRETS[0], refresh_token: SECRETS[1] }, "token response");
    logger.info({ body: { access_token: SECRETS[0], refresh_token: SECRETS[1], secret_key: SECRETS[2] } }, "refresh call");
    logger.info({ tokens: { accessToken: SECRETS[0], refreshToken: SECRETS[1] } }, "tokens");
    logger.info(
      {
        config: {
          ZALO_APP_SECRET: SECRETS[2],
          ZALO_OA_SECRET_KEY: SECRETS[3],
          ZALO_ACCESS_TOKEN: SECRETS[0],
          ZALO_REFRESH_TOKEN: SECRETS[1],
          ADMIN_TOKEN: SECRETS[4],
          PORT: 3000,
        },
      },
      "config",
    );
    logger.info(
      {
        req: {
          headers: { authorization: `Bearer ${SECRETS[4]}`, cookie: "admin_sid=s3ss10n", access_token: SECRETS[0], secret_key: SECRETS[2] },
        },
      },
      "request",
    );
    logger.info(
      { headers: { authorization: `Bearer ${SECRETS[4]}`, cookie: "admin_sid=s3ss10n", "x-zevent-signature": "mac=abc" } },
      "request",
    );
    logger.info({ res: { headers: { "set-cookie": "admin_sid=s3ss10n; HttpOnly" } } }, "response");
    logger.info({ csrfToken: "csrf-secret-1", session: { csrfToken: "csrf-secret-1" } }, "session");
    const out = raw.join("\n");
    for (const s of [...SECRETS, "s3ss10n", "mac=abc", "csrf-secret-1"]) expect(out).not.toContain(s);
    expect(out).toContain("[redacted]");
    // What is not secret stays readable.
    expect(lines[3]).toMatchObject({ config: { PORT: 3000 } });
  });

  it("masks phone numbers residents type, in fields and in messages", () => {
    const { logger, raw } = capture();
    logger.info({ text: "em số 0912345678 ạ", nested: { q: ["gọi +84 912 345 678 nhé"] } }, "question");
    logger.info("user wrote %s", "sđt 0912.345.678");
    logger.warn("call me at 0987654321");
    const out = raw.join("\n");
    for (const digits of ["0912345678", "912 345 678", "0912.345.678", "0987654321"]) expect(out).not.toContain(digits);
    expect(out).toContain("091*****78");
  });

  it("keeps Zalo ids and other long numbers intact", () => {
    expect(redactPhones("user 5791234567890123456 group 1122334455667788990")).toBe("user 5791234567890123456 group 1122334455667788990");
    expect(redactPhones("năm 2025, 15/11")).toBe("năm 2025, 15/11");
  });

  it("masks phone numbers inside a logged error message", () => {
    const { logger, raw, lines } = capture();
    logger.error({ err: new Error("no user for 0912345678") }, "lookup failed");
    logger.error({ err: new ZaloApiError(-201, "message/cs", "bad phone 0912345678", "permanent") }, "send failed");
    expect(raw.join("\n")).not.toContain("0912345678");
    // The error keeps its class name and message shape.
    expect(lines[1]).toMatchObject({ err: { type: "ZaloApiError", message: "message/cs failed: Zalo error -201 (bad phone 091*****78)" } });
  });
});
