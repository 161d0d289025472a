import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import { ZaloApiError, ZaloHttpError } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import type { ApiLane, CallBudget } from "./call-budget.js";
import type { TokenManager } from "./token-manager.js";
import { classifyZaloError, zaloErrorReason } from "./zalo-errors.js";

export interface ZaloHttpOptions {
  apiBaseUrl: string;
  tokens: TokenManager;
  logger: Logger;
  timeoutMs?: number;
  http?: AxiosInstance;
  /** The OA's one API budget (ZALO_API_RATE_PER_MIN); absent = unlimited. */
  budget?: CallBudget | null;
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
  private readonly http: AxiosInstance;

  constructor(private readonly o: ZaloHttpOptions) {
    // maxRedirects 0: the OA API never redirects, and axios then uses Node's http directly instead of
    // follow-redirects, which cost about a third of each send's CPU under load (bench:webhook profile).
    this.http = o.http ?? axios.create({ timeout: o.timeoutMs ?? 10_000, maxRedirects: 0 });
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
    await this.o.budget?.take(req.lane);
    let res: AxiosResponse<unknown>;
    try {
      res = await this.http.request({
        url: `${this.o.apiBaseUrl}${req.path}`,
        method: req.method,
        params: req.params,
        data: req.body,
        headers: { access_token: token, ...(req.body === undefined ? {} : { "content-type": "application/json" }) },
        validateStatus: () => true,
      });
    } catch (err) {
      const e = err as { code?: string; message?: string };
      throw new ZaloHttpError(req.call, null, e.code ?? e.message ?? "network error", { cause: err });
    }
    const body = res.data as { error?: unknown; message?: unknown; data?: unknown } | undefined;
    if (body && typeof body === "object" && typeof body.error === "number" && body.error !== 0) {
      const code = body.error;
      // -32: the app's per-minute limit; every caller waits for the next minute, not just this one.
      if (code === -32) this.o.budget?.rateLimited();
      throw new ZaloApiError(code, req.call, zaloErrorReason(code, String(body.message ?? "")), classifyZaloError(code));
    }
    if (res.status >= 400) throw new ZaloHttpError(req.call, res.status, String(res.statusText || "HTTP error"));
    return { data: body && typeof body === "object" ? body.data : undefined };
  }
}
