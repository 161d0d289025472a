/**
 * Voice typing writes punctuation out as words: "… kết thúc ngày nào chấm hỏi", "… dấu phẩy …". They become
 * the marks they name, so a spoken question ends like a typed one. Only with diacritics: dictation always
 * types them, and "cham hoi" bare is too rare to guess.
 */
const SPOKEN: Array<[RegExp, string]> = [
  [/\s*(?<!\p{L})(?:dấu\s+)?(?:chấm\s+hỏi|hỏi\s+chấm)(?!\p{L})/giu, "?"],
  [/\s*(?<!\p{L})(?:dấu\s+)?chấm\s+than(?!\p{L})/giu, "!"],
  [/\s*(?<!\p{L})dấu\s+phẩy(?!\p{L})/giu, ","],
];

export function spokenMarks(text: string): string {
  let out = text;
  for (const [re, mark] of SPOKEN) out = out.replace(re, mark);
  return out;
}
