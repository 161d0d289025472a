import { z } from "zod";
import { ZaloApiError, ZaloHttpError } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import type { ZaloHttp } from "./zalo-http.js";

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

/** One history endpoint: where it is, how a page is asked for, and what the logs call it. */
export interface HistoryEndpoint {
  call: string;
  path: string;
  params(id: string, offset: number, count: number): Record<string, string | number>;
  /** Pages read at most before giving up ("cannot tell"): a conversation busier than this since the send. */
  maxPages: number;
  /** Log field for the id ("groupId", "userId") and what the message is ("reminder", "reply"). */
  idField: string;
  what: string;
  where: string;
}

/** Messages asked for per page. Zalo may answer fewer (the group history's default is 5, no maximum documented). */
export const HISTORY_PAGE = 10;
/** Zalo's clock and ours may differ; look this far before the moment the send started. */
const SKEW_MS = 5 * 60_000;

const itemsSchema = z.array(
  z.looseObject({
    src: z.number().optional(),
    time: z.coerce.number().optional(),
    message: z.string().optional(),
    message_id: z.coerce.string().optional(),
  }),
);

type HistoryItem = z.infer<typeof itemsSchema>[number];

const norm = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 300);

/**
 * Reads a conversation back, newest first, `src` 0 = sent by the OA. Pages by what Zalo actually returned
 * (a page shorter than asked is not the end: only an empty page is), until a message older than the send or
 * the end. "Not there" is answered only from a well-formed history that reaches back before the send started
 * (or ends); an error, an unexpected shape or a conversation too busy to page back that far answers null.
 */
export class HistoryReader implements DeliveryCheck {
  constructor(
    private readonly http: ZaloHttp,
    private readonly logger: Logger,
    private readonly ep: HistoryEndpoint,
  ) {}

  async find(id: string, text: string, sinceMs: number): Promise<DeliveryAnswer> {
    const want = norm(text);
    const since = sinceMs - SKEW_MS;
    let offset = 0;
    for (let page = 0; page < this.ep.maxPages; page++) {
      const items = await this.page(id, offset);
      if (items === null) return null;
      if (items.length === 0) return { found: false }; // the end of the conversation
      for (const m of items) {
        if (m.src !== undefined && m.src !== 0) continue; // only what the OA itself sent
        if (m.message !== undefined && norm(m.message) === want && (m.time === undefined || m.time >= since)) {
          return { found: true, messageId: m.message_id ?? "" };
        }
      }
      const oldest = items.at(-1)?.time;
      if (oldest !== undefined && oldest < since) return { found: false };
      offset += items.length;
    }
    this.logger.warn({ [this.ep.idField]: id, pages: this.ep.maxPages }, `${this.ep.where} too busy to reach the send; cannot tell`);
    return null;
  }

  private async page(id: string, offset: number): Promise<HistoryItem[] | null> {
    let data: unknown;
    try {
      ({ data } = await this.http.request({
        call: this.ep.call,
        method: "GET",
        path: this.ep.path,
        params: this.ep.params(id, offset, HISTORY_PAGE),
        lane: "system",
      }));
    } catch (err) {
      const permanent = (err instanceof ZaloApiError || err instanceof ZaloHttpError) && err.kind === "permanent";
      if (!permanent) throw err;
      const code = err instanceof ZaloApiError ? err.code : err.status;
      this.logger.warn({ [this.ep.idField]: id, code }, `${this.ep.where} unavailable; cannot tell whether a ${this.ep.what} arrived`);
      return null;
    }
    // No data array at all is not "an empty conversation": it is a shape we do not know.
    const parsed = itemsSchema.safeParse(data);
    if (!parsed.success) {
      this.logger.warn(
        { [this.ep.idField]: id },
        `${this.ep.where} has an unexpected shape; cannot tell whether a ${this.ep.what} arrived`,
      );
      return null;
    }
    return parsed.data;
  }
}

/** A group's history: GET /v3.0/oa/group/conversation?group_id&offset&count (nhom-chat-gmf/quan-ly/group_conversation). */
export function groupHistory(http: ZaloHttp, logger: Logger): HistoryReader {
  return new HistoryReader(http, logger, {
    call: "group/conversation",
    path: "/v3.0/oa/group/conversation",
    params: (id, offset, count) => ({ group_id: id, offset, count }),
    maxPages: 40,
    idField: "groupId",
    what: "reminder",
    where: "group history",
  });
}

/**
 * The 1:1 conversation between the OA and a user: GET /v2.0/oa/conversation?data={"user_id","offset","count"}
 * (zalo-platform.md §3.6, ≤ 10 messages a page).
 */
export function userHistory(http: ZaloHttp, logger: Logger): HistoryReader {
  return new HistoryReader(http, logger, {
    call: "oa/conversation",
    path: "/v2.0/oa/conversation",
    params: (id, offset, count) => ({ data: JSON.stringify({ user_id: id, offset, count }) }),
    maxPages: 10,
    idField: "userId",
    what: "reply",
    where: "conversation history",
  });
}
