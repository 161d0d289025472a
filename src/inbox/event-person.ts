/**
 * The resident a stored event is from or about: the sender, the follower, the user who withdrew, or, for the
 * OA's own echo (`oa_send_*`), the resident it wrote to. Kept in inbox.user_id so a person's events are found
 * by index when they ask to be forgotten.
 */
export function eventPerson(eventName: string, body: Record<string, unknown>): string | null {
  const id = (v: unknown): string | null => {
    const x = v !== null && typeof v === "object" ? (v as Record<string, unknown>).id : undefined;
    return typeof x === "string" && x !== "" ? x : typeof x === "number" ? String(x) : null;
  };
  if (eventName.startsWith("oa_send_")) return id(body.recipient);
  const direct = typeof body.user_id === "string" && body.user_id !== "" ? body.user_id : null;
  return id(body.sender) ?? id(body.follower) ?? direct;
}
