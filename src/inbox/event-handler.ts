import type { OutgoingMessage } from "../shared/conversation.js";
import type { ZaloEvent } from "../zalo/zalo-events.js";

export interface HandleResult {
  /** What answered (a FAQ id or handler name); null when nothing did. */
  intent: string | null;
  replies: OutgoingMessage[];
}

/** What the dispatcher runs each stored event through; the bot (src/bot/bot.ts) is one. */
export interface EventHandler {
  handle(event: ZaloEvent, receivedAt: Date): Promise<HandleResult>;
}
