/** Where a message came from and where its replies go: a 1:1 chat with a user, or an OA group (GMF). */
export interface Conversation {
  kind: "user" | "group";
  /** Zalo user id (1:1) or group id (recipient.id of user_send_group_* events). */
  id: string;
}

export function conversationKey(c: Conversation): string {
  return `${c.kind}:${c.id}`;
}
