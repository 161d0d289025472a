/** Why a full name was not accepted (shown to the resident in Vietnamese by the handler). */
export type NameProblem = "empty" | "too_short" | "too_long" | "one_word" | "too_many_words" | "not_letters";

export type NameCheck = { ok: true; name: string } | { ok: false; problem: NameProblem };

// What people wrap a name in: "tên em là ...", "... ạ", "dạ ...".
const LEADING = /^(?:d[aạ]\s+|v[aâ]ng\s+)?(?:(?:h[oọ]\s+)?(?:v[aà]\s+)?t[eê]n\s+(?:c[uủ]a\s+)?(?:em|t[oô]i|m[iì]nh|ch[aá]u|anh|ch[iị]|c[oô]|ch[uú]|b[aá]c)\s+(?:l[aà]\s+)?|(?:em|t[oô]i|m[iì]nh|ch[aá]u)\s+l[aà]\s+)/iu;
const TRAILING = /[\s,.!]*(?:ạ|nhé|nhe|nha|ak|à)?[\s.!]*$/iu;

/** Letters (any script's, so Vietnamese with its marks), one word. */
const WORD = /^[\p{L}\p{M}]+$/u;

function capitalise(word: string): string {
  const lower = word.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

/**
 * Checks and tidies a resident's full name: 2–6 words of letters, 2–60 characters, Vietnamese letters
 * allowed; digits, links and symbols rejected. Returns it capitalised ("nguyễn văn an" → "Nguyễn Văn An"),
 * so what reaches an officer's report is only letters and single spaces.
 */
export function checkFullName(input: string): NameCheck {
  const name = input.normalize("NFC").replace(/\s+/g, " ").trim().replace(LEADING, "").replace(TRAILING, "").trim();
  if (!name) return { ok: false, problem: "empty" };
  if (name.length > 60) return { ok: false, problem: "too_long" };
  const words = name.split(" ");
  if (!words.every((w) => WORD.test(w))) return { ok: false, problem: "not_letters" };
  if (name.length < 2) return { ok: false, problem: "too_short" };
  if (words.length < 2) return { ok: false, problem: "one_word" };
  if (words.length > 6) return { ok: false, problem: "too_many_words" };
  return { ok: true, name: words.map(capitalise).join(" ") };
}
