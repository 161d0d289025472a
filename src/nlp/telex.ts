import { isFoldedSyllable } from "./syllable.js";

/**
 * Repairs a token typed with the Vietnamese IME switched off, returning the folded syllable, or null
 * when the token does not look like Telex/VNI input. Telex: "dawng" → dang, "kys" → ky, "ddax" → da,
 * "hetes" → het, "khoong" → khong. VNI: "d9a8ng" → dang, "ky1" → ky. Only tokens that are not already a
 * valid folded syllable are touched, so real words and numbers stay as they are.
 */
export function repairTelex(token: string): string | null {
  if (isFoldedSyllable(token) || !/^[a-z0-9]+$/.test(token) || /^\d+$/.test(token)) return null;
  // VNI: digits carry marks and tones; a letter-digit mix of one syllable.
  if (/\d/.test(token)) {
    const stripped = token.replace(/\d/g, "");
    return stripped.length > 0 && /[a-z]\d/.test(token) && isFoldedSyllable(stripped) ? stripped : null;
  }
  let t = token;
  // A tone key typed after the whole syllable ("kys", "hetes", "thif", "ddax").
  for (let i = 0; i < 2; i++) {
    const tone = /^(.*[aeiouy].*?)[sfrxj]$/.exec(t);
    if (tone) t = tone[1]!;
  }
  // Tone key typed right after the vowel, before the coda ("dasng", "vieetj" handled above).
  t = t.replace(/([aeiouy])[sfrxj](?=(ch|ng|nh|[cmnpt])$)/, "$1");
  t = t
    .replace(/dd/g, "d")
    .replace(/uow/g, "uo")
    .replace(/([aou])w/g, "$1")
    .replace(/w/g, "u");
  t = t.replace(/aa/g, "a").replace(/ee/g, "e").replace(/oo/g, "o");
  // The shape key typed after the coda: "hetes" → het, "dawng" handled above, "nhaanj" → nhan.
  t = t.replace(/^(.*?)([aeo])(ch|ng|nh|[cmnpt])\2$/, "$1$2$3");
  if (t === token || !isFoldedSyllable(t)) return null;
  return t;
}
