import axios, { type AxiosInstance, type AxiosResponse } from "axios";
import type { Conversation } from "../shared/conversation.js";
import { ZaloApiError, ZaloHttpError } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import type { Outbound, SendResult } from "./outbound.js";
import { parseAnonymousRecipient } from "./anonymous-recipient.js";
import { splitText } from "./text-splitter.js";
import type { TokenManager } from "./token-manager.js";
import { classifyZaloError, zaloErrorReason } from "./zalo-errors.js";

export interface ZaloClientOptions {
  apiBaseUrl: string;
  tokens: TokenManager;
  logger: Logger;
  timeoutMs?: number;
  http?: AxiosInstance;
}

/** Where a text goes and in which body: 1:1 (cs), an anonymous chat, or an OA group (GMF). */
function sendRequest(to: Conversation, text: string): [name: string, path: string, body: unknown] {
  if (to.kind === "group") return ["group/message", "/v3.0/oa/group/message", { recipient: { group_id: to.id }, message: { text } }];
  const anon = parseAnonymousRecipient(to.id);
  if (anon) {
    // The documented anonymous recipient (tin-nhan/cac-loai-tin-khac/gui-tin-nhan-van-ban-den-nguoi-dung-an-danh).
    const recipient = { anonymous_id: anon.anonymousId, conversation_id: anon.conversationId };
    return ["oa/message (anonymous)", "/v2.0/oa/message", { recipient, message: { text } }];
  }
  return ["message/cs", "/v3.0/oa/message/cs", { recipient: { user_id: to.id }, message: { text } }];
}

/** The OA Open API v3 over axios: text to users (cs) and to OA groups (GMF). */
export class ZaloClient implements Outbound {
  readonly dryRun = false;
  private readonly http: AxiosInstance;

  constructor(private readonly o: ZaloClientOptions) {
    // maxRedirects 0: the OA API never redirects, and axios then uses Node's http directly instead of
    // follow-redirects, which cost about a third of each send's CPU under load (bench:webhook profile).
    this.http = o.http ?? axios.create({ timeout: o.timeoutMs ?? 10_000, maxRedirects: 0 });
  }

  async sendText(to: Conversation, text: string): Promise<SendResult> {
    const messageIds: string[] = [];
    for (const chunk of splitText(text)) {
      const data = await this.call(...sendRequest(to, chunk));
      messageIds.push(String((data as { message_id?: unknown } | undefined)?.message_id ?? ""));
    }
    return { messageIds };
  }

  /** POSTs with the current token; an auth error refreshes the token and retries once. */
  async call(name: string, path: string, body: unknown): Promise<unknown> {
    const token = await this.o.tokens.accessToken();
    try {
      return await this.post(name, path, body, token);
    } catch (err) {
      if (!(err instanceof ZaloApiError) || err.kind !== "auth") throw err;
      this.o.logger.warn({ call: name, code: err.code }, "zalo token rejected; refreshing and retrying once");
      const fresh = await this.o.tokens.refresh(token);
      return this.post(name, path, body, fresh);
    }
  }

  private async post(name: string, path: string, body: unknown, token: string): Promise<unknown> {
    let res: AxiosResponse;
    try {
      res = await this.http.post(`${this.o.apiBaseUrl}${path}`, body, {
        headers: { access_token: token, "content-type": "application/json" },
        validateStatus: () => true,
      });
    } catch (err) {
      const e = err as { code?: string; message?: string };
      throw new ZaloHttpError(name, null, e.code ?? e.message ?? "network error", { cause: err });
    }
    const data = res.data as { error?: unknown; message?: unknown; data?: unknown } | undefined;
    if (data && typeof data === "object" && typeof data.error === "number" && data.error !== 0) {
      const code = data.error;
      throw new ZaloApiError(code, name, zaloErrorReason(code, String(data.message ?? "")), classifyZaloError(code));
    }
    if (res.status >= 400) throw new ZaloHttpError(name, res.status, String(res.statusText || "HTTP error"));
    return data?.data;
  }
}
