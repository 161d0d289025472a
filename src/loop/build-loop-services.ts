import type { Campaign } from "../content/campaign.js";
import type { ChatTexts } from "../content/chat-texts.js";
import { loadTaughtFile } from "../content/taught-file.js";
import type { Db } from "../db/database.js";
import type { FaqEngine } from "../faq/faq-engine.js";
import type { OutboxRow, OutboxStore } from "../inbox/outbox-store.js";
import type { Logger } from "../observability/logger.js";
import type { PersonalDataOwner } from "../shared/personal-data.js";
import type { PeopleServices } from "../people/people-services.js";
import { FaqOutcomeStore } from "../stores/faq-outcome-store.js";
import { TakeoverStore } from "../stores/takeover-store.js";
import { TaughtStore } from "../stores/taught-store.js";
import { UnansweredReplyStore } from "../stores/unanswered-reply-store.js";
import type { UnansweredStore } from "../stores/unanswered-store.js";
import { DigestService } from "./digest.js";
import { qualityByDay, type QualityDay } from "./quality.js";
import { ReplyService } from "./reply-service.js";
import { TakeoverService } from "./takeover-service.js";
import { TeachService } from "./teach-service.js";
import { UnansweredQueue } from "./unanswered-queue.js";

/** Officers close the loop: the unanswered queue, reply, teach, human takeover, the quality figures, the digest. */
export interface LoopServices {
  queue: UnansweredQueue;
  teach: TeachService;
  replies: ReplyService;
  takeover: TakeoverService;
  digest: DigestService;
  /** Per-day answered / suggested / fallback counts (handlers count each question here). */
  outcomes: FaqOutcomeStore;
  quality(now: Date, days?: number): QualityDay[];
  /** What #xoa / user_withdraw erase here: phrasings in the person's words, reply targets, holds on their chat. */
  personalData: PersonalDataOwner[];
}

export interface LoopDeps {
  db: Db;
  contentDir: string;
  campaign: Campaign;
  faq: FaqEngine;
  texts: ChatTexts;
  unanswered: UnansweredStore;
  people: PeopleServices;
  outbox: OutboxStore;
  deliver: (row: OutboxRow) => Promise<void>;
  config: { HUMAN_TAKEOVER_MINUTES: number; UNANSWERED_DIGEST_HOUR?: number | undefined; DASHBOARD_URL?: string | undefined };
  logger: Logger;
}

export function buildLoopServices(d: LoopDeps): LoopServices {
  const base = d.faq.content.entries;
  const taughtStore = new TaughtStore(d.db);
  const replyStore = new UnansweredReplyStore(d.db);
  const takeoverStore = new TakeoverStore(d.db);
  const outcomes = new FaqOutcomeStore(d.db);
  const teach = new TeachService({
    faq: d.faq,
    campaign: d.campaign,
    unanswered: d.unanswered,
    taught: taughtStore,
    base,
    file: loadTaughtFile(d.contentDir, base, d.campaign),
    logger: d.logger,
  });
  const takeover = new TakeoverService({
    store: takeoverStore,
    outbox: d.outbox,
    minutes: d.config.HUMAN_TAKEOVER_MINUTES,
    logger: d.logger,
  });
  return {
    queue: new UnansweredQueue({ unanswered: d.unanswered, faq: d.faq, unitOfGroup: (g) => d.people.units.byGroupId(g) }),
    teach,
    replies: new ReplyService({ unanswered: d.unanswered, replies: replyStore, outbox: d.outbox, deliver: d.deliver, logger: d.logger }),
    takeover,
    digest: new DigestService({
      unanswered: d.unanswered,
      officers: () => d.people.officers.list().map((o) => o.zaloUserId),
      outbox: d.outbox,
      deliver: d.deliver,
      hour: d.config.UNANSWERED_DIGEST_HOUR,
      dashboardUrl: d.config.DASHBOARD_URL,
      texts: d.texts,
      refusals: (since) => d.outbox.refusalsSince(since),
      logger: d.logger,
    }),
    outcomes,
    quality: (now, days) => qualityByDay(outcomes, taughtStore, now, days),
    personalData: [teach, replyStore, takeoverStore],
  };
}
