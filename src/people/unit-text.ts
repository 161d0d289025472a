import { fold } from "../text/fold.js";

/** Abbreviations people type for unit names, expanded to the words of the full name. */
const EXPAND: Record<string, string[]> = {
  tdp: ["to", "dan", "pho"],
  kp: ["khu", "pho"],
  th: ["tieu", "hoc"],
  thcs: ["trung", "hoc", "co", "so"],
  thpt: ["trung", "hoc", "pho", "thong"],
  mn: ["mam", "non"],
  mg: ["mau", "giao"],
  ubnd: ["uy", "ban", "nhan", "dan"],
  hdnd: ["hoi", "dong", "nhan", "dan"],
  mttq: ["mat", "tran", "to", "quoc"],
  ca: ["cong", "an"],
  bchqs: ["ban", "chi", "huy", "quan", "su"],
  vhxh: ["van", "hoa", "xa", "hoi"],
  tt: ["trung", "tam"],
  tr: ["truong"],
};

/** Words that carry no meaning for telling units apart ("đơn vị", "phường", "ạ", ...). */
const FILLER = new Set(["don", "vi", "phuong", "xa", "cua", "thuoc", "o", "tai", "em", "toi", "minh", "a", "nhe", "la", "va"]);

/**
 * Turns a unit name, alias or what someone typed into comparable tokens: folded, abbreviations
 * expanded, numbers without leading zeros, "số 5" → "5", filler words dropped.
 * "TDP số 05 – Đông Hòa" → ["to","dan","pho","5","dong","hoa"].
 */
export function unitTokens(text: string): string[] {
  const folded = fold(text)
    .replace(/\bt\.\s*d\.\s*p\.?/g, " tdp ")
    .replace(/([a-z])(\d)/g, "$1 $2")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  if (!folded) return [];
  const out: string[] = [];
  const raw = folded.split(" ");
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    const num = /^(\d+)([a-z]?)$/.exec(t);
    if (num) {
      // "05" → "5"; a letter suffix stays with its number: "1a" (TDP 1A) is not "1".
      out.push(String(Number(num[1])) + num[2]);
      continue;
    }
    // "số 5": the word "số" only announces the number; elsewhere ("cơ sở") "so" stays.
    if (t === "so" && /^\d/.test(raw[i + 1] ?? "")) continue;
    if (FILLER.has(t)) continue;
    const exp = EXPAND[t];
    if (exp) out.push(...exp);
    else out.push(t);
  }
  return out;
}

/** Codes compared without case, spaces or punctuation: "ad-tdp 05" ≈ "AD-TDP05". */
export function codeKey(text: string): string {
  return fold(text).replace(/[^a-z0-9]/g, "");
}

export const isNumberToken = (t: string) => /^\d+[a-z]?$/.test(t);

/** Levenshtein distance ≤ 1 (one typo), for tokens of four letters or more. */
export function oneTypoApart(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length < 4 || b.length < 4 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
