/** Typed errors. Every class sets `name` so JSON logs say what failed. */

export type ZaloErrorKind = "auth" | "retryable" | "permanent";

/** Zalo answered (usually HTTP 200) with a non-zero `error` code in the body. */
export class ZaloApiError extends Error {
  override readonly name = "ZaloApiError";
  constructor(
    readonly code: number,
    readonly call: string,
    readonly reason: string,
    readonly kind: ZaloErrorKind,
  ) {
    super(`${call} failed: Zalo error ${code} (${reason})`);
  }
}

/** The request never got a usable answer: network failure, timeout or HTTP 5xx/4xx without a Zalo body. */
export class ZaloHttpError extends Error {
  override readonly name = "ZaloHttpError";
  readonly kind: ZaloErrorKind;
  constructor(
    readonly call: string,
    readonly status: number | null,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${call} failed: ${status === null ? "no response" : `HTTP ${status}`} (${reason})`, options);
    this.kind = status === null || status >= 500 || status === 429 ? "retryable" : "permanent";
  }
}

/** The reminders' share of this minute's Zalo API budget is used up: come back after `waitMs`. */
export class ApiBudgetExhaustedError extends Error {
  override readonly name = "ApiBudgetExhaustedError";
  readonly kind: ZaloErrorKind = "retryable";
  constructor(readonly waitMs: number) {
    super(`Zalo API budget for reminders used up; next window in ${waitMs} ms`);
  }
}

/** Refreshing the OA access token failed; the OA admin may have to authorise the app again. */
export class TokenRefreshError extends Error {
  override readonly name = "TokenRefreshError";
  constructor(
    readonly code: number | null,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`token refresh failed${code === null ? "" : ` (error ${code})`}: ${reason}`, options);
  }
}

/** Start-up configuration is invalid; the message lists every problem. */
export class ConfigError extends Error {
  override readonly name = "ConfigError";
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** Content files in content/ are invalid; the message lists every problem with its file. */
export class ContentError extends Error {
  override readonly name = "ContentError";
  constructor(readonly problems: string[]) {
    super(`Invalid content:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}

/** An officer's action on the unanswered queue was refused; the admin API maps the kind to 404 / 400 / 409. */
export class LoopError extends Error {
  override readonly name = "LoopError";
  constructor(
    readonly kind: "not_found" | "invalid" | "conflict",
    message: string,
  ) {
    super(message);
  }
}

export function isRetryable(err: unknown): boolean {
  return (err instanceof ZaloApiError || err instanceof ZaloHttpError) && err.kind === "retryable";
}

/** The SQLite file cannot be created, opened or written: start-up stops with this one line. */
export class DatabaseOpenError extends Error {
  override readonly name = "DatabaseOpenError";
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(
      `DATABASE_PATH=${path} cannot be opened for writing (${reason}): set DATABASE_PATH to a file in a folder this user can write, e.g. ./data/bot.db`,
    );
  }
}

/** An official-results file that cannot be read at all (not its rows: those are reported one by one). */
export class ResultFileError extends Error {
  override readonly name = "ResultFileError";
  constructor(
    message: string,
    /** The same, in Vietnamese, for the dashboard. */
    readonly vi: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
