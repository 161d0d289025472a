import { pino, type Logger } from "pino";
import { redactPhones } from "../text/phone.js";
import { prettyStream } from "./pretty-log.js";

export type { Logger };
export { redactPhones };

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return redactPhones(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return scrubError(value, depth);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrub(v, depth + 1);
  return out;
}

/** A copy of the error (same class, so the log keeps its type) with phones masked in message and stack. */
function scrubError(err: Error, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(err) as object) as Error;
  for (const [k, v] of Object.entries(err)) (copy as unknown as Record<string, unknown>)[k] = scrub(v, depth + 1);
  const hidden = (value: unknown) => ({ value, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(copy, "message", hidden(redactPhones(err.message)));
  if (err.stack) Object.defineProperty(copy, "stack", hidden(redactPhones(err.stack)));
  if (err.cause !== undefined) Object.defineProperty(copy, "cause", hidden(scrub(err.cause, depth + 1)));
  return copy;
}

const SECRET_PATHS = [
  "access_token",
  "refresh_token",
  "secret_key",
  "*.access_token",
  "*.refresh_token",
  "*.secret_key",
  "*.accessToken",
  "*.refreshToken",
  "headers.authorization",
  "headers.cookie",
  'headers["set-cookie"]',
  'headers["x-zevent-signature"]',
  'headers["x-csrf-token"]',
  "*.headers.authorization",
  "*.headers.cookie",
  '*.headers["set-cookie"]',
  '*.headers["x-zevent-signature"]',
  '*.headers["x-csrf-token"]',
  "*.headers.access_token",
  "*.headers.secret_key",
  "config.ZALO_APP_SECRET",
  "config.ZALO_OA_SECRET_KEY",
  "config.ZALO_ACCESS_TOKEN",
  "config.ZALO_REFRESH_TOKEN",
  "config.ADMIN_TOKEN",
  // dashboard sessions
  "csrfToken",
  "*.csrfToken",
  "sessionId",
  "*.sessionId",
];

/**
 * Logs on stdout with secrets and tokens redacted by path, phone numbers anywhere in strings: JSON, or readable
 * lines when stdout is a terminal (LOG_FORMAT=json keeps JSON there too).
 */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const pretty = !destination && process.stdout.isTTY && process.env.LOG_FORMAT !== "json";
  return pino(
    {
      level,
      base: { service: "zalo-bot" },
      redact: { paths: SECRET_PATHS, censor: "[redacted]" },
      formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((a) => (typeof a === "string" ? redactPhones(a) : a));
          return method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    (pretty ? prettyStream(process.stdout) : destination) as pino.DestinationStream | undefined,
  );
}

/** A logger that writes nothing, for tests and the CLI. */
export const silentLogger: Logger = pino({ level: "silent" });
