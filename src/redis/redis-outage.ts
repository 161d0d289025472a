import type { Logger } from "../observability/logger.js";

const CONNECTION_ERROR = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND|EAI_AGAIN|EPIPE|connect|Connection is closed|ended/i;

/** True for an error that only says Redis cannot be reached (reported as an outage, not one by one). */
export function isRedisConnectionError(err: Error): boolean {
  return CONNECTION_ERROR.test(err.message) || CONNECTION_ERROR.test((err as NodeJS.ErrnoException).code ?? "");
}

/**
 * One story per Redis outage, however many connections notice it and however often they retry: a warning
 * when it starts, one a minute while it lasts, and one line when Redis is back.
 */
export class RedisOutageLog {
  private since: number | null = null;
  private lastLog = 0;

  constructor(
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
    private readonly everyMs = 60_000,
  ) {}

  down(reason: string): void {
    const now = this.now();
    if (this.since === null) {
      this.since = now;
      this.lastLog = now;
      this.logger.warn({ err: reason }, "redis unavailable: reminders wait; chat answers go on");
    } else if (now - this.lastLog >= this.everyMs) {
      this.lastLog = now;
      this.logger.warn({ err: reason, downForS: Math.round((now - this.since) / 1000) }, "redis still unavailable");
    }
  }

  up(): void {
    if (this.since === null) return;
    const downForS = Math.round((this.now() - this.since) / 1000);
    this.since = null;
    this.logger.info({ downForS }, "redis available again");
  }
}
