import axios, { type AxiosInstance } from "axios";
import { z } from "zod";
import { ZaloApiError, ZaloHttpError } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import type { TokenManager } from "./token-manager.js";
import { classifyZaloError, zaloErrorReason } from "./zalo-errors.js";

/** What a group's history says about one reminder: there (with its id), not there, or no way to tell. */
export type DeliveryAnswer = { found: true; messageId: string } | { found: false } | null;

/**
 * After a crash in the middle of a send, tells whether the reminder reached the group. Zalo has no
 * idempotency key, so reading the group's history back is the only way to know.
 * Throws ZaloApiError/ZaloHttpError of kind "retryable" when asking again later may help.
 */
export interface DeliveryCheck {
  find(groupId: string, text: string, sinceMs: number): Promise<DeliveryAnswer>;
}

const PAGE = 10;
const MAX_PAGES = 5;
/** Zalo's clock and ours may differ; look this far before the moment the send started. */
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
 * GET /v3.0/oa/group/conversation (zalo-platform.md §4): newest first, PAGE messages a page. "Not there" is
 * answered only from a well-formed history that reaches back before the send started (or ends); an error,
 * an unexpected shape or a group too busy to page back that far answers null, and the caller does not resend.
 */
export class ZaloGroupHistory implements DeliveryCheck {
  private readonly http: AxiosInstance;

  constructor(private readonly o: { apiBaseUrl: string; tokens: TokenManager; logger: Logger; timeoutMs?: number }) {
    this.http = axios.create({ timeout: o.timeoutMs ?? 10_000 });
  }

  async find(groupId: string, text: string, sinceMs: number): Promise<DeliveryAnswer> {
    const want = norm(text);
    const since = sinceMs - SKEW_MS;
    for (let page = 0; page < MAX_PAGES; page++) {
      const items = await this.page(groupId, page * PAGE);
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
    return null; // a busy group: the window was not covered
  }

  private async page(groupId: string, offset: number): Promise<HistoryItem[] | null> {
    const get = async (token: string) => {
      let res;
      try {
        res = await this.http.get(`${this.o.apiBaseUrl}/v3.0/oa/group/conversation`, {
          params: { group_id: groupId, offset, count: PAGE },
          headers: { access_token: token },
          validateStatus: () => true,
        });
      } catch (err) {
        const e = err as { code?: string; message?: string };
        throw new ZaloHttpError("group/conversation", null, e.code ?? e.message ?? "network error", { cause: err });
      }
      if (res.status >= 500 || res.status === 429) throw new ZaloHttpError("group/conversation", res.status, String(res.statusText || "HTTP error"));
      return res.data as unknown;
    };
    let token = await this.o.tokens.accessToken();
    for (let attempt = 0; ; attempt++) {
      const parsed = historySchema.safeParse(await get(token));
      if (!parsed.success) {
        this.o.logger.warn({ groupId }, "group history has an unexpected shape; cannot tell whether a reminder arrived");
        return null;
      }
      const { error, message, data } = parsed.data;
      if (error === 0) return data ?? [];
      const kind = classifyZaloError(error);
      if (kind === "auth" && attempt === 0) {
        token = await this.o.tokens.refresh(token);
        continue;
      }
      if (kind === "retryable") throw new ZaloApiError(error, "group/conversation", zaloErrorReason(error, message), kind);
      this.o.logger.warn({ groupId, code: error }, "group history unavailable; cannot tell whether a reminder arrived");
      return null;
    }
  }
}
