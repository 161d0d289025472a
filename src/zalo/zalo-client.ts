import type { Logger } from "../observability/logger.js";
import type { Conversation } from "../shared/conversation.js";
import { parseAnonymousRecipient } from "./anonymous-recipient.js";
import type { ApiLane } from "./call-budget.js";
import type { Outbound, SendOptions, SendResult } from "./outbound.js";
import { parseQuota } from "./send-quota.js";
import { splitText } from "./text-splitter.js";
import type { ZaloHttp, ZaloRequest } from "./zalo-http.js";

export interface ZaloClientOptions {
  http: ZaloHttp;
  logger: Logger;
}

/** Where a text goes and in which body: 1:1 (cs), an anonymous chat, or an OA group (GMF). */
function sendRequest(to: Conversation, text: string, lane: ApiLane): ZaloRequest {
  const message = { text };
  if (to.kind === "group") {
    return {
      call: "group/message",
      method: "POST",
      path: "/v3.0/oa/group/message",
      body: { recipient: { group_id: to.id }, message },
      lane,
    };
  }
  const anon = parseAnonymousRecipient(to.id);
  if (anon) {
    // The documented anonymous recipient (official-account/tin-nhan/cac-loai-tin-khac/gui-tin-nhan-van-ban-den-nguoi-dung-an-danh).
    const recipient = { anonymous_id: anon.anonymousId, conversation_id: anon.conversationId };
    return { call: "oa/message (anonymous)", method: "POST", path: "/v2.0/oa/message", body: { recipient, message }, lane };
  }
  return { call: "message/cs", method: "POST", path: "/v3.0/oa/message/cs", body: { recipient: { user_id: to.id }, message }, lane };
}

/** Text to users (cs), anonymous chats and OA groups (GMF): endpoint definitions over ZaloHttp. */
export class ZaloClient implements Outbound {
  readonly dryRun = false;

  constructor(private readonly o: ZaloClientOptions) {}

  async sendText(to: Conversation, text: string, opts: SendOptions = {}): Promise<SendResult> {
    const messageIds: string[] = [];
    let quota: SendResult["quota"];
    for (const chunk of splitText(text)) {
      const { data } = await this.o.http.request(sendRequest(to, chunk, opts.lane ?? "reply"));
      messageIds.push(String((data as { message_id?: unknown } | undefined)?.message_id ?? ""));
      quota = parseQuota(data) ?? quota;
    }
    return { messageIds, ...(quota ? { quota } : {}) };
  }
}
