/**
 * Shape check for a folded Vietnamese syllable (no marks, đ already d): onset, one to three vowels,
 * optional coda. Loose on purpose: it only has to tell "dang" from Telex leftovers such as "dawng",
 * "kys", "hetes" or "ddax", which no real syllable spells.
 */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

/** The five tone marks (huyền, sắc, ngã, hỏi, nặng) as decomposed combining characters; shape marks (â, ơ, ă) are not tones. */
export const TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";
const TONES = new RegExp(`[${TONE_MARKS}]`, "g");

/** A syllable with its tone taken off and its shape marks kept: "cuộc" → "cuôc". */
export function toneless(syllable: string): string {
  return syllable.normalize("NFD").replace(TONES, "").normalize("NFC");
}

/** Doubled letters no syllable has, except the few "oong" words (xoong, boong). */
const DOUBLED = /aa|ee|dd|oo(?!ng$)|^(?!(x|b|c|s)oong$).*oo/;

export function isFoldedSyllable(token: string): boolean {
  return SYLLABLE.test(token) && !DOUBLED.test(token);
}

/**
 * Syllables typed without spaces ("baogiohethan", "thidenbaogio", "giaiba"): the split into syllables of two
 * letters or more, longest first at each step, or null when there is none. Loose like the shape check, so
 * it is tried only on tokens that are no syllable, no known word and no Telex.
 */
export function splitSyllables(token: string): string[] | null {
  // Six letters or more: shorter ones ("robot", "phone") are more often a foreign word than two syllables.
  if (token.length < 6 || token.length > 40 || !/^[a-z]+$/.test(token)) return null;
  // Positions from which no split exists: each is tried once.
  const dead = new Set<number>();
  const walk = (at: number): string[] | null => {
    if (at === token.length) return [];
    if (dead.has(at)) return null;
    for (let end = Math.min(token.length, at + 7); end >= at + 2; end--) {
      const piece = token.slice(at, end);
      if (!isFoldedSyllable(piece)) continue;
      const rest = walk(end);
      if (rest) return [piece, ...rest];
    }
    dead.add(at);
    return null;
  };
  const parts = walk(0);
  return parts && parts.length >= 2 ? parts : null;
}

/** "oá", "oè", "uý" at a syllable's end with the tone on the second vowel (the older spelling). */
const OLD_TONE = new RegExp(`(^|[^q])([ou])([aey])([${TONE_MARKS}])$`, "u");

/**
 * One spelling for the two ways of placing a tone: "khoá"/"khóa", "hoà"/"hòa", "thuỷ"/"thủy" are the same
 * word typed on different keyboards. The tone goes on the first vowel, as the content is written.
 */
export function canonicalTone(token: string): string {
  const d = token.normalize("NFD");
  return OLD_TONE.test(d) ? d.replace(OLD_TONE, "$1$2$4$3").normalize("NFC") : token;
}
