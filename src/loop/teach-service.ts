import { z } from "zod";
import type { Campaign } from "../content/campaign.js";
import { LoopError } from "../errors.js";
import { entryProblems, type FaqEntry } from "../content/faq-content.js";
import { applyTaught, newEntryInput, type TaughtContent } from "../content/taught-file.js";
import type { FaqEngine } from "../faq/faq-engine.js";
import type { Logger } from "../observability/logger.js";
import type { TaughtItem, TaughtStore } from "../stores/taught-store.js";
import type { UnansweredStore } from "../stores/unanswered-store.js";
import type { ErasureCounts, Person, PersonalDataOwner } from "../shared/personal-data.js";
import { fold } from "../text/fold.js";
import { combineTaught, pinnedQuestions } from "./taught-merge.js";

/** `{entryId}` (attach the question to an entry) or `{entry: {title, answer, links?}}` (a new entry). */
export const teachRequest = z.union([
  z.strictObject({ entryId: z.string().trim().min(1).max(100), by: z.string().trim().min(1).max(60).optional() }),
  z.strictObject({ entry: newEntryInput, by: z.string().trim().min(1).max(60).optional() }),
]);
export type TeachRequest = z.infer<typeof teachRequest>;

const PHRASING = z.string().trim().min(2, { error: "the question is too short to teach" }).max(500);

export interface TeachDeps {
  faq: FaqEngine;
  campaign: Campaign;
  unanswered: UnansweredStore;
  taught: TaughtStore;
  /** faq.yaml's entries as loaded at start, and content/taught.yaml. */
  base: readonly FaqEntry[];
  file: TaughtContent;
  logger: Logger;
}

/**
 * Teaching from the dashboard: the question becomes a phrasing of an entry, or a new entry, stored in SQLite
 * with who and when, and the FAQ index is rebuilt in place, so the next message is answered from it.
 */
export class TeachService implements PersonalDataOwner {
  /** Who owns each phrasing once normalised: two entries may not share one (content:check calls it a duplicate). */
  private owners = new Map<string, string>();
  private seen = "";

  constructor(private readonly d: TeachDeps) {
    this.rebuild();
  }

  /** What is taught now (the file and SQLite together): what `content export` writes. */
  current(): TaughtContent {
    return combineTaught(this.d.file, this.d.taught.all());
  }

  teach(itemId: number, req: TeachRequest, by: string, at: Date): TaughtItem {
    const item = this.d.unanswered.get(itemId);
    if (!item) throw new LoopError("not_found", "no such question");
    const phrasing = PHRASING.safeParse(item.text);
    const quotedUser = this.d.unanswered.latestAsker(itemId);
    if (!phrasing.success) throw new LoopError("invalid", z.prettifyError(phrasing.error));
    const owner = this.owners.get(this.d.faq.analyse(phrasing.data).key);
    if (owner && !("entryId" in req && req.entryId === owner)) {
      throw new LoopError("invalid", `this question is already a phrasing of entry "${owner}"`);
    }
    let taught: TaughtItem;
    if ("entryId" in req) {
      if (!this.d.faq.entry(req.entryId)) throw new LoopError("invalid", `unknown entry "${req.entryId}"`);
      taught = this.d.taught.add({
        kind: "phrasing",
        entryId: req.entryId,
        phrasing: phrasing.data,
        unansweredId: itemId,
        quotedUser,
        taughtBy: by,
        at,
      });
    } else {
      const id = this.newId(req.entry.title);
      const problems = entryProblems(req.entry, "entry", this.d.campaign);
      if (problems.length) throw new LoopError("invalid", problems.join("; "));
      taught = this.d.taught.add({
        kind: "entry",
        entryId: id,
        phrasing: phrasing.data,
        entry: { title: req.entry.title, answer: req.entry.answer, links: req.entry.links },
        unansweredId: itemId,
        quotedUser,
        taughtBy: by,
        at,
      });
    }
    this.d.unanswered.setState(itemId, "taught", by, at);
    this.rebuild();
    this.d.logger.info({ taught: taught.id, entry: taught.entryId, kind: taught.kind, by }, "officer taught the bot");
    return taught;
  }

  /** Undoes a taught item; its question goes back to the queue as new. */
  undo(taughtId: number, by: string, at: Date): TaughtItem {
    const t = this.d.taught.get(taughtId);
    if (!t) throw new LoopError("not_found", "no such taught item");
    if (!this.d.taught.undo(taughtId, by, at)) throw new LoopError("conflict", "already undone");
    if (t.unansweredId !== null) this.d.unanswered.setState(t.unansweredId, "new", by, at);
    this.rebuild();
    this.d.logger.info({ taught: taughtId, by }, "officer undid a taught item");
    return this.d.taught.get(taughtId)!;
  }

  titleOf(entryId: string): string | null {
    return this.d.faq.entry(entryId)?.title ?? null;
  }

  recent(limit = 20): TaughtItem[] {
    return this.d.taught.recent(limit);
  }

  /** #xoa / user_withdraw: phrasings in the person's words are taken out of the FAQ at once, names scrubbed. */
  forget(p: Person): ErasureCounts {
    const n = this.d.taught.forget(p, new Date());
    if (n > 0) this.rebuild();
    return { taught: n };
  }

  /**
   * Rebuilds when SQLite says something was taught elsewhere (the dashboard runs in the main thread, answers
   * in the answering thread): a cheap aggregate per question.
   */
  refresh(): void {
    if (this.d.taught.version() !== this.seen) this.rebuild();
  }

  private rebuild(): void {
    this.seen = this.d.taught.version();
    const t = this.current();
    const entries = applyTaught(this.d.base, t);
    this.d.faq.replaceEntries(entries, pinnedQuestions(t));
    this.owners = new Map(entries.flatMap((e) => e.ask.map((a) => [this.d.faq.analyse(a).key, e.id] as const)));
  }

  /** A fresh id from the title ("Có cấp giấy chứng nhận không" → "co-cap-giay-chung-nhan-khong"). */
  private newId(title: string): string {
    const slug =
      fold(title)
        .replace(/[^a-z0-9]+/g, "-")
        .replace(/^-+|-+$/g, "")
        .slice(0, 40)
        .replace(/-+$/, "") || "muc-moi";
    const taken = (id: string) => this.d.faq.entry(id) !== undefined || this.d.taught.entryIds().has(id);
    let id = slug;
    for (let n = 2; taken(id); n++) id = `${slug}-${n}`;
    return id;
  }
}
