import type { ChatTexts } from "../content/chat-texts.js";
import { vnDate } from "../shared/vietnam-time.js";
import type { OutboxRow, OutboxStore } from "../inbox/outbox-store.js";
import type { Logger } from "../observability/logger.js";
import type { UnansweredStore } from "../stores/unanswered-store.js";

export interface DigestDeps {
  unanswered: UnansweredStore;
  /** Officers' Zalo user ids. */
  officers: () => string[];
  outbox: OutboxStore;
  deliver: (row: OutboxRow) => Promise<void>;
  /** Hour (0-23, Vietnam time) after which the day's digest goes; undefined: off. */
  hour: number | undefined;
  dashboardUrl: string | undefined;
  /** content/messages.yaml `chat.digest`. */
  texts: ChatTexts;
  logger: Logger;
}

/** "5 câu hỏi mới chưa có trả lời" + the dashboard link, once a day. */
function digestText(t: ChatTexts, count: number, dashboardUrl: string | undefined): string {
  return t.say("digest.text", { count, where: dashboardUrl ?? t.say("digest.noDashboardUrl") });
}

/**
 * The officers' daily digest in Zalo (off unless UNANSWERED_DIGEST_HOUR is set): once a day after that hour,
 * the number of new questions of the last 24 hours the bot could not answer, through the outbox.
 */
export class DigestService {
  constructor(private readonly d: DigestDeps) {}

  /** Sends today's digest when it is due and not yet sent; returns how many officers it went to. */
  runIfDue(now: Date): number {
    const { hour } = this.d;
    if (hour === undefined || (now.getUTCHours() + 7) % 24 < hour) return 0;
    const count = this.d.unanswered.countNewSince(new Date(now.getTime() - 24 * 3600_000));
    if (!this.d.unanswered.claimDigestDay(vnDate(now), now, count) || count === 0) return 0;
    const text = digestText(this.d.texts, count, this.d.dashboardUrl);
    const officers = this.d.officers();
    for (const id of officers) {
      const row = this.d.outbox.get(this.d.outbox.enqueue(null, { kind: "user", id }, text, now.getTime()))!;
      this.d.deliver(row).catch((err: unknown) => this.d.logger.error({ err, outboxId: row.id }, "digest send failed"));
    }
    this.d.logger.info({ count, officers: officers.length }, "unanswered-questions digest sent to officers");
    return officers.length;
  }
}
