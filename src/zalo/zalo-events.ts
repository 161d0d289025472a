import { z } from "zod";

/** Zalo ids are large numbers carried as strings; a JSON number here would already have lost digits. */
const zaloId = z.string().trim().min(1, { error: "must not be empty" }).max(128);
const timestamp = z.union([z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative()]).transform(String);
const attachment = z.looseObject({ type: z.string(), payload: z.unknown().optional() });

const messageFields = {
  msg_id: zaloId.optional(),
  message_id: zaloId.optional(),
  text: z.string().max(100_000).optional(),
  quote_msg_id: z.string().optional(),
  attachments: z.array(attachment).max(50).optional(),
};
const message = z.looseObject(messageFields).transform((m) => ({ ...m, msg_id: m.msg_id ?? m.message_id }));
const anonymousMessage = z
  .looseObject({ ...messageFields, conversation_id: zaloId })
  .transform((m) => ({ ...m, msg_id: m.msg_id ?? m.message_id }));

const MESSAGE_KINDS = "text|image|link|audio|video|sticker|location|business_card|file|gif";
export const USER_MESSAGE = new RegExp(`^user_send_(${MESSAGE_KINDS})$`);
export const GROUP_MESSAGE = new RegExp(`^user_send_group_(${MESSAGE_KINDS})$`);
/** A resident chatting without following the OA (the docs list text, image, file, sticker). */
export const ANONYMOUS_MESSAGE = new RegExp(`^anonymous_send_(${MESSAGE_KINDS})$`);
/** Echoes of what the OA sent, by the API or by a person in the OA chat tool (then with sender.admin_id). */
export const OA_ECHO = new RegExp(`^oa_send_(group_)?(${MESSAGE_KINDS}|list|template)$`);

export const GROUP_MANAGEMENT_EVENTS = [
  "create_group",
  "user_join_group",
  "user_request_join_group",
  "accept_request_join_group",
  "reject_request_join_group",
  "react_request_join_group",
  "add_group_admin",
  "remove_group_admin",
  "update_group_info",
  "user_out_group",
  "delete_group",
  "disperse_group",
] as const;

const envelope = { app_id: zaloId, timestamp };

export const userMessageEvent = z.looseObject({
  ...envelope,
  event_name: z.string().regex(USER_MESSAGE),
  sender: z.looseObject({ id: zaloId }),
  recipient: z.looseObject({ id: zaloId }),
  user_id_by_app: z.string().optional(),
  message,
});

export const groupMessageEvent = z.looseObject({
  ...envelope,
  event_name: z.string().regex(GROUP_MESSAGE),
  oa_id: zaloId.optional(),
  sender: z.looseObject({ id: zaloId }),
  /** recipient.id is the GROUP id for group message events. */
  recipient: z.looseObject({ id: zaloId }),
  user_id_by_app: z.string().optional(),
  message,
});

export const followEvent = z.looseObject({
  ...envelope,
  event_name: z.enum(["follow", "unfollow"]),
  oa_id: zaloId.optional(),
  follower: z.looseObject({ id: zaloId }),
  source: z.string().optional(),
  user_id_by_app: z.string().optional(),
});

export const submitInfoEvent = z.looseObject({
  ...envelope,
  event_name: z.literal("user_submit_info"),
  sender: z.looseObject({ id: zaloId }),
  recipient: z.looseObject({ id: zaloId }),
  info: z.looseObject({
    name: z.string().optional(),
    // The doc sample shows the phone as a number; keep it a string either way.
    phone: z.union([z.string(), z.number()]).transform(String).optional(),
    address: z.string().optional(),
    city: z.string().optional(),
    district: z.string().optional(),
    ward: z.string().optional(),
  }),
});

export const withdrawEvent = z.looseObject({
  ...envelope,
  event_name: z.literal("user_withdraw"),
  oa_id: zaloId.optional(),
  user_id: zaloId,
  user_id_by_app: z.string().optional(),
});

/**
 * anonymous_send_*: sender.id is an anonymous id valid in this chat only, message.conversation_id names the
 * chat; a reply needs both (developers.zalo.me webhook/tin-nhan/su-kien-nguoi-dung-an-danh-gui-tin-nhan).
 */
export const anonymousMessageEvent = z.looseObject({
  ...envelope,
  event_name: z.string().regex(ANONYMOUS_MESSAGE),
  sender: z.looseObject({ id: zaloId }),
  recipient: z.looseObject({ id: zaloId }),
  user_id_by_app: z.string().optional(),
  message: anonymousMessage,
});

/**
 * user_click_chatnow: a user with no chat history tapped "Nhắn tin" on the OA (once per user and OA); the OA
 * may write first after it (webhook/tin-nhan/su-kien-nguoi-dung-click-nut-nhan-tin-tren-official-account).
 */
export const chatNowEvent = z.looseObject({
  ...envelope,
  event_name: z.literal("user_click_chatnow"),
  oa_id: zaloId.optional(),
  user_id: zaloId,
  user_id_by_app: z.string().optional(),
});

/**
 * oa_send_* / oa_send_group_*: sender.id is the OA, recipient.id the user (or the group); sender.admin_id is
 * there when a person wrote from the OA chat tool rather than the API
 * (webhook/tin-nhan/su-kien-official-account-gui-tin-nhan-cho-nguoi-dung; Chatwoot uses it the same way).
 */
export const oaEchoEvent = z.looseObject({
  ...envelope,
  event_name: z.string().regex(OA_ECHO),
  oa_id: zaloId.optional(),
  sender: z.looseObject({ id: zaloId, admin_id: zaloId.optional() }),
  recipient: z.looseObject({ id: zaloId }),
  user_id_by_app: z.string().optional(),
  message: message.optional(),
});

export const groupManagementEvent = z.looseObject({
  ...envelope,
  event_name: z.enum(GROUP_MANAGEMENT_EVENTS),
  oa_id: zaloId.optional(),
  group_id: zaloId,
  users: z
    .array(z.looseObject({ id: zaloId }))
    .max(1000)
    .optional(),
});

export type UserMessageEvent = z.infer<typeof userMessageEvent>;
export type GroupMessageEvent = z.infer<typeof groupMessageEvent>;
export type FollowEvent = z.infer<typeof followEvent>;
export type SubmitInfoEvent = z.infer<typeof submitInfoEvent>;
export type WithdrawEvent = z.infer<typeof withdrawEvent>;
export type GroupManagementEvent = z.infer<typeof groupManagementEvent>;
export type AnonymousMessageEvent = z.infer<typeof anonymousMessageEvent>;
export type ChatNowEvent = z.infer<typeof chatNowEvent>;
export type OaEchoEvent = z.infer<typeof oaEchoEvent>;

/** An event the bot acts on, tagged by family so handlers can narrow with a switch. */
export type ZaloEvent =
  | { family: "user_message"; data: UserMessageEvent }
  | { family: "group_message"; data: GroupMessageEvent }
  | { family: "follow"; data: FollowEvent }
  | { family: "submit_info"; data: SubmitInfoEvent }
  | { family: "withdraw"; data: WithdrawEvent }
  | { family: "group_management"; data: GroupManagementEvent }
  | { family: "anonymous_message"; data: AnonymousMessageEvent }
  | { family: "chat_now"; data: ChatNowEvent }
  /** Parsed so a person answering from the OA chat tool (sender.admin_id) can be noticed; never answered. */
  | { family: "oa_echo"; data: OaEchoEvent };

/** How the webhook treats an event name: acted on, or acknowledged and ignored. */
export type EventClass =
  | { handled: true; schema: z.ZodType; family: ZaloEvent["family"] }
  | { handled: false; reason: "echo" | "receipt" | "reaction" | "unknown" };

export function classifyEventName(name: string): EventClass {
  if (USER_MESSAGE.test(name)) return { handled: true, schema: userMessageEvent, family: "user_message" };
  if (GROUP_MESSAGE.test(name)) return { handled: true, schema: groupMessageEvent, family: "group_message" };
  if (name === "follow" || name === "unfollow") return { handled: true, schema: followEvent, family: "follow" };
  if (name === "user_submit_info") return { handled: true, schema: submitInfoEvent, family: "submit_info" };
  if (name === "user_withdraw") return { handled: true, schema: withdrawEvent, family: "withdraw" };
  if ((GROUP_MANAGEMENT_EVENTS as readonly string[]).includes(name)) {
    return { handled: true, schema: groupManagementEvent, family: "group_management" };
  }
  if (ANONYMOUS_MESSAGE.test(name)) return { handled: true, schema: anonymousMessageEvent, family: "anonymous_message" };
  if (name === "user_click_chatnow") return { handled: true, schema: chatNowEvent, family: "chat_now" };
  // Echoes of the OA's own messages never trigger replies; they run through the chain (in their conversation's
  // order) only so that a person answering by hand can be noticed.
  if (OA_ECHO.test(name)) return { handled: true, schema: oaEchoEvent, family: "oa_echo" };
  if (name.startsWith("oa_send_")) return { handled: false, reason: "echo" };
  if (name === "user_received_message" || name === "user_seen_message") return { handled: false, reason: "receipt" };
  if (name === "user_reacted_message" || name === "oa_reacted_message") return { handled: false, reason: "reaction" };
  return { handled: false, reason: "unknown" };
}

/** Parses a raw event object into a typed ZaloEvent; throws the zod error for a bad shape. */
export function parseEvent(raw: unknown, cls: Extract<EventClass, { handled: true }>): ZaloEvent {
  const data = cls.schema.parse(raw);
  return { family: cls.family, data } as ZaloEvent;
}

/**
 * An event the edge validated and stored in its parsed form (the inbox body), rebuilt without validating
 * it again: the event is parsed once, at the edge. null for an event name the bot does not act on.
 */
export function storedEvent(eventName: string, body: string): ZaloEvent | null {
  const cls = classifyEventName(eventName);
  if (!cls.handled) return null;
  return { family: cls.family, data: JSON.parse(body) } as ZaloEvent;
}
