import MiniSearch from "minisearch";
import type { FaqEntry } from "../content/faq-content.js";
import type { Analyse, Reading } from "../nlp/normalise.js";
import { ACCENTED_LIGHT, FOLDED_LIGHT, MANNER_WORDS } from "../nlp/stopwords.js";
import { toneless } from "../nlp/syllable.js";
import { isClassToken } from "../nlp/word-classes.js";
import { TypoCorrector } from "./typo-correction.js";

/** Weight of a query syllable the content never uses: such words usually mean another topic. */
const UNKNOWN_WEIGHT = 4;
/**
 * A missing syllable the content uses elsewhere points to another entry, not to another topic: it
 * counts this much of its weight against coverage (an unknown one counts fully).
 */
const KNOWN_MISSING_FACTOR = 0.5;
/**
 * Two known syllables side by side that no phrasing has side by side ("người yêu", "cấp cứu") are
 * probably one word of another topic; the pair counts this much against coverage.
 */
const NEW_PAIR_WEIGHT = 0.6;
/** A campaign place (its city, a ward) the entry does not name: a detail, weighed lightly. */
const PLACE_MISSING_WEIGHT = 1;
/** An everyday word the content does not use ("chờ", "nhanh"; see ACCENTED_LIGHT). */
const LIGHT_WEIGHT = 1;
/** Weight of a syllable typed with marks the content never has ("giá" vs "tham gia"). */
const FOREIGN_ACCENT_WEIGHT = 3;
/** Credit for a syllable typed with other marks than the content's ("điện" vs "điền"). */
const ACCENT_MISMATCH_CREDIT = 0.4;
/** Pairs say more than single syllables ("het+han" vs "het"); question markers say less. */
const PAIR_BOOST = 1.6;
const MARKER_BOOST = 0.6;
/**
 * Question words that ask for one kind of fact (a date, a place, a person, a number, a duration). An entry
 * none of whose phrasings ask that way is less likely the answer ("phường X ở đâu" is not "who is
 * the contact in phường X"): such a marker counts against coverage like a known word the entry lacks.
 */
const SPECIFIC_MARKERS = new Set(["q:when", "q:where", "q:who", "q:many", "q:long"]);
/**
 * Place words. A question made only of them ("phường X ở đâu") names a place, not a topic, even when an
 * entry about that place covers every word: no entry answers it. The campaign's place names are added
 * from its lexicon.
 */
const LOCALITY_WORDS = ["phuong", "xa", "thon", "dac", "khu"];
/**
 * Credit for a campaign word that no phrasing of the entry uses but its answer does ("công nhận kết
 * quả" is in the answer about accurate registration details): the answer's own wording broadens the
 * entry's vocabulary, at part weight so that phrasings stay what decides.
 */
const ANSWER_CREDIT = 0.5;
/** Tokens in more than this share of the phrasings are left out of the BM25 query (see `searchable`). */
const COMMON_SHARE = 0.1;

export interface Candidate {
  entry: FaqEntry;
  /** Best BM25 score among the entry's phrasings. */
  score: number;
  /**
   * Share (0-1) of the question's topic syllables, by weight, that the entry's phrasings use; syllables
   * the content uses in other entries weigh less when missing. The confidence.
   */
  coverage: number;
  /** The same with every missing syllable at full weight: orders entries that are close. */
  strict: number;
  /** Topic syllables of the question the entry does not use. */
  missing: string[];
  /** How many of them the content never uses at all (or never with these marks): another topic. */
  foreign: number;
  /**
   * How characteristic the question's words are of the entry (0-1): the share of its phrasings that use
   * each word, weighted like coverage. "link" is in most phrasings of the link entry and in one of the
   * video's: between entries that cover a short question equally, the one it is typical of wins.
   */
  centrality: number;
}

interface PhrasingDoc {
  id: number;
  entry: number;
  t: string;
}

function readingTokens(r: Reading): string[] {
  return [...r.terms, ...r.markers, ...r.pairs];
}

/**
 * The FAQ search index: BM25 (MiniSearch) over every example phrasing, plus each entry's vocabulary and
 * an IDF per syllable over entries, for the coverage half of the confidence.
 */
export class FaqIndex {
  private readonly search: MiniSearch<PhrasingDoc>;
  private readonly vocab: Array<Set<string>>;
  /** Accented syllables of each entry's phrasings, to tell "điện" from "điền" when marks were typed. */
  private readonly accented: Array<Set<string>>;
  private readonly idf = new Map<string, number>();
  /** Every accented syllable of the content: "giá" is not "gia" (tham gia) when marks were typed. */
  private readonly allAccented = new Set<string>();
  /** Toneless spellings of the content's accented syllables: "cuôc" is "cuộc" typed without its tone. */
  private readonly tonelessAccented = new Set<string>();
  /**
   * Tokens worth sending to BM25: known to some phrasing and not in most of them ("thi", "cuoc"),
   * which score almost nothing but make every phrasing a hit. Coverage still counts them.
   */
  private readonly searchable = new Set<string>();
  /** Per entry: how many of its phrasings (title included) use each token, and how many it has. */
  private readonly phrasingsWith: Array<Map<string, number>>;
  private readonly phrasingCount: number[];
  /** Per entry: topic syllables of its answer texts, and their accented forms. */
  private readonly answerVocab: Array<Set<string>>;
  private readonly answerAccented: Array<Set<string>>;

  private readonly locality: ReadonlySet<string>;
  private readonly typos = new TypoCorrector(
    (t) => this.knows(t),
    (t) => this.idf.get(t) ?? Number.POSITIVE_INFINITY,
  );
  private readonly places: ReadonlySet<string>;

  /**
   * `analyse` knows the campaign's words (see createAnalyser); `places` are its place tokens
   * (Lexicon.places). Build a new index to change the entries: it is immutable.
   */
  constructor(
    readonly entries: readonly FaqEntry[],
    readonly analyse: Analyse,
    places: readonly string[] = [],
  ) {
    this.locality = new Set([...LOCALITY_WORDS, ...places]);
    this.places = new Set(places);
    this.search = new MiniSearch<PhrasingDoc>({
      fields: ["t"],
      storeFields: ["entry"],
      tokenize: (s) => s.split(" ").filter(Boolean),
      processTerm: (t) => t,
      searchOptions: {
        tokenize: (s) => s.split(" ").filter(Boolean),
        processTerm: (t) => t,
        combineWith: "OR",
        boostTerm: (t) => (t.includes("+") ? PAIR_BOOST : t.startsWith("q:") ? MARKER_BOOST : 1),
      },
    });
    const docs: PhrasingDoc[] = [];
    this.accented = entries.map(() => new Set<string>());
    this.phrasingsWith = entries.map(() => new Map<string, number>());
    this.phrasingCount = entries.map((e) => e.ask.length + 1);
    this.vocab = entries.map((e, i) => {
      const v = new Set<string>();
      for (const phrasing of [e.title, ...e.ask]) {
        const tokens = new Set<string>();
        for (const r of this.analyse(phrasing).readings) {
          for (const t of readingTokens(r)) tokens.add(t);
          for (const a of r.accents) if (a) this.accented[i]!.add(a);
        }
        for (const t of tokens) {
          v.add(t);
          this.phrasingsWith[i]!.set(t, (this.phrasingsWith[i]!.get(t) ?? 0) + 1);
        }
        docs.push({ id: docs.length, entry: i, t: [...tokens].join(" ") });
      }
      return v;
    });
    this.search.addAll(docs);
    this.answerAccented = entries.map(() => new Set<string>());
    this.answerVocab = entries.map((e, i) => {
      const v = new Set<string>();
      const text = [e.answer, e.before ?? "", e.after ?? ""].join("\n").replace(/\{\{[^}]*\}\}|https?:\/\/\S+/g, " ");
      for (const r of this.analyse(text).readings) {
        r.terms.forEach((t, k) => {
          v.add(t);
          const a = r.accents[k];
          if (a) this.answerAccented[i]!.add(a);
        });
      }
      return v;
    });
    const docFreq = new Map<string, number>();
    for (const d of docs) for (const t of d.t.split(" ")) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
    for (const [t, n] of docFreq) if (n <= docs.length * COMMON_SHARE) this.searchable.add(t);
    for (const a of this.accented) for (const x of a) this.allAccented.add(x);
    for (const x of this.allAccented) this.tonelessAccented.add(toneless(x));
    const df = new Map<string, number>();
    for (const v of this.vocab) for (const t of v) df.set(t, (df.get(t) ?? 0) + 1);
    const n = entries.length;
    for (const [t, d] of df) this.idf.set(t, Math.log(1 + (n - d + 0.5) / (d + 0.5)));
  }

  /** How much a topic syllable counts in coverage. */
  weight(term: string): number {
    // A word of manner ("nhanh") says how, not what: light even where a phrasing uses it.
    if (MANNER_WORDS.has(term)) return Math.min(this.idf.get(term) ?? LIGHT_WEIGHT, LIGHT_WEIGHT);
    // A number or a date the content does not mention ("12/11") is a detail of the question, not a topic.
    // A word class the content never uses ("c:tinh") stands for many words, none of them another topic.
    return this.idf.get(term) ?? (term.length <= 1 || /^(\d+|d\d+m\d+)$/.test(term) || isClassToken(term) ? 1 : UNKNOWN_WEIGHT);
  }

  /**
   * The marks a syllable was typed with, or null when they say nothing: "cuôc" (shape marks, no tone, which
   * a syllable ending in c cannot lack) is "cuộc" half-typed, when the content has a toned syllable spelt that way.
   */
  private marks(a: string | null): string | null {
    // Only syllables that cannot stand without a tone (ending in p, t, c, ch): "đô" is a word, "cuôc" is not.
    if (!a || this.allAccented.has(a) || toneless(a) !== a || !/(p|t|c|ch)$/.test(a)) return a;
    return this.tonelessAccented.has(a) ? null : a;
  }

  /** A word in so many phrasings that it says little on its own ("thi", "số"). */
  isCommon(term: string): boolean {
    return this.knows(term) && !this.searchable.has(term);
  }

  knows(term: string): boolean {
    return this.idf.has(term);
  }

  /** Is `term` one of the campaign's places (its city, its wards)? */
  isPlace(term: string): boolean {
    return this.places.has(term);
  }

  /** Does this entry speak for the campaign place `term` (a ward whose letter names its own contact person)? */
  namesPlace(entry: FaqEntry, term: string): boolean {
    if (!this.places.has(term)) return false;
    const i = this.entries.indexOf(entry);
    return i >= 0 && this.vocab[i]!.has(term);
  }

  /** Entries ranked for one reading of a question, best first, with coverage. */
  rank(reading: Reading, limit = 5): Candidate[] {
    const r = this.typos.fix(reading);
    const all = readingTokens(r);
    let tokens = all.filter((t) => this.searchable.has(t));
    // Only common words ("chuyên đề gồm những gì"): search with them rather than find nothing.
    if (tokens.length === 0) tokens = all.filter((t) => this.knows(t));
    if (tokens.length === 0) return [];
    const best = new Map<number, number>();
    for (const hit of this.search.search(tokens.join(" "))) {
      const e = hit.entry as number;
      if ((best.get(e) ?? 0) < hit.score) best.set(e, hit.score);
    }
    return [...best.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, limit)
      .map(([i, score]) => {
        const v = this.vocab[i]!;
        const acc = this.accented[i]!;
        const missing: string[] = [];
        let covered = 0;
        let total = 0;
        let strictTotal = 0;
        let foreign = 0;
        let central = 0;
        const uses = this.phrasingsWith[i]!;
        const nPhrasings = this.phrasingCount[i]!;
        r.terms.forEach((t, k) => {
          // "phường Lê Chân", "xã Tân Tiến": a place's name the content does not know, not another topic. The
          // campaign's own places (its city, its wards) count only for the entries that name them.
          if (r.named[k] && !this.knows(t)) return;
          if (this.places.has(t) && !v.has(t)) {
            total += PLACE_MISSING_WEIGHT;
            strictTotal += PLACE_MISSING_WEIGHT;
            return;
          }
          central += (this.weight(t) * (uses.get(t) ?? 0)) / nPhrasings;
          const a = this.marks(r.accents[k] ?? null);
          if (
            !v.has(t) &&
            this.knows(t) &&
            this.answerVocab[i]!.has(t) &&
            (!a || (this.allAccented.has(a) && this.answerAccented[i]!.has(a)))
          ) {
            // A campaign word this entry's phrasings lack but its answer says. Words the phrasings never use
            // stay foreign: an answer's wording must not make another topic look like ours.
            total += this.weight(t);
            strictTotal += this.weight(t);
            covered += ANSWER_CREDIT * this.weight(t);
            return;
          }
          // "chờ mãi", "làm nhanh": an everyday word the content does not use is a detail, not another topic.
          const light = a ? ACCENTED_LIGHT.has(a) && !this.allAccented.has(a) : FOLDED_LIGHT.has(t) && !this.knows(t);
          if (light) {
            missing.push(t);
            total += LIGHT_WEIGHT;
            strictTotal += LIGHT_WEIGHT;
            return;
          }
          if (a && !this.allAccented.has(a)) {
            // Typed with marks the content never has ("giá", "điện"): a word of another topic.
            missing.push(t);
            foreign++;
            total += Math.max(this.weight(t), FOREIGN_ACCENT_WEIGHT);
            strictTotal += Math.max(this.weight(t), FOREIGN_ACCENT_WEIGHT);
            return;
          }
          if (!v.has(t)) {
            missing.push(t);
            if (!this.knows(t) && this.weight(t) >= UNKNOWN_WEIGHT) foreign++;
            total += this.knows(t) ? KNOWN_MISSING_FACTOR * this.weight(t) : this.weight(t);
            strictTotal += this.weight(t);
            return;
          }
          total += this.weight(t);
          strictTotal += this.weight(t);
          if (a && acc.size > 0 && !acc.has(a)) covered += ACCENT_MISMATCH_CREDIT * this.weight(t);
          else covered += this.weight(t);
        });
        // Question words count in centrality too: "thi ở đâu" is typical of the entry whose phrasings ask "ở đâu".
        let markerCentral = 0;
        let markerTotal = 0;
        const termTotal = strictTotal;
        for (const m of r.markers) {
          const w = this.idf.get(m) ?? 0;
          markerTotal += w;
          markerCentral += (w * (uses.get(m) ?? 0)) / nPhrasings;
          if (SPECIFIC_MARKERS.has(m) && !v.has(m) && w > 0) {
            missing.push(m);
            total += KNOWN_MISSING_FACTOR * w;
            strictTotal += w;
          }
        }
        for (const p of r.topicPairs) {
          const [a, b] = p.split("+") as [string, string];
          // ("thi nhanh": a word of manner makes no new word with its neighbour.)
          if (this.knows(a) && this.knows(b) && !this.knows(p) && !MANNER_WORDS.has(a) && !MANNER_WORDS.has(b)) {
            missing.push(p);
            total += NEW_PAIR_WEIGHT;
            strictTotal += NEW_PAIR_WEIGHT;
          }
        }
        const placeOnly = covered > 0 && r.terms.every((t) => this.locality.has(t) || (!v.has(t) && !/\d/.test(t)));
        if (placeOnly) covered = 0;
        return {
          entry: this.entries[i]!,
          score,
          coverage: total > 0 ? covered / total : 0,
          strict: strictTotal > 0 ? covered / strictTotal : 0,
          missing,
          foreign,
          centrality: termTotal + markerTotal > 0 ? (central + markerCentral) / (termTotal + markerTotal) : 0,
        };
      });
  }
}
