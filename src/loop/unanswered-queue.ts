import { LoopError } from "../errors.js";
import type { FaqEngine } from "../faq/faq-engine.js";
import type { UnansweredState, UnansweredStore } from "../stores/unanswered-store.js";

/** Where a question was asked, as officers read it. */
export interface AskedInView {
  kind: "user" | "group";
  /** Zalo user id (1:1) or group id. */
  id: string;
  /** "1:1", or the name of the unit whose group it is (else "nhóm <id>"). */
  label: string;
  count: number;
  lastAskedAt: string;
}

/** One item of GET /admin/unanswered (contract.md). */
export interface UnansweredItem {
  id: number;
  text: string;
  count: number;
  lastAskedAt: string;
  askedIn: AskedInView[];
  /** The bot's best guesses: the entries closest to the question. */
  suggestions: Array<{ id: string; title: string }>;
  state: UnansweredState;
}

export interface QueueDeps {
  unanswered: UnansweredStore;
  faq: FaqEngine;
  /** The unit linked to a group, for its name. */
  unitOfGroup: (groupId: string) => { name: string } | null;
}

/** The unanswered questions as a work queue: what was asked, where, the bot's guesses, the state. */
export class UnansweredQueue {
  constructor(private readonly d: QueueDeps) {}

  list(limit = 50, state?: UnansweredState): UnansweredItem[] {
    return this.d.unanswered.list(limit, state).map((q) => this.view(q.id)!);
  }

  get(id: number): UnansweredItem | null {
    return this.view(id);
  }

  dismiss(id: number, by: string, at: Date): UnansweredItem {
    if (!this.d.unanswered.get(id)) throw new LoopError("not_found", "no such question");
    this.d.unanswered.setState(id, "dismissed", by, at);
    return this.view(id)!;
  }

  private view(id: number): UnansweredItem | null {
    const q = this.d.unanswered.get(id);
    if (!q) return null;
    return {
      id: q.id,
      text: q.text,
      count: q.count,
      lastAskedAt: q.lastSeenAt,
      askedIn: this.d.unanswered.askedIn(id).map((a) => ({
        ...a,
        label: a.kind === "user" ? "1:1" : (this.d.unitOfGroup(a.id)?.name ?? `nhóm ${a.id}`),
      })),
      suggestions: this.d.faq.guesses(q.text).map((e) => ({ id: e.id, title: e.title })),
      state: q.state,
    };
  }
}
