import { foldKey } from "../text/fold.js";

/** Why a full name was not accepted (shown to the resident in Vietnamese by the handler). */
export type NameProblem = "empty" | "too_short" | "too_long" | "one_word" | "too_many_words" | "not_letters" | "not_a_name";

export type NameCheck = { ok: true; name: string } | { ok: false; problem: NameProblem };

// What people wrap a name in: "tên em là ...", "... ạ", "dạ ...".
const LEADING =
  /^(?:d[aạ]\s+|v[aâ]ng\s+)?(?:(?:h[oọ]\s+)?(?:v[aà]\s+)?t[eê]n\s+(?:c[uủ]a\s+)?(?:em|t[oô]i|m[iì]nh|ch[aá]u|anh|ch[iị]|c[oô]|ch[uú]|b[aá]c)\s+(?:l[aà]\s+)?|(?:em|t[oô]i|m[iì]nh|ch[aá]u)\s+l[aà]\s+)/iu;
const LABEL = /^(?:h[oọ]\s*(?:v[aà]\s*)?t[eê]n|t[eê]n)\s*:\s*/iu;
const TRAILING = /(?:[\s,.!]+(?:ạ|nhé|nhe|nha|ak|à))?[\s,.!]*$/iu;

/** Letters (any script's, so Vietnamese with its marks), one word. */
const WORD = /^[\p{L}\p{M}]+$/u;

// Words of chat, never of a Vietnamese name ("ok mọi người", "xong rồi"); compared lower-case, marks kept,
// so "Thị" and "Thi" (names) are not caught.
const NOT_NAME_WORDS = new Set(
  (
    "ok oke okay mọi người rồi roi xong chưa chua không khong được duoc nhé vâng dạ ơi bài cuộc cảm ơn chào " +
    "với gì sao nào đâu này đã là và có thì mà của cho làm ad admin hỏi tổ trường đơn vị"
  ).split(" "),
);
// Ways of addressing someone: not a name when they lead ("em Hoa ơi"), but given names too ("Nguyễn Thị Em").
const ADDRESS_WORDS = new Set("em chị bạn mình tôi".split(" "));

/**
 * How a person's name is stored: NFC (one code point per Vietnamese letter, whatever the keyboard sent),
 * full-width letters folded to ordinary ones (ＡＢＣ → ABC), single spaces.
 */
export function normalisePersonName(input: string): string {
  return input.normalize("NFKC").normalize("NFC").replace(/\s+/g, " ").trim();
}

function capitalise(word: string): string {
  const lower = word.toLocaleLowerCase("vi");
  return lower.charAt(0).toLocaleUpperCase("vi") + lower.slice(1);
}

/**
 * Checks and tidies a resident's full name: 2–6 words of letters, 2–60 characters, Vietnamese letters
 * allowed; digits, links and symbols rejected. Returns it capitalised ("nguyễn văn an" → "Nguyễn Văn An"),
 * so what reaches an officer's report is only letters and single spaces. Names from an official list
 * (`fromList`) skip the chat-word check: there "Hoàng Văn Em" is a name, not "em".
 */
export function checkFullName(input: string, opts: { fromList?: boolean } = {}): NameCheck {
  const name = normalisePersonName(input).replace(LABEL, "").replace(LEADING, "").replace(TRAILING, "").trim();
  if (!name) return { ok: false, problem: "empty" };
  if (name.length > 60) return { ok: false, problem: "too_long" };
  const words = name.split(" ");
  if (!words.every((w) => WORD.test(w))) return { ok: false, problem: "not_letters" };
  if (name.length < 2) return { ok: false, problem: "too_short" };
  if (words.length < 2) return { ok: false, problem: "one_word" };
  if (words.length > 6) return { ok: false, problem: "too_many_words" };
  if (!opts.fromList && words.some((w) => NOT_NAME_WORDS.has(w.toLocaleLowerCase("vi")))) return { ok: false, problem: "not_a_name" };
  if (!opts.fromList && ADDRESS_WORDS.has(words[0]!.toLocaleLowerCase("vi"))) return { ok: false, problem: "not_a_name" };
  return { ok: true, name: words.map(capitalise).join(" ") };
}

/** "em là Hoàng Văn Nam, …", "tên tôi là Lê Thị Hoa": someone introducing themselves, the name capitalised. */
const INTRODUCED =
  /(?:^|[\s,.;:!])(?:t[eê]n\s+(?:c[uủ]a\s+)?)?(?:em|t[oô]i|m[iì]nh|ch[aá]u|con|tui)\s+(?:t[eê]n\s+)?l[aà]\s+((?:\p{Lu}[\p{Ll}\p{M}]*)(?:\s+\p{Lu}[\p{Ll}\p{M}]*){1,4})(?![\p{L}\p{M}])/u;

/** The full name a message introduces its sender by, checked like a typed one; null when it names none. */
export function introducedName(text: string): string | null {
  const m = INTRODUCED.exec(normalisePersonName(text));
  if (!m) return null;
  const check = checkFullName(m[1]!);
  return check.ok ? check.name : null;
}

/** The key two names are compared by: marks and case folded, spaces collapsed ("Nguyễn  Văn An" → "nguyen van an"). */
export function nameKey(name: string): string {
  return foldKey(name);
}
