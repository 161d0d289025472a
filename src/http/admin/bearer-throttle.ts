import { LoginThrottle } from "./login-throttle.js";

export type BearerVerdict = "ok" | "wrong" | "throttled";

/**
 * Throttles wrong `Authorization: Bearer` tokens on every /admin route, as sign-in is throttled. Failures are
 * counted per client address and per (address, first characters of the presented token):
 * - the same wrong token (or a family of them) from one address: 10 tries, then 429 for 15 minutes;
 * - many different wrong tokens from one address: 100 checked tries, then 429 for 15 minutes for every token
 *   except those that already worked from that address (scripts and dashboards behind the same NAT keep going).
 * A refused request is answered without comparing the token, so it does not count and tells nothing.
 */
export class BearerThrottle {
  private readonly perToken: LoginThrottle;
  private readonly perAddress: LoginThrottle;
  /** "address|prefix" of tokens that worked, with when; kept as long as a lockout lasts. */
  private readonly known = new Map<string, number>();
  private readonly windowMs: number;

  constructor(o: { perToken?: number; perAddress?: number; windowMs?: number } = {}) {
    this.windowMs = o.windowMs ?? 15 * 60_000;
    this.perToken = new LoginThrottle(o.perToken ?? 10, this.windowMs);
    this.perAddress = new LoginThrottle(o.perAddress ?? 100, this.windowMs);
  }

  /** Checks `token` with `verify` unless this client is locked out; records the outcome. */
  check(
    address: string,
    token: string,
    verify: (token: string) => boolean,
    now = Date.now(),
  ): { verdict: BearerVerdict; retryAfterMs: number } {
    const key = `${address}|${token.slice(0, 4)}`;
    const knownAt = this.known.get(key);
    const isKnown = knownAt !== undefined && now - knownAt < this.windowMs;
    const wait = Math.max(this.perToken.blockedFor(key, now), isKnown ? 0 : this.perAddress.blockedFor(address, now));
    if (wait > 0) return { verdict: "throttled", retryAfterMs: wait };
    if (verify(token)) {
      if (this.known.size > 10_000) this.known.clear();
      this.known.set(key, now);
      return { verdict: "ok", retryAfterMs: 0 };
    }
    this.perToken.fail(key, now);
    this.perAddress.fail(address, now);
    return { verdict: "wrong", retryAfterMs: 0 };
  }
}
