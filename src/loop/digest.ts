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
  /** Replies Zalo refused for quota or window reasons since a time (ms), by code (OutboxStore.refusalsSince). */
  refusals?: (since: number) => Map<number, number>;
  logger: Logger;
}

/** "5 câu hỏi mới chưa có trả lời" + the dashboard link, once a day. */
function digestText(t: ChatTexts, count: number, dashboardUrl: string | undefined): string {
  return t.say("digest.text", { count, where: dashboardUrl ?? t.say("digest.noDashboardUrl") });
}

/** "Zalo từ chối N tin trả lời trong 24 giờ qua: …" for the digest, or null when Zalo refused none. */
export function refusalsText(t: ChatTexts, byCode: Map<number, number>, dashboardUrl: string | undefined): string | null {
  const total = [...byCode.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const window = (byCode.get(-230) ?? 0) + (byCode.get(-232) ?? 0);
  return t.say("digest.refusals", { total, window, quota: total - window, where: dashboardUrl ?? t.say("digest.noDashboardUrl") });
}

/**
 * The officers' daily digest in Zalo (off unless UNANSWERED_DIGEST_HOUR is set): once a day after that hour,
 * the number of new questions of the last 24 hours the bot could not answer, and the replies Zalo refused for
 * quota or window reasons in those 24 hours, through the outbox.
 */
export class DigestService {
  constructor(private readonly d: DigestDeps) {}

  /** Sends today's digest when it is due and not yet sent; returns how many officers it went to. */
  runIfDue(now: Date): number {
    const { hour } = this.d;
    if (hour === undefined || (now.getUTCHours() + 7) % 24 < hour) return 0;
    const count = this.d.unanswered.countNewSince(new Date(now.getTime() - 24 * 3600_000));
    if (!this.d.unanswered.claimDigestDay(vnDate(now), now, count)) return 0;
    // Send times are real time, never BOT_NOW (as on the dashboard's banner).
    const refused = this.d.refusals ? refusalsText(this.d.texts, this.d.refusals(Date.now() - 24 * 3600_000), this.d.dashboardUrl) : null;
    if (count === 0 && !refused) return 0;
    const text = [count > 0 ? digestText(this.d.texts, count, this.d.dashboardUrl) : null, refused].filter(Boolean).join("\n");
    const officers = this.d.officers();
    for (const id of officers) {
      const row = this.d.outbox.get(this.d.outbox.enqueue(null, { kind: "user", id }, text, now.getTime()))!;
      this.d.deliver(row).catch((err: unknown) => this.d.logger.error({ err, outboxId: row.id }, "digest send failed"));
    }
    this.d.logger.info({ count, officers: officers.length }, "unanswered-questions digest sent to officers");
    return officers.length;
  }
}
