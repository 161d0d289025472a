import type { Conversation } from "../shared/conversation.js";
import { anonymousRecipientId } from "./anonymous-recipient.js";
import type { ZaloEvent } from "./zalo-events.js";

export interface EventRoute {
  conversation: Conversation;
  /** The Zalo user who wrote (or followed, withdrew...); null for group management events, anonymous chats and OA echoes. */
  senderId: string | null;
  /** Message text ('' when the event has none). */
  text: string;
}

/** Who is talking and where replies go, from the event's family. */
export function routeOf(event: ZaloEvent): EventRoute {
  switch (event.family) {
    case "user_message":
      return {
        conversation: { kind: "user", id: event.data.sender.id },
        senderId: event.data.sender.id,
        text: event.data.message.text ?? "",
      };
    case "group_message":
      return {
        conversation: { kind: "group", id: event.data.recipient.id },
        senderId: event.data.sender.id,
        text: event.data.message.text ?? "",
      };
    case "follow":
      return { conversation: { kind: "user", id: event.data.follower.id }, senderId: event.data.follower.id, text: "" };
    case "submit_info":
      return { conversation: { kind: "user", id: event.data.sender.id }, senderId: event.data.sender.id, text: "" };
    case "withdraw":
      return { conversation: { kind: "user", id: event.data.user_id }, senderId: event.data.user_id, text: "" };
    case "group_management":
      return { conversation: { kind: "group", id: event.data.group_id }, senderId: null, text: "" };
    case "anonymous_message": {
      // No stable user id: replies go to the chat, and nothing is recorded against the sender.
      const id = anonymousRecipientId({ anonymousId: event.data.sender.id, conversationId: event.data.message.conversation_id });
      return { conversation: { kind: "user", id }, senderId: null, text: event.data.message.text ?? "" };
    }
    case "chat_now":
      return { conversation: { kind: "user", id: event.data.user_id }, senderId: event.data.user_id, text: "" };
    case "oa_echo": {
      // The OA's own message: in the user's (or group's) conversation, from nobody the bot answers.
      const kind = event.data.event_name.startsWith("oa_send_group_") ? "group" : "user";
      return { conversation: { kind, id: event.data.recipient.id }, senderId: null, text: "" };
    }
  }
}
