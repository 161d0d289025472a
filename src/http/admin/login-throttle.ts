/** Counts failed sign-ins per client address; too many in the window and sign-in is refused for a while. */
export class LoginThrottle {
  private readonly failures = new Map<string, { count: number; since: number }>();

  constructor(
    private readonly maxFailures = 10,
    private readonly windowMs = 15 * 60_000,
  ) {}

  /** Milliseconds until this client may try again, or 0. */
  blockedFor(key: string, now = Date.now()): number {
    const f = this.failures.get(key);
    if (!f) return 0;
    if (now - f.since >= this.windowMs) {
      this.failures.delete(key);
      return 0;
    }
    return f.count >= this.maxFailures ? f.since + this.windowMs - now : 0;
  }

  fail(key: string, now = Date.now()): void {
    if (this.failures.size > 10_000) this.prune(now);
    const f = this.failures.get(key);
    if (!f || now - f.since >= this.windowMs) this.failures.set(key, { count: 1, since: now });
    else f.count++;
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }

  private prune(now: number): void {
    for (const [k, f] of this.failures) if (now - f.since >= this.windowMs) this.failures.delete(k);
  }
}
