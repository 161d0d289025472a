import type { Logger } from "../observability/logger.js";
import { bindDialogSession } from "../stores/dialog-session-store.js";
import type { ZaloEvent } from "../zalo/zalo-events.js";
import { runComposer, type Composer, type Middleware } from "./composer.js";
import type { BotContext } from "./context.js";
import type { EventHandler, HandleResult } from "../inbox/event-handler.js";
import { conversationKey, type OutgoingMessage } from "../shared/conversation.js";
import { routeOf } from "../zalo/event-route.js";
import type { Services } from "./services.js";

/** The router: builds a context per event and runs the handler chain; the fallback always answers. */
export class Bot implements EventHandler {
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
