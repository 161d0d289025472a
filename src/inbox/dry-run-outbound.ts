import type { Conversation } from "../shared/conversation.js";
import type { Clock } from "../clock.js";
import type { Logger } from "../observability/logger.js";
import type { OutboxStore } from "./outbox-store.js";
import type { Outbound, SendResult } from "../zalo/outbound.js";

/** No Zalo credentials: every outbound message is stored in the outbox table and logged, nothing sent. */
export class DryRunOutbound implements Outbound {
  readonly dryRun = true;

  constructor(
    private readonly outbox: OutboxStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async sendText(to: Conversation, text: string): Promise<SendResult> {
    const id = this.outbox.recordDryRun(to, text, this.clock.now().getTime());
    this.logger.info({ to, text, outboxId: id }, "dry-run: message stored, not sent");
    return { messageIds: [`dry-run:${id}`] };
  }
}
