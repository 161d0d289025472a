import { randomUUID } from "node:crypto";
import { signatureHeader } from "../../src/webhook/webhook-signature.js";

/** Fixture builders for Zalo webhook bodies (shapes from ../shared/docs/zalo-platform.md §1). */

export const TEST_APP_ID = "3344556677889900112";
export const TEST_OA_ID = "1122334455667788990";
export const TEST_OA_SECRET = "test-oa-secret-key";

let seq = 0;
const nextTs = () => String(1_760_000_000_000 + ++seq);

export function userText(userId: string, text: string, extra: { msgId?: string; timestamp?: string } = {}) {
  return {
    app_id: TEST_APP_ID,
    event_name: "user_send_text",
    sender: { id: userId },
    recipient: { id: TEST_OA_ID },
    user_id_by_app: `app-${userId}`,
    message: { msg_id: extra.msgId ?? `msg-${randomUUID()}`, text },
    timestamp: extra.timestamp ?? nextTs(),
  };
}

export function groupText(groupId: string, userId: string, text: string, extra: { msgId?: string } = {}) {
  return {
    app_id: TEST_APP_ID,
    event_name: "user_send_group_text",
    oa_id: TEST_OA_ID,
    sender: { id: userId },
    recipient: { id: groupId },
    message: { msg_id: extra.msgId ?? `msg-${randomUUID()}`, text },
    timestamp: nextTs(),
  };
}

export function follow(userId: string, event: "follow" | "unfollow" = "follow") {
  return {
    app_id: TEST_APP_ID,
    oa_id: TEST_OA_ID,
    event_name: event,
    follower: { id: userId },
    source: "oa_profile",
    timestamp: nextTs(),
  };
}

export function withdraw(userId: string) {
  return { app_id: TEST_APP_ID, oa_id: TEST_OA_ID, event_name: "user_withdraw", user_id: userId, timestamp: nextTs() };
}

export function oaEcho(userId: string, text: string) {
  return {
    app_id: TEST_APP_ID,
    event_name: "oa_send_text",
    sender: { id: TEST_OA_ID },
    recipient: { id: userId },
    message: { msg_id: `msg-${randomUUID()}`, text },
    timestamp: nextTs(),
  };
}

export function groupManagement(groupId: string, event = "user_join_group", users: string[] = []) {
  return {
    oa_id: TEST_OA_ID,
    group_id: groupId,
    event_name: event,
    app_id: TEST_APP_ID,
    users: users.map((id) => ({ id })),
    timestamp: nextTs(),
  };
}

/** The raw body and headers Zalo would send for this event. */
export function signed(event: Record<string, unknown>, secret = TEST_OA_SECRET): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify(event);
  return {
    body,
    headers: {
      "content-type": "application/json",
      "x-zevent-signature": signatureHeader(String(event.app_id), body, String(event.timestamp), secret),
    },
  };
}
