import axios, { type AxiosInstance } from "axios";
import { z } from "zod";
import { ZaloApiError, ZaloHttpError } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import type { DeliveryAnswer, DeliveryCheck } from "./group-history.js";
import type { TokenManager } from "./token-manager.js";
import { classifyZaloError, zaloErrorReason } from "./zalo-errors.js";

const PAGE = 10;
const MAX_PAGES = 3;
/** Zalo's clock and ours may differ; look this far before the moment the reply was written. */
const SKEW_MS = 5 * 60_000;

const historySchema = z.object({
  error: z.number(),
  message: z.string().optional(),
  data: z
    .array(
      z.looseObject({
        src: z.number().optional(),
        time: z.coerce.number().optional(),
        message: z.string().optional(),
        message_id: z.coerce.string().optional(),
      }),
    )
    .optional(),
});

type HistoryItem = NonNullable<z.infer<typeof historySchema>["data"]>[number];

const norm = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 300);

/**
 * The 1:1 conversation between the OA and a user, read back to settle a reply cut off by a crash:
 * GET /v2.0/oa/conversation?data={"user_id","offset","count"} (zalo-platform.md §3.6, ≤ 10 messages a page,
 * newest first, `src` 0 = sent by the OA). Found → the reply arrived; a readable history that reaches back
 * before the reply was written without it → it did not; anything else → null (cannot tell).
 * Throws ZaloApiError/ZaloHttpError of kind "retryable" when asking again later may help.
 */
export class ZaloUserHistory implements DeliveryCheck {
  private readonly http: AxiosInstance;

  constructor(private readonly o: { apiBaseUrl: string; tokens: TokenManager; logger: Logger; timeoutMs?: number }) {
    this.http = axios.create({ timeout: o.timeoutMs ?? 10_000, maxRedirects: 0 });
  }

  async find(userId: string, text: string, sinceMs: number): Promise<DeliveryAnswer> {
    const want = norm(text);
    const since = sinceMs - SKEW_MS;
    for (let page = 0; page < MAX_PAGES; page++) {
      const items = await this.page(userId, page * PAGE);
      if (items === null) return null;
      for (const m of items) {
        if (m.src !== undefined && m.src !== 0) continue; // only what the OA itself sent
        if (m.message !== undefined && norm(m.message) === want && (m.time === undefined || m.time >= since)) {
          return { found: true, messageId: m.message_id ?? "" };
        }
      }
      const oldest = items.at(-1)?.time;
      if (items.length < PAGE || (oldest !== undefined && oldest < since)) return { found: false };
    }
    return null; // a long conversation since: the window was not covered
  }

  private async page(userId: string, offset: number): Promise<HistoryItem[] | null> {
    const get = async (token: string) => {
      let res;
      try {
        res = await this.http.get(`${this.o.apiBaseUrl}/v2.0/oa/conversation`, {
          params: { data: JSON.stringify({ user_id: userId, offset, count: PAGE }) },
          headers: { access_token: token },
          validateStatus: () => true,
        });
      } catch (err) {
        const e = err as { code?: string; message?: string };
        throw new ZaloHttpError("oa/conversation", null, e.code ?? e.message ?? "network error", { cause: err });
      }
      if (res.status >= 500 || res.status === 429) throw new ZaloHttpError("oa/conversation", res.status, String(res.statusText || "HTTP error"));
      return res.data as unknown;
    };
    let token = await this.o.tokens.accessToken();
    for (let attempt = 0; ; attempt++) {
      const parsed = historySchema.safeParse(await get(token));
      if (!parsed.success) {
        this.o.logger.warn({ userId }, "conversation history has an unexpected shape; cannot tell whether a reply arrived");
        return null;
      }
      const { error, message, data } = parsed.data;
      if (error === 0) return data ?? [];
      const kind = classifyZaloError(error);
      if (kind === "auth" && attempt === 0) {
        token = await this.o.tokens.refresh(token);
        continue;
      }
      if (kind === "retryable") throw new ZaloApiError(error, "oa/conversation", zaloErrorReason(error, message), kind);
      this.o.logger.warn({ userId, code: error }, "conversation history unavailable; cannot tell whether a reply arrived");
      return null;
    }
  }
}
