import type { Logger } from "../observability/logger.js";
import { bindDialogSession } from "../stores/dialog-session-store.js";
import type { ZaloEvent } from "../webhook/zalo-events.js";
import { runComposer, type Composer, type Middleware } from "./composer.js";
import type { BotContext, OutgoingMessage } from "./context.js";
import { conversationKey, type Conversation } from "./conversation.js";
import type { Services } from "./services.js";

export interface HandleResult {
  intent: string | null;
  replies: OutgoingMessage[];
}

/** Who is talking and where replies go, from the event's family. */
export function routeOf(event: ZaloEvent): { conversation: Conversation; senderId: string | null; text: string } {
  switch (event.family) {
    case "user_message":
      return {
        conversation: { kind: "user", id: event.data.sender.id },
        senderId: event.data.sender.id,
        text: event.data.message.text ?? "",
      };
    case "group_message":
      return {
        conversation: { kind: "group", id: event.data.recipient.id },
        senderId: event.data.sender.id,
        text: event.data.message.text ?? "",
      };
    case "follow":
      return { conversation: { kind: "user", id: event.data.follower.id }, senderId: event.data.follower.id, text: "" };
    case "submit_info":
      return { conversation: { kind: "user", id: event.data.sender.id }, senderId: event.data.sender.id, text: "" };
    case "withdraw":
      return { conversation: { kind: "user", id: event.data.user_id }, senderId: event.data.user_id, text: "" };
    case "group_management":
      return { conversation: { kind: "group", id: event.data.group_id }, senderId: null, text: "" };
  }
}

/** The router: builds a context per event and runs the handler chain; the fallback always answers. */
export class Bot {
  constructor(
    private readonly services: Services,
    private readonly composer: Composer,
    private readonly fallback: Middleware,
    private readonly log: Logger,
  ) {}

  async handle(event: ZaloEvent, receivedAt: Date = this.services.clock.now()): Promise<HandleResult> {
    const { conversation, senderId, text } = routeOf(event);
    const replies: OutgoingMessage[] = [];
    const sessionKey = `${conversationKey(conversation)}:${senderId ?? "-"}`;
    const ctx: BotContext = {
      event,
      eventName: event.data.event_name,
      conversation,
      senderId,
      text: text.trim(),
      receivedAt,
      services: this.services,
      session: bindDialogSession(this.services.dialogs, sessionKey, () => this.services.clock.now().getTime()),
      log: this.log.child({ event: event.data.event_name, conversation: conversationKey(conversation) }),
      intent: null,
      replies,
      reply: (t) => void replies.push({ to: conversation, text: t }),
      send: (to, t) => void replies.push({ to, text: t }),
    };
    await runComposer(this.composer, ctx, this.fallback);
    return { intent: ctx.intent, replies };
  }
}
