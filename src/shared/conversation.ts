/** Where a message came from and where its replies go: a 1:1 chat with a user, or an OA group (GMF). */
export interface Conversation {
  kind: "user" | "group";
  /** Zalo user id (1:1) or group id (recipient.id of user_send_group_* events). */
  id: string;
}

/** A message the bot will send once the handler has finished (persisted in the outbox first). */
export interface OutgoingMessage {
  to: Conversation;
  text: string;
}

/** "user:<id>" or "group:<id>": the inbox's ordering key and the stored form of a conversation. */
export function conversationKey(c: Conversation): string {
  return `${c.kind}:${c.id}`;
}

/** The inverse of conversationKey; null for anything else (e.g. "none" on events nobody answers). */
export function parseConversationKey(key: string): Conversation | null {
  const colon = key.indexOf(":");
  const kind = key.slice(0, colon);
  if (colon < 0 || (kind !== "user" && kind !== "group")) return null;
  return { kind, id: key.slice(colon + 1) };
}
