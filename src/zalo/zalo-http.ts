import { ZaloApiError, ZaloHttpError } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import type { ApiLane, CallBudget } from "./call-budget.js";
import { type HttpAnswer, type HttpCall, type HttpCaller, httpCall } from "./http-call.js";
import type { TokenManager } from "./token-manager.js";
import { classifyZaloError, zaloErrorReason } from "./zalo-errors.js";

export interface ZaloTransportOptions {
  timeoutMs?: number;
  /** How a call is made (tests may replace it); default: Node's http with a timeout (http-call.ts). */
  http?: HttpCaller;
  /** The OA's one API budget (ZALO_API_RATE_PER_MIN); absent = unlimited. */
  budget?: CallBudget | null;
}

/**
 * Every HTTP exchange with Zalo, the OA API and the OAuth token endpoint alike: the API budget is taken before
 * each attempt, then the call is made; a network failure becomes a ZaloHttpError. Answers of every status
 * come back to the caller, who reads Zalo's envelope.
 */
export class ZaloTransport {
  private readonly http: HttpCaller;

  constructor(private readonly o: ZaloTransportOptions = {}) {
    this.http = o.http ?? httpCall(o.timeoutMs ?? 10_000);
  }

  async send(call: string, lane: ApiLane, config: HttpCall): Promise<HttpAnswer> {
    await this.o.budget?.take(lane);
    try {
      return await this.http(config);
    } catch (err) {
      const e = err as { code?: string; message?: string };
      throw new ZaloHttpError(call, null, e.code ?? e.message ?? "network error", { cause: err });
    }
  }

  /** Zalo's -32: the app's per-minute limit; every caller waits for the next minute, not just this one. */
  rateLimited(): void {
    this.o.budget?.rateLimited();
  }
}

export interface ZaloHttpOptions extends ZaloTransportOptions {
  apiBaseUrl: string;
  tokens: TokenManager;
  logger: Logger;
  /** Shared with the token refresh, so both draw from one budget; default: one built from the options above. */
  transport?: ZaloTransport;
}

/** One call to the OA Open API: what the logs and errors call it, where, and whose share of the budget it uses. */
export interface ZaloRequest {
  call: string;
  method: "GET" | "POST";
  path: string;
  params?: Record<string, string | number>;
  body?: unknown;
  lane: ApiLane;
}

/** Zalo's answer to a successful call: `data` of the `{error: 0, message, data}` envelope. */
export interface ZaloReply {
  data: unknown;
}

/**
 * The one way to call the OA Open API: base URL, the `access_token` header, a timeout, the shared API budget
 * before every attempt, Zalo's `error` codes mapped to typed errors (auth, retryable, permanent), and on an auth
 * error one token refresh and one retry. ZaloClient's sends and the history readers are calls through here.
 */
export class ZaloHttp {
  private readonly transport: ZaloTransport;

  constructor(private readonly o: ZaloHttpOptions) {
    this.transport = o.transport ?? new ZaloTransport(o);
  }

  async request(req: ZaloRequest): Promise<ZaloReply> {
    const token = await this.o.tokens.accessToken();
    try {
      return await this.once(req, token);
    } catch (err) {
      if (!(err instanceof ZaloApiError) || err.kind !== "auth") throw err;
      this.o.logger.warn({ call: req.call, code: err.code }, "zalo token rejected; refreshing and retrying once");
      const fresh = await this.o.tokens.refresh(token);
      return this.once(req, fresh);
    }
  }

  private async once(req: ZaloRequest, token: string): Promise<ZaloReply> {
    const res = await this.transport.send(req.call, req.lane, {
      url: `${this.o.apiBaseUrl}${req.path}`,
      method: req.method,
      params: req.params,
      data: req.body,
      headers: { access_token: token, ...(req.body === undefined ? {} : { "content-type": "application/json" }) },
    });
    const body = res.data as { error?: unknown; message?: unknown; data?: unknown } | undefined;
    if (body && typeof body === "object" && typeof body.error === "number" && body.error !== 0) {
      const code = body.error;
      // -32: the app's per-minute limit; every caller waits for the next minute, not just this one.
      if (code === -32) this.transport.rateLimited();
      throw new ZaloApiError(code, req.call, zaloErrorReason(code, String(body.message ?? "")), classifyZaloError(code));
    }
    if (res.status >= 400) throw new ZaloHttpError(req.call, res.status, String(res.statusText || "HTTP error"));
    return { data: body && typeof body === "object" ? body.data : undefined };
  }
}
