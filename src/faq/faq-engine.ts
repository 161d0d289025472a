import { type Campaign, campaignVars } from "../content/campaign.js";
import type { FaqContent, FaqEntry, Messages } from "../content/faq-content.js";
import { render, type TemplateVars } from "../content/template.js";
import { daysUntil, phaseAt, type Phase } from "./campaign-phase.js";
import { lexiconWords } from "../content/lexicon.js";
import { ANSWER_COVERAGE, decide, type Decision } from "./confidence.js";
import { type Analyse, type Analysis, createAnalyser, type Reading } from "../nlp/normalise.js";
import { IS_IT_TRUE, REFERS_BACK, TRUTH_TAG_WORDS } from "../nlp/phrases.js";
import { spokenMarks } from "../nlp/spoken-marks.js";
import { FOLDED_LIGHT } from "../nlp/stopwords.js";
import { FaqIndex } from "./faq-index.js";
import { endsLikeQuestion, readClauses } from "./clauses.js";
import { type Ranked, retrieve } from "./retrieval.js";

/** What the FAQ made of a question. `key` is the normalised text (for the unanswered log). */
export type FaqResult =
  | { kind: "answer"; id: string; text: string; confidence: number; key: string; also: string[] }
  | { kind: "suggest"; ids: string[]; text: string; confidence: number; key: string }
  | { kind: "none"; confidence: number; key: string };

/** A hard cap: residents read on phones, and Zalo rejects texts over 2,000 characters. */
export const MAX_REPLY = 1500;
/** Another question in the same message, answered in the order asked. */
interface Also {
  entry: FaqEntry;
  /** The clause it was asked in (the main question's is `mainAt`). */
  at: number;
}
/** At most this many other questions of one message are answered with the main one. */
const MAX_OTHERS = 2;
/** What the clauses of a message decided (see `decideByClause`). */
interface ClauseDecision {
  main: Decision;
  /** The main question's clause, and whether it asks (or is context the FAQ still answers). */
  mainAt: number;
  asks: boolean;
  /** Topic words of the main clause its answer covers, and how many topic words it has. */
  covered: string[];
  /** How many clauses ask. */
  asking: number;
  topical: number;
  others: Also[];
  /** What the asking clauses could mean: their answers and close runners-up. */
  near: string[];
  /** Entries that cover the main clause as fully as its answer: the whole message decides between them. */
  tied: string[];
}

/**
 * Below this coverage an unanswered question is about something else ("giá vàng", "đăng ký kết hôn"):
 * most of its words are not the campaign's. Above it, it is a campaign question we could not answer.
 */
const OFF_TOPIC_COVERAGE = 0.45;
/** How much surer an asking clause's answer must be than the whole message's to replace it. */
const CLAUSE_MARGIN = 0.2;
/** Coverage this close to a clause's answer is a tie. */
const TIE = 0.01;
/** How far behind the best on the combined ranking a tied entry may be. */
const TIE_COMBINED = 0.2;
/** The whole message's two best entries this close (combined score): it has not chosen between them. */
const CLOSE_CALL = 0.02;
/** How much less an entry already issued may cover a question and still answer it instead of a later letter's. */
const ISSUED_GAP = 0.15;

/**
 * Answers residents' questions from content/: retrieval with a confidence, then a phase-aware
 * rendering (before / during / after the campaign) with the entry's links attached.
 */
export class FaqEngine {
  /** The analyser for this campaign: general Vietnamese plus content/lexicon.yaml. */
  readonly analyse: Analyse;
  private current: { content: FaqContent; index: FaqIndex; byId: Map<string, FaqEntry>; pins: Map<string, string> };
  private readonly vars: TemplateVars;

  constructor(
    readonly campaign: Campaign,
    content: FaqContent,
  ) {
    this.analyse = createAnalyser(content.lexicon);
    this.current = this.build(content, []);
    this.vars = campaignVars(campaign);
  }

  private build(content: FaqContent, pinned: ReadonlyArray<{ ask: string; entry: string }>) {
    const byId = new Map(content.entries.map((e) => [e.id, e]));
    const pins = new Map<string, string>();
    for (const p of pinned) if (byId.has(p.entry)) pins.set(this.analyse(p.ask).key, p.entry);
    return { content, index: new FaqIndex(content.entries, this.analyse, content.lexicon.places), byId, pins };
  }

  get content(): FaqContent {
    return this.current.content;
  }

  get index(): FaqIndex {
    return this.current.index;
  }

  /**
   * Swaps in new entries (officers taught a phrasing or an entry) without a restart: the next question is
   * answered from them. `pinned` questions, read as the normaliser reads them, always get their entry.
   */
  replaceEntries(entries: FaqEntry[], pinned: ReadonlyArray<{ ask: string; entry: string }> = []): void {
    this.current = this.build({ ...this.current.content, entries }, pinned);
  }

  get messages(): Messages {
    return this.content.messages;
  }

  phase(now: Date): Phase {
    return phaseAt(now, this.campaign.window);
  }

  entry(id: string): FaqEntry | undefined {
    return this.current.byId.get(id);
  }

  /** The entries closest to a question, best first, whatever the confidence (officers' guesses). */
  guesses(question: string, limit = 3): FaqEntry[] {
    return retrieve(this.index, question)
      .ranked.slice(0, limit)
      .map((r) => r.entry);
  }

  /** Retrieves and decides; the caller replies with `text` or falls back. */
  ask(typed: string, now: Date): FaqResult {
    const question = spokenMarks(typed);
    const { analysis, ranked } = retrieve(this.index, question);
    const pinned = this.current.byId.get(this.current.pins.get(analysis.key) ?? "");
    if (pinned) {
      return { kind: "answer", id: pinned.id, text: this.answer(pinned, now), confidence: 1, key: analysis.key, also: [] };
    }
    let d = decide(ranked);
    // "thi" alone (or around a greeting): one common word that does not ask is no question to answer.
    const bare = !question.includes("?") && !endsLikeQuestion(question) && analysis.readings.every((r) => this.isBare(r));
    if (bare && d.kind === "answer") d = { kind: "none", confidence: d.confidence };
    // "ở <tên phường> vướng mắc thì liên hệ ai": of two close entries, the one that speaks for the place named and
    // covers the message better is its answer.
    const [first, second] = ranked;
    if (d.kind === "answer" && first?.entry.id === d.entry.id && second && first.combined - second.combined < CLOSE_CALL * 2) {
      const forPlace = analysis.readings.some((r) =>
        r.terms.some((t) => this.index.namesPlace(second.entry, t) && !this.index.namesPlace(first.entry, t)),
      );
      if (forPlace && second.coverage > first.coverage && second.coverage >= ANSWER_COVERAGE && !this.notYet(second.entry, now)) {
        d = { kind: "answer", entry: second.entry, confidence: second.coverage, also: [] };
      }
    }
    d = this.issuedNow(d, ranked, analysis, now);
    let others: Also[] = [];
    let mainAt = 0;
    if (ranked[0]?.foreign === 0 || d.kind !== "answer") {
      // A message with words of its own ("bác già rồi, con cháu bảo phải thi…, phải bắt đầu từ đâu",
      // "tuần sau em mới rảnh, hạn cuối ngày mấy") is still answered by the clause that asks, when every
      // word of that clause is the campaign's.
      const byClause = this.decideByClause(question, now, ranked[0]?.foreign !== 0);
      // The clauses decide when the whole message does not, or when they find two questions, one of
      // them the whole message's answer ("link thi ở đâu, giải nhất bao nhiêu tiền?").
      if (byClause) {
        const { main, asks, near, topical } = byClause;
        const other = byClause.others[0];
        const ids = [main.kind === "answer" ? main.entry.id : "", other?.entry.id ?? ""];
        // "cho mình xin link vào thi với, lướt mãi trong nhóm không thấy": the request is the question, and
        // it is answered more surely than the whole message.
        // "bác ở phường <tên phường>, vướng gì thì gọi ai": the whole message's answer speaks for the place it names, and
        // the clause that asks has lost the place.
        const placeBound = (e: Decision) =>
          e.kind === "answer" && analysis.readings.some((r) => r.terms.some((t) => this.index.namesPlace(e.entry, t)));
        // "Tổ dân phố năm ngoái chỉ tiêu bao nhiêu %, e đang làm tổng kết": the whole's answer leaves out a word of the
        // only asking clause that the clause's answer covers, and the clause's answer is surer.
        const leavesOut =
          byClause.asking === 1 &&
          d.kind === "answer" &&
          ranked[0]?.entry.id === d.entry.id &&
          byClause.covered.some((w) => ranked[0]!.missing.includes(w));
        // ("e nộp bài rồi mà chưa viết chia sẻ, bài có được tính ko": the clause alone fits several entries as well,
        // among them the whole message's answer, which its context chose.)
        const tie = d.kind === "answer" && byClause.tied.includes(d.entry.id);
        const surer =
          !tie &&
          asks &&
          main.confidence >= d.confidence + (leavesOut ? CLAUSE_MARGIN / 2 : CLAUSE_MARGIN) &&
          (!placeBound(d) || placeBound(main));
        // Two questions found, each answered at least as surely as the whole: the whole's one answer is a blend.
        const two = other !== undefined && d.kind === "answer" && (ids.includes(d.entry.id) || main.confidence >= d.confidence);
        // "học ở đâu để thi vậy mn, e mới nghe tổ trưởng nói": the whole's answer is nothing the asking clauses
        // could mean, a blend of the question and its context; the clause that asks, answered as surely, is the question.
        // (Not for a bare "có sao không", "link ở đâu": too little to stand without its context; nor when the
        // whole's answer fits the clause as well as its own: "… bấm nhận chứng nhận ko thấy gì, bài thi có bị mất ko".)
        const blend =
          asks &&
          !tie &&
          topical >= 2 &&
          d.kind === "answer" &&
          main.confidence >= d.confidence &&
          !near.includes(d.entry.id) &&
          !placeBound(d);
        // The whole message is split between two entries ("… không biết vào đâu làm gì trước làm gì sau, nhờ các cháu
        // chỉ giúp": how to join, or where to learn more); the clause that asks names one of them.
        const close =
          asks && main.kind === "answer" && ranked[1]?.entry.id === main.entry.id && ranked[0]!.combined - ranked[1].combined < CLOSE_CALL;
        if (d.kind !== "answer" || two || surer || blend || close) ({ main: d, others, mainAt } = byClause);
      }
    }
    // "e là sv tỉnh khác xuống học, e có dc thi cái <tên cuộc thi> này k": a message that names the campaign is
    // about it, so its words foreign to the campaign are context, and the candidates are offered as if they were not.
    let names: boolean | undefined;
    const named = () => (names ??= this.namesCampaign(question));
    if (d.kind === "none" && named()) d = decide(ranked, true);
    // One candidate, and the message names the campaign or one of its places ("Tổ 5 phường <tên phường> chỉ
    // tiêu bn hộ"), so it is no other topic's question: answer it rather than offer a list of one. (Without a
    // name, one candidate is often another service's question: "số điện thoại cấp cứu".)
    const placed = () => analysis.readings.some((r) => r.terms.some((t) => this.index.isPlace(t)));
    if (d.kind === "suggest" && d.entries.length === 1 && (named() || placed())) {
      d = { kind: "answer", entry: d.entries[0]!, confidence: d.confidence, also: [] };
    }
    if (d.kind === "answer") {
      return {
        kind: "answer",
        id: d.entry.id,
        text: this.answerAll(d.entry, mainAt, others, now),
        confidence: d.confidence,
        key: analysis.key,
        also: d.also.map((e) => e.id),
      };
    }
    if (d.kind === "suggest") {
      return {
        kind: "suggest",
        ids: d.entries.map((e) => e.id),
        text: this.suggestion(d.entries, now),
        confidence: d.confidence,
        key: analysis.key,
      };
    }
    return { kind: "none", confidence: d.confidence, key: analysis.key };
  }

  /**
   * A long message whose every word belongs to the campaign's vocabulary, but whose whole does not match
   * one entry: residents put the context first ("mình ở tổ dân phố số 5, tổ trưởng bảo phải thi…") and
   * the question in one clause ("ad gửi giúp mình link với"), or ask two things at once ("thi đến bao giờ
   * và giải thưởng thế nào"). Among the clauses answered with confidence, one that asks (question word,
   * "?", a request) beats one that does not, then the most confident, then the later. Up to two more asking
   * clauses answered by other entries are answered too. A clause with words foreign to the campaign is context
   * ("tuần sau em mới rảnh, hạn cuối ngày mấy") unless it names another topic the analyser knows: then it is
   * the topic ("thi bằng lái trượt rồi, thi lại thế nào" asks about another exam).
   */
  private decideByClause(question: string, now: Date, askingOnly = false): ClauseDecision | null {
    // One clause is the whole message, decided already: not read again.
    const clauses = readClauses(question, (text) => retrieve(this.index, text), 2);
    if (clauses.length < 2) return null;
    // Each clause's ranking is fixed from here on (only whether it asks changes): decided once.
    const decided = new Map(clauses.map((c) => [c, decide(c.ranked)]));
    // "… mỗi tổ phải đạt 70% số hộ, thật ko hay …", "… có đúng văn bản thế k", "… ko thấy giấy đâu, có sao ko": a
    // bare "is it true" or "does it matter" asks about the claim just before it.
    for (let i = 1; i < clauses.length; i++) {
      const tag = clauses[i]!;
      // ("lúc đăng ký tôi gõ nhầm tên, thiếu chữ đệm, có ảnh hưởng gì không": a detail in words of its own is
      // part of the claim before it.)
      const detail = clauses[i - 1]!.ranked[0]?.foreign !== 0 && i >= 2 && decided.get(clauses[i - 2]!)!.kind === "answer";
      const claim = clauses[detail ? i - 2 : i - 1]!;
      const terms = tag.analysis.readings[0]?.terms ?? [];
      // ("ai đúng vậy bot" asks without a question ending.)
      const asks = tag.asks || terms.includes(IS_IT_TRUE);
      if (!asks || terms.length === 0 || !terms.every((t) => TRUTH_TAG_WORDS.has(t))) continue;
      const claimTerms = claim.analysis.readings[0]?.terms ?? [];
      if (!claim.asks && claimTerms.filter((t) => this.isTopical(t)).length < 3) {
        // "chị A bảo thi đến 11/12, anh B bảo 11/11 là hết, ai đúng": two short claims about one thing; the surer
        // one is the question.
        const sure = [claim, clauses[i - 2]]
          .map((c) => c && { c, d: decided.get(c)! })
          .filter((x) => x?.d.kind === "answer")
          .sort((a, b) => b!.d.confidence - a!.d.confidence)[0];
        if (!sure) continue;
        sure.c.asks = true;
        tag.asks = false;
        continue;
      }
      claim.asks = true;
      tag.asks = false;
    }
    // "… bảo cài thêm ứng dụng <tên>, cái đó tải ở đâu": the question is about what the clause before named.
    // (The nearest of the two clauses before that names something: "sếp bảo nộp giấy chứng nhận | để tổng hợp |
    // lấy giấy đó ở đâu".)
    for (let i = 1; i < clauses.length; i++) {
      const tag = clauses[i]!;
      if (!tag.asks || !REFERS_BACK.test(tag.analysis.key)) continue;
      // (A clause cut at "để" and its purpose read as one: the thing is named before the purpose.)
      const before = /\bde$/.test(clauses[i - 2]?.analysis.key ?? "") ? [clauses[i - 2], clauses[i - 1]] : [clauses[i - 1], clauses[i - 2]];
      const named = before.find((c) => c && !c.asks && decided.get(c)!.kind === "answer");
      if (!named) continue;
      named.asks = true;
      tag.asks = false;
    }
    const found: Array<{ d: Decision & { kind: "answer" }; asks: boolean; at: number; covered: string[]; topical: number }> = [];
    // Another topic asked about, or only told of as context.
    let otherTopic = false;
    let otherContext = false;
    // A clause that asks about something we cannot answer ("con tôi học lớp 6, muốn chuyển trường thì làm
    // thủ tục ntn"): the other clauses are its context, not the question.
    const unanswered: Array<string | undefined> = [];
    clauses.forEach((clause, at) => {
      const { analysis, ranked, asks } = clause;
      const terms = analysis.readings.flatMap((r) => r.terms);
      if (ranked[0]?.foreign !== 0) {
        // "thi bằng lái", "thi công chức": words joined into one token of another topic.
        if (terms.some((t) => t.includes("_") && !this.index.knows(t))) {
          if (asks) otherTopic = true;
          else otherContext = true;
        }
        return;
      }
      // "Hà Nội mấy giờ": a clause of only a kind of person, a place or a number names no topic.
      if (!analysis.readings.some((r) => r.terms.some((t) => this.isTopical(t)))) return;
      // "giờ cháu muốn thi để | lấy giấy chứng nhận … có được không": one common word that does not ask is no question.
      if (!clause.endsAsking && analysis.readings.every((r) => this.isBare(r))) return;
      const d = this.issuedNow(decided.get(clause)!, ranked, analysis, now);
      if (d.kind !== "answer") {
        if (asks) unanswered.push(ranked[0]?.entry.id);
        return;
      }
      const words = terms.filter((t) => this.isTopical(t));
      const top = ranked[0]?.entry.id === d.entry.id ? ranked[0] : undefined;
      const covered = top ? words.filter((w) => !top.missing.includes(w)) : [];
      found.push({ d, asks, at, covered, topical: words.length });
    });
    if (found.length === 0) return null;
    // (Unless it leans to the entry a context clause found: "… đòi số tài khoản, e nghi lừa đảo ad xác nhận giúp".)
    const askedElsewhere = unanswered.some((id) => !found.some((f) => f.d.entry.id === id));
    if (askedElsewhere && !found.some((f) => f.asks)) return null;
    // Another topic told as context ("thẻ bảo hiểm y tế của ông hết hạn rồi, gia hạn ở đâu") is the question's
    // topic, unless the message names the campaign or a clause asks about it in words of its own ("… bận thi học
    // kỳ, giờ muốn lấy giấy chứng nhận thì có được không, nếu không thì có khóa học nào khác không").
    const ownWords = () => this.namesCampaign(question) || found.some((f) => f.asks && f.covered.length >= 3);
    const foreign = otherTopic || (otherContext && !ownWords());
    if (askingOnly && (foreign || !found.some((f) => f.asks))) return null;
    // Equally sure: the clause with more to it ("… ko thấy giấy chứng nhận đâu" over a trailing "lỗi à??"), then the later.
    found.sort((a, b) => Number(b.asks) - Number(a.asks) || b.d.confidence - a.d.confidence || b.topical - a.topical || b.at - a.at);
    const best = found[0]!;
    const others: Also[] = [];
    for (const f of best.asks ? found : []) {
      const seen = f.d.entry.id === best.d.entry.id || others.some((o) => o.entry.id === f.d.entry.id);
      if (f.asks && !seen && others.length < MAX_OTHERS) others.push({ entry: f.d.entry, at: f.at });
    }
    const near = clauses.filter((c) => c.asks).flatMap((c) => c.ranked.slice(0, 3).map((r) => r.entry.id));
    // Tied: as well covered and not far behind on the whole ranking ("thi ở trang nào" covers several entries fully,
    // but one far better than the rest).
    const ranking = clauses[best.at]!.ranked;
    const tied = ranking
      .filter((c) => c.coverage >= best.d.confidence - TIE && c.combined >= (ranking[0]?.combined ?? 0) - TIE_COMBINED)
      .map((c) => c.entry.id);
    return {
      main: best.d,
      mainAt: best.at,
      asks: best.asks,
      covered: best.covered,
      asking: clauses.filter((c) => c.asks).length,
      topical: best.topical,
      others,
      near,
      tied,
    };
  }

  /** A reading of one common word ("thi") and no question word. */
  private isBare(r: Reading): boolean {
    return r.markers.length === 0 && r.terms.length <= 1 && r.terms.every((t) => this.index.isCommon(t));
  }

  /** A topic word: not a word class ("c:tinh"), a number, a campaign place, a marker or an everyday word ("đúng"). */
  private isTopical(term: string): boolean {
    return !/^[qc]:|^\d+$/.test(term) && !FOLDED_LIGHT.has(term) && !this.content.lexicon.places.includes(term);
  }

  /**
   * One answer, or one per question for a message that asked several (in the order asked, the phase line once).
   * Too long for a phone: the least sure of the others are left out first.
   */
  private answerAll(main: FaqEntry, mainAt: number, others: readonly Also[], now: Date): string {
    const phase = this.phase(now);
    const phaseLine = phase === "during" ? "" : tidy(render(this.content.phases[phase], this.varsAt(now)));
    const strip = (t: string) => (phaseLine && t.startsWith(`${phaseLine}\n`) ? t.slice(phaseLine.length + 1) : t);
    const first = { entry: main, at: mainAt, text: this.answer(main, now) };
    const rendered = others.map((o) => ({ ...o, text: this.answer(o.entry, now) }));
    for (let n = rendered.length; n > 0; n--) {
      const asked = [first, ...rendered.slice(0, n)].sort((a, b) => a.at - b.at);
      const all = asked.map((q, i) => (i === 0 ? q.text : strip(q.text))).join("\n\n");
      if (all.length <= MAX_REPLY) return all;
    }
    return first.text;
  }

  /**
   * "có số điện thoại nào gọi hỏi trực tiếp không" before the letter that names a ward's contact: an entry already
   * issued that answers about as well (the hotline) speaks now; the later one would only say "no letter yet".
   */
  private issuedNow(d: Decision, ranked: readonly Ranked[], analysis: Analysis, now: Date): Decision {
    if (d.kind !== "answer" || !this.notYet(d.entry, now)) return d;
    // ("có quà không": a word or two fit many entries; only a question with more to it has a true stand-in.)
    if ((analysis.readings[0]?.terms.length ?? 0) < 3) return d;
    const first = ranked.find((c) => c.entry === d.entry)?.combined ?? 0;
    const issued = ranked.find(
      (c) =>
        c.entry !== d.entry &&
        c.coverage >= ANSWER_COVERAGE &&
        d.confidence - c.coverage < ISSUED_GAP &&
        first - c.combined < ISSUED_GAP &&
        !this.notYet(c.entry, now),
    );
    return issued ? { kind: "answer", entry: issued.entry, confidence: issued.coverage, also: [] } : d;
  }

  /** Is the entry's letter dated after `now`? */
  private notYet(entry: FaqEntry, now: Date): boolean {
    return entry.issued !== undefined && now < vnDayStart(entry.issued);
  }

  /** The entry's answer as it should read now: phase line, answer, links not already in it. */
  answer(entry: FaqEntry, now: Date): string {
    const phase = this.phase(now);
    const vars = this.varsAt(now);
    // A letter dated after "now" is not cited as issued: its entry says so instead.
    const notYet = this.notYet(entry, now);
    const unsaid = notYet && !entry.before;
    const body = unsaid
      ? (this.content.messages.notIssuedYet ?? this.content.messages.fallback)
      : ((phase === "before" || notYet) && entry.before) || (phase === "after" && entry.after) || entry.answer;
    const parts: string[] = [];
    // Before the start, even "no letter says this yet" comes after when the contest opens.
    if (!entry.timeless && phase !== "during") parts.push(this.content.phases[phase]);
    parts.push(body);
    let text = render(parts.join("\n"), vars);
    // Nor are the letter's links attached before it is out.
    for (const l of unsaid ? [] : entry.links) {
      const label = this.content.messages.linkLabels[l] ?? l;
      const value = l === "hotline" ? this.campaign.hotline.display : this.campaign.links[l];
      if (value && !text.includes(value)) text += `\n${label}: ${value}`;
    }
    return tidy(text);
  }

  /** Greeting, thanks or the guide as it should read now: after the end, they stop talking about taking part. */
  chat(kind: "greeting" | "thanks" | "guide", now: Date): string {
    const after = this.phase(now) === "after" ? this.content.messages.afterEnd?.[kind] : undefined;
    return this.say(after ?? this.content.messages[kind], now);
  }

  /** The menu, numbered: the text and the entry ids its digits pick. */
  menu(now: Date): { text: string; ids: string[] } {
    const m = this.content.messages;
    const help = (this.phase(now) === "after" && m.afterEnd?.help) || m.help;
    const entries = help.entries.map((id) => this.current.byId.get(id)).filter((e): e is FaqEntry => e !== undefined);
    const lines = entries.map((e, i) => `${i + 1}. ${e.title}`);
    return { text: this.say([help.intro, ...lines, help.outro].join("\n"), now), ids: entries.map((e) => e.id) };
  }

  /**
   * Is this unanswered question about something else entirely? It uses words the campaign's content
   * never uses ("giá vàng", "thời tiết"), or none of its words at all. Those get "I only know this
   * campaign", not the contest's technical hotline.
   */
  offTopic(question: string): boolean {
    // "bác nghe loa phường nói có cuộc thi <tên cuộc thi>…": a message naming the campaign is about it,
    // however much else it says.
    if (this.namesCampaign(question)) return false;
    const top = retrieve(this.index, question).ranked[0];
    return !top || top.coverage < OFF_TOPIC_COVERAGE;
  }

  /** Does the message name the campaign or its platform (its name, or its platform's, from the lexicon)? */
  private namesCampaign(question: string): boolean {
    const words = ` ${lexiconWords(question).join(" ")} `;
    return this.content.lexicon.names.some((n) => words.includes(` ${n} `));
  }

  /** "Bạn muốn hỏi: 1) … 2) …"; before or after the campaign, the phase line first ("Cuộc thi đã kết thúc…"). */
  suggestion(entries: FaqEntry[], now?: Date): string {
    const m = this.content.messages.suggest;
    const phase = now ? this.phase(now) : "during";
    const head = phase === "during" ? [] : [render(this.content.phases[phase], this.varsAt(now!))];
    return tidy([...head, m.intro, ...entries.map((e, i) => `${i + 1}) ${e.title}`), m.outro].join("\n"));
  }

  /** "Bạn cũng có thể hỏi: 1) … 2) …", sent after an answer when other entries were nearly as close. */
  alsoText(ids: string[]): string {
    const entries = ids.map((id) => this.current.byId.get(id)).filter((e): e is FaqEntry => e !== undefined);
    if (entries.length === 0) return "";
    const m = this.content.messages.suggest;
    return [m.also, ...entries.map((e, i) => `${i + 1}) ${e.title}`), m.outro].join("\n");
  }

  /** A message from messages.yaml with placeholders filled. */
  say(text: string, now: Date): string {
    return tidy(render(text, this.varsAt(now)));
  }

  private varsAt(now: Date): TemplateVars {
    const c = this.content.messages.countdown;
    const phase = this.phase(now);
    let countdown: string;
    let days: number;
    if (phase === "before") {
      days = daysUntil(now, this.campaign.window.start);
      countdown = c.before;
    } else if (phase === "during") {
      days = daysUntil(now, this.campaign.window.end);
      countdown = days <= 0 ? c.lastDay : c.during;
    } else {
      days = 0;
      countdown = c.after;
    }
    const base = { ...this.vars, days: String(days) };
    return { ...base, countdown: render(countdown, base) };
  }
}

/** Midnight, Vietnam time, at the start of a YYYY-MM-DD day. */
function vnDayStart(day: string): Date {
  return new Date(`${day}T00:00:00+07:00`);
}

/** Drops empty lines left by empty placeholders and caps the length. */
function tidy(text: string): string {
  const t = text
    .split("\n")
    .map((l) => l.trimEnd())
    .filter((l) => l.trim() !== "")
    .join("\n");
  return t.length <= MAX_REPLY ? t : `${t.slice(0, MAX_REPLY - 1)}…`;
}
