import type { Reading } from "../nlp/normalise.js";
import { isFoldedSyllable } from "../nlp/syllable.js";

const LETTERS = "abcdeghiklmnopqrstuvxy";
/** Typos remembered before the memory is cleared: they are endless. */
const MAX_REMEMBERED = 5000;

/**
 * Corrects typos of a campaign's words: "chứg" (chung), "chuyeen". Only tokens no Vietnamese syllable spells
 * and the content does not know; the commonest known word one edit away wins.
 */
export class TypoCorrector {
  private readonly remembered = new Map<string, string | null>();

  /** `rarity`: lower is commoner (the index's IDF); only called for words `knows` accepts. */
  constructor(
    private readonly knows: (token: string) => boolean,
    private readonly rarity: (token: string) => number,
  ) {}

  /** The word meant, or null when the token is no typo of a known word. */
  correct(token: string): string | null {
    if (this.knows(token) || !/^[a-z]{3,8}$/.test(token) || isFoldedSyllable(token)) return null;
    const cached = this.remembered.get(token);
    if (cached !== undefined) return cached;
    let best: string | null = null;
    for (const c of oneEditAway(token)) {
      if (!this.knows(c) || !isFoldedSyllable(c)) continue;
      if (best === null || this.rarity(c) < this.rarity(best)) best = c;
    }
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(token, best);
    return best;
  }

  /** The reading with its typos corrected; the corrected words' marks say nothing any more. */
  fix(r: Reading): Reading {
    if (r.terms.every((t) => this.correct(t) === null)) return r;
    const terms = r.terms.map((t) => this.correct(t) ?? t);
    const accents = r.accents.map((a, k) => (terms[k] === r.terms[k] ? a : null));
    return { ...r, terms, accents };
  }
}

/** Every string one doubled-letter deletion, swap, substitution or insertion away (Vietnamese letters only). */
function oneEditAway(w: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i <= w.length; i++) {
    const [a, b] = [w.slice(0, i), w.slice(i)];
    // Only a doubled letter is deleted ("chuyeen"): dropping any letter turns loanwords ("taxi") into words.
    if (b && b[0] === (a.at(-1) ?? b[1])) out.add(a + b.slice(1));
    if (b.length > 1) out.add(a + b[1] + b[0] + b.slice(2));
    for (const c of LETTERS) {
      if (b) out.add(a + c + b.slice(1));
      out.add(a + c + b);
    }
  }
  out.delete(w);
  return out;
}
