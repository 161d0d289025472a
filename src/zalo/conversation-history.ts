import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import { z } from "zod";
import { ZaloApiError, ZaloHttpError } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import type { TokenManager } from "./token-manager.js";
import { classifyZaloError, zaloErrorReason } from "./zalo-errors.js";

/** What a conversation's history says about one message: there (with its id), not there, or no way to tell. */
export type DeliveryAnswer = { found: true; messageId: string } | { found: false } | null;

/**
 * After a crash in the middle of a send, tells whether the message reached the user or group. Zalo has no
 * idempotency key, so reading the conversation back is the only way to know.
 * Throws ZaloApiError/ZaloHttpError of kind "retryable" when asking again later may help.
 */
export interface DeliveryCheck {
  find(conversationId: string, text: string, sinceMs: number): Promise<DeliveryAnswer>;
}

export interface HistoryReaderOptions {
  apiBaseUrl: string;
  tokens: TokenManager;
  logger: Logger;
  timeoutMs?: number;
}

/** One history endpoint: where it is, how a page is asked for, and what the logs call it. */
export interface HistoryEndpoint {
  call: string;
  path: string;
  params(id: string, offset: number, count: number): Record<string, string | number>;
  maxPages: number;
  /** Log field for the id ("groupId", "userId") and what the message is ("reminder", "reply"). */
  idField: string;
  what: string;
  where: string;
}

const PAGE = 10;
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
 * Reads a conversation back, newest first, PAGE messages a page, `src` 0 = sent by the OA. "Not there" is
 * answered only from a well-formed history that reaches back before the send started (or ends); an error,
 * an unexpected shape or a conversation too busy to page back that far answers null, and the caller does not resend.
 */
export class HistoryReader implements DeliveryCheck {
  private readonly http: AxiosInstance;

  constructor(
    private readonly o: HistoryReaderOptions,
    private readonly ep: HistoryEndpoint,
  ) {
    this.http = axios.create({ timeout: o.timeoutMs ?? 10_000, maxRedirects: 0 });
  }

  async find(id: string, text: string, sinceMs: number): Promise<DeliveryAnswer> {
    const want = norm(text);
    const since = sinceMs - SKEW_MS;
    for (let page = 0; page < this.ep.maxPages; page++) {
      const items = await this.page(id, page * PAGE);
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
    return null; // a busy conversation: the window was not covered
  }

  private async page(id: string, offset: number): Promise<HistoryItem[] | null> {
    const get = async (token: string) => {
      let res: AxiosResponse;
      try {
        res = await this.http.get(`${this.o.apiBaseUrl}${this.ep.path}`, {
          params: this.ep.params(id, offset, PAGE),
          headers: { access_token: token },
          validateStatus: () => true,
        });
      } catch (err) {
        const e = err as { code?: string; message?: string };
        throw new ZaloHttpError(this.ep.call, null, e.code ?? e.message ?? "network error", { cause: err });
      }
      if (res.status >= 500 || res.status === 429)
        throw new ZaloHttpError(this.ep.call, res.status, String(res.statusText || "HTTP error"));
      return res.data as unknown;
    };
    let token = await this.o.tokens.accessToken();
    for (let attempt = 0; ; attempt++) {
      const parsed = historySchema.safeParse(await get(token));
      if (!parsed.success) {
        this.o.logger.warn(
          { [this.ep.idField]: id },
          `${this.ep.where} has an unexpected shape; cannot tell whether a ${this.ep.what} arrived`,
        );
        return null;
      }
      const { error, message, data } = parsed.data;
      if (error === 0) return data ?? [];
      const kind = classifyZaloError(error);
      if (kind === "auth" && attempt === 0) {
        token = await this.o.tokens.refresh(token);
        continue;
      }
      if (kind === "retryable") throw new ZaloApiError(error, this.ep.call, zaloErrorReason(error, message), kind);
      this.o.logger.warn(
        { [this.ep.idField]: id, code: error },
        `${this.ep.where} unavailable; cannot tell whether a ${this.ep.what} arrived`,
      );
      return null;
    }
  }
}
