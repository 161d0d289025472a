import type { Logger } from "../observability/logger.js";
import type { DialogSession } from "../stores/dialog-session-store.js";
import type { ZaloEvent } from "../zalo/zalo-events.js";
import type { Command } from "./composer.js";
import type { Conversation, OutgoingMessage } from "../shared/conversation.js";
import type { Services } from "./services.js";

/**
 * What a handler sees for one incoming event. reply() queues; the dispatcher stores the replies in the
 * outbox together with marking the event handled, then sends them, so a crash loses nothing.
 */
export interface BotContext {
  readonly event: ZaloEvent;
  readonly eventName: string;
  /** Where replies go: the user's 1:1 chat, or the group the message was written in. */
  readonly conversation: Conversation;
  /** The Zalo user who wrote (or followed, withdrew...); null for group management events. */
  readonly senderId: string | null;
  /** Message text ('' when the event has none). */
  readonly text: string;
  readonly receivedAt: Date;
  readonly services: Services;
  /** Dialog state of this sender in this conversation. */
  readonly session: DialogSession;
  readonly log: Logger;
  /** Set by Composer.command() for "#name args" messages. */
  command?: Command;
  /**
   * What answered: a FAQ id or handler name; null when the bot had no answer and fell back.
   * `npm run ask` prints it as `intent`.
   */
  intent: string | null;
  readonly replies: OutgoingMessage[];
  /** Queues a text reply to this conversation. Long texts are split when sent. */
  reply(text: string): void;
  /** Queues a text to another conversation (e.g. an officer's 1:1 chat). */
  send(to: Conversation, text: string): void;
}
