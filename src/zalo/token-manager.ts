import { createHash, randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import type { Clock } from "../clock.js";
import { TokenRefreshError } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import { metrics } from "../observability/metrics.js";
import type { CallBudget } from "./call-budget.js";
import type { TokenStore } from "./token-store.js";
import type { HttpCaller } from "./http-call.js";
import { ZaloTransport } from "./zalo-http.js";

/** Access tokens live 25 h; refresh an hour ahead so a send never meets an expired one. */
export const REFRESH_AHEAD_MS = 60 * 60_000;
const SEEDED_LIFETIME_MS = 24 * 60 * 60_000;
const LEASE_MS = 30_000;

const refreshResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.union([z.string(), z.number()]).transform(Number),
});
const errorResponse = z.looseObject({ error: z.number(), message: z.string().optional(), error_name: z.string().optional() });

export interface TokenManagerOptions {
  store: TokenStore;
  clock: Clock;
  logger: Logger;
  appId: string | undefined;
  appSecret: string | undefined;
  oauthBaseUrl: string;
  initialAccessToken?: string;
  initialRefreshToken?: string;
  http?: HttpCaller;
  /** The OA's API budget: a refresh is a call to Zalo too. */
  budget?: CallBudget | null;
  /** The way every call to Zalo goes (zalo-http.ts), shared with the API calls; default: one over `http` and `budget`. */
  transport?: ZaloTransport;
}

const REFRESH_TIMEOUT_MS = 15_000;

/**
 * Hands out the OA access token and refreshes it: one refresh at a time in this process (single flight)
 * and across processes (a lease row in SQLite), the rotated refresh token saved before the new access
 * token is used.
 */
export class TokenManager {
  private inFlight: Promise<string> | null = null;
  private readonly owner = randomUUID();
  private readonly transport: ZaloTransport;

  constructor(private readonly o: TokenManagerOptions) {
    this.transport = o.transport ?? new ZaloTransport({ http: o.http, budget: o.budget, timeoutMs: REFRESH_TIMEOUT_MS });
    this.seedFromEnv();
  }

  /** New env tokens (a fresh authorisation) replace stored ones; otherwise stored (rotated) tokens win. */
  private seedFromEnv(): void {
    const { initialAccessToken: access, initialRefreshToken: refresh } = this.o;
    if (!access && !refresh) return;
    const fingerprint = createHash("sha256")
      .update(`${access ?? ""}|${refresh ?? ""}`)
      .digest("hex");
    const stored = this.o.store.load();
    if (stored && stored.envFingerprint === fingerprint) return;
    const now = this.o.clock.now().getTime();
    this.o.store.save(
      {
        accessToken: access ?? "",
        refreshToken: refresh ?? null,
        // Unknown issue time: assume an env access token is a day old at most; none → refresh at once.
        expiresAt: access ? now + SEEDED_LIFETIME_MS : 0,
        envFingerprint: fingerprint,
      },
      now,
    );
  }

  /** A valid access token, refreshed first when it is missing or expires within the hour. */
  async accessToken(): Promise<string> {
    const t = this.o.store.load();
    if (!t) throw new TokenRefreshError(null, "no Zalo tokens configured");
    const now = this.o.clock.now().getTime();
    if (t.accessToken && t.expiresAt - now > REFRESH_AHEAD_MS) return t.accessToken;
    if (!t.refreshToken) {
      if (t.accessToken) return t.accessToken; // nothing to refresh with; let Zalo say if it is dead
      throw new TokenRefreshError(null, "no access token and no refresh token");
    }
    return this.refresh(t.accessToken);
  }

  /**
   * Refreshes unless someone already replaced `staleToken`. Concurrent callers share one refresh.
   */
  refresh(staleToken: string): Promise<string> {
    const current = this.o.store.load();
    if (current?.accessToken && current.accessToken !== staleToken && current.expiresAt > this.o.clock.now().getTime()) {
      return Promise.resolve(current.accessToken);
    }
    if (!this.inFlight) {
      this.inFlight = this.refreshWithLease(staleToken).finally(() => {
        this.inFlight = null;
      });
    }
    return this.inFlight;
  }

  private async refreshWithLease(staleToken: string): Promise<string> {
    const deadline = Date.now() + LEASE_MS;
    while (!this.o.store.tryLease(this.owner, this.o.clock.now().getTime(), LEASE_MS)) {
      // Another process is refreshing: wait for its new token instead of burning the refresh token twice.
      await sleep(100);
      const t = this.o.store.load();
      if (t && t.accessToken !== staleToken) return t.accessToken;
      if (Date.now() > deadline) throw new TokenRefreshError(null, "timed out waiting for another process's refresh");
    }
    try {
      const t = this.o.store.load();
      if (t?.accessToken && t.accessToken !== staleToken && t.expiresAt > this.o.clock.now().getTime()) {
        return t.accessToken;
      }
      if (!t?.refreshToken) throw new TokenRefreshError(null, "no refresh token stored");
      const fresh = await this.callRefresh(t.refreshToken);
      const now = this.o.clock.now().getTime();
      this.o.store.save(
        { accessToken: fresh.access_token, refreshToken: fresh.refresh_token, expiresAt: now + fresh.expires_in * 1000 },
        now,
      );
      metrics.tokenRefreshTotal.inc({ result: "ok" });
      this.o.logger.info({ expiresInSec: fresh.expires_in }, "zalo access token refreshed");
      return fresh.access_token;
    } catch (err) {
      metrics.tokenRefreshTotal.inc({ result: "failed" });
      throw err;
    } finally {
      this.o.store.releaseLease(this.owner);
    }
  }

  private async callRefresh(refreshToken: string): Promise<z.infer<typeof refreshResponse>> {
    if (!this.o.appId || !this.o.appSecret) {
      throw new TokenRefreshError(null, "ZALO_APP_ID and ZALO_APP_SECRET are needed to refresh");
    }
    const body = new URLSearchParams({ app_id: this.o.appId, grant_type: "refresh_token", refresh_token: refreshToken });
    let data: unknown;
    try {
      // Through zalo-http.ts like every call to Zalo: it draws from the OA's one API budget.
      const res = await this.transport.send("oauth/access_token", "system", {
        url: `${this.o.oauthBaseUrl}/v4/oa/access_token`,
        method: "POST",
        data: body.toString(),
        timeout: REFRESH_TIMEOUT_MS,
        headers: { "content-type": "application/x-www-form-urlencoded", secret_key: this.o.appSecret },
      });
      if (res.status >= 500) throw new TokenRefreshError(null, `HTTP ${res.status}`);
      data = res.data;
    } catch (err) {
      if (err instanceof TokenRefreshError) throw err;
      throw new TokenRefreshError(null, (err as Error).message, { cause: err });
    }
    const ok = refreshResponse.safeParse(data);
    if (ok.success) return ok.data;
    const bad = errorResponse.safeParse(data);
    if (bad.success) throw new TokenRefreshError(bad.data.error, bad.data.message ?? bad.data.error_name ?? "refresh refused");
    throw new TokenRefreshError(null, "unexpected token response");
  }

  /** Refreshes proactively when the token expires within the hour (called on a timer). */
  async refreshIfDue(): Promise<void> {
    const t = this.o.store.load();
    if (!t?.refreshToken) return;
    if (t.expiresAt - this.o.clock.now().getTime() <= REFRESH_AHEAD_MS) await this.refresh(t.accessToken);
  }
}
