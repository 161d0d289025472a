import type { OutboxStore } from "../../inbox/outbox-store.js";
import type { AlertView } from "./dashboard-data.js";

const DAY_MS = 24 * 3600_000;

/**
 * Zalo refusing replies for quota or window reasons, in the last 24 hours, as one banner officers can act on
 * (a resident who wrote more than 7 days ago cannot be answered 1:1; the OA's quota may need topping up).
 */
export function sendRefusalAlert(outbox: OutboxStore, now: number): AlertView | null {
  const byCode = outbox.refusalsSince(now - DAY_MS);
  const total = [...byCode.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const window = (byCode.get(-230) ?? 0) + (byCode.get(-232) ?? 0);
  const quota = total - window;
  const parts = [
    ...(window ? [`${window} tin vì người dân nhắn đã quá 7 ngày`] : []),
    ...(quota ? [`${quota} tin vì hết hạn mức gửi tin của OA`] : []),
  ];
  return { message: `Zalo từ chối ${total} tin trả lời trong 24 giờ qua: ${parts.join(", ")}.` };
}
