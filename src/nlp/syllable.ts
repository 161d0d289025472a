/**
 * Shape check for a folded Vietnamese syllable (no marks, đ already d): onset, one to three vowels,
 * optional coda. Loose on purpose: it only has to tell "dang" from Telex leftovers such as "dawng",
 * "kys", "hetes" or "ddax", which no real syllable spells.
 */
const SYLLABLE = /^(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$/;

/** Doubled letters no syllable has, except the few "oong" words (xoong, boong). */
const DOUBLED = /aa|ee|dd|oo(?!ng$)|^(?!(x|b|c|s)oong$).*oo/;

export function isFoldedSyllable(token: string): boolean {
  return SYLLABLE.test(token) && !DOUBLED.test(token);
}
