/**
 * A resident chatting without following the OA has no user id: Zalo gives an anonymous id and the chat's
 * conversation_id, and a reply must name both (POST /v2.0/oa/message with recipient {anonymous_id,
 * conversation_id}: developers.zalo.me official-account/tin-nhan/cac-loai-tin-khac/gui-tin-nhan-van-ban-den-nguoi-dung-an-danh).
 * They travel as one 1:1 recipient id so the outbox and the conversation key need nothing new.
 */
const PREFIX = "anon:";

export interface AnonymousRecipient {
  anonymousId: string;
  conversationId: string;
}

export function anonymousRecipientId(r: AnonymousRecipient): string {
  return `${PREFIX}${r.anonymousId}:${r.conversationId}`;
}

/** The two ids back from a 1:1 recipient id; null for an ordinary user id. */
export function parseAnonymousRecipient(id: string): AnonymousRecipient | null {
  if (!id.startsWith(PREFIX)) return null;
  const rest = id.slice(PREFIX.length);
  const cut = rest.indexOf(":");
  if (cut <= 0 || cut === rest.length - 1) return null;
  return { anonymousId: rest.slice(0, cut), conversationId: rest.slice(cut + 1) };
}
