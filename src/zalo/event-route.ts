import type { Conversation } from "../shared/conversation.js";
import type { ZaloEvent } from "./zalo-events.js";

export interface EventRoute {
  conversation: Conversation;
  /** The Zalo user who wrote (or followed, withdrew...); null for group management events. */
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
  }
}
