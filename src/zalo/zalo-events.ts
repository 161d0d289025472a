import { z } from "zod";

/** Zalo ids are large numbers carried as strings; a JSON number here would already have lost digits. */
const zaloId = z.string().trim().min(1, { error: "must not be empty" }).max(128);
const timestamp = z.union([z.string().regex(/^\d{1,16}$/), z.number().int().nonnegative()]).transform(String);
const attachment = z.looseObject({ type: z.string(), payload: z.unknown().optional() });

const message = z
  .looseObject({
    msg_id: zaloId.optional(),
    message_id: zaloId.optional(),
    text: z.string().max(100_000).optional(),
    quote_msg_id: z.string().optional(),
    attachments: z.array(attachment).max(50).optional(),
  })
  .transform((m) => ({ ...m, msg_id: m.msg_id ?? m.message_id }));

const MESSAGE_KINDS = "text|image|link|audio|video|sticker|location|business_card|file|gif";
export const USER_MESSAGE = new RegExp(`^user_send_(${MESSAGE_KINDS})$`);
export const GROUP_MESSAGE = new RegExp(`^user_send_group_(${MESSAGE_KINDS})$`);

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

/** An event the bot acts on, tagged by family so handlers can narrow with a switch. */
export type ZaloEvent =
  | { family: "user_message"; data: UserMessageEvent }
  | { family: "group_message"; data: GroupMessageEvent }
  | { family: "follow"; data: FollowEvent }
  | { family: "submit_info"; data: SubmitInfoEvent }
  | { family: "withdraw"; data: WithdrawEvent }
  | { family: "group_management"; data: GroupManagementEvent };

/** How the webhook treats an event name: acted on, or acknowledged and ignored. */
export type EventClass =
  | { handled: true; schema: z.ZodType; family: ZaloEvent["family"] }
  | { handled: false; reason: "echo" | "receipt" | "unknown" };

export function classifyEventName(name: string): EventClass {
  if (USER_MESSAGE.test(name)) return { handled: true, schema: userMessageEvent, family: "user_message" };
  if (GROUP_MESSAGE.test(name)) return { handled: true, schema: groupMessageEvent, family: "group_message" };
  if (name === "follow" || name === "unfollow") return { handled: true, schema: followEvent, family: "follow" };
  if (name === "user_submit_info") return { handled: true, schema: submitInfoEvent, family: "submit_info" };
  if (name === "user_withdraw") return { handled: true, schema: withdrawEvent, family: "withdraw" };
  if ((GROUP_MANAGEMENT_EVENTS as readonly string[]).includes(name)) {
    return { handled: true, schema: groupManagementEvent, family: "group_management" };
  }
  // oa_send_* are echoes of the OA's own messages: they must never trigger replies.
  if (name.startsWith("oa_send_")) return { handled: false, reason: "echo" };
  if (name === "user_received_message" || name === "user_seen_message") return { handled: false, reason: "receipt" };
  return { handled: false, reason: "unknown" };
}

/** Parses a raw event object into a typed ZaloEvent; throws the zod error for a bad shape. */
export function parseEvent(raw: unknown, cls: Extract<EventClass, { handled: true }>): ZaloEvent {
  const data = cls.schema.parse(raw);
  return { family: cls.family, data } as ZaloEvent;
}
