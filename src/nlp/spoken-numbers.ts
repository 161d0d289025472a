/**
 * Numbers said as words, as voice typing writes them, with or without marks: "hai mươi câu", "ba mươi mốt",
 * "năm hai nghìn không trăm hai mươi lăm", digits read one by one ("không chín không bốn …", "hai không hai
 * lăm"). Shared by the FAQ analyser and the completion check, so both read them the same way.
 */
const DIGITS: Readonly<Record<string, number>> = {
  không: 0,
  khong: 0,
  một: 1,
  mot: 1,
  hai: 2,
  ba: 3,
  bốn: 4,
  bon: 4,
  năm: 5,
  nam: 5,
  sáu: 6,
  sau: 6,
  bảy: 7,
  bẩy: 7,
  bay: 7,
  tám: 8,
  tam: 8,
  chín: 9,
  chin: 9,
};
/** Units after a ten ("hai mươi mốt", "ba mươi lăm", "hai mươi tư"). */
const UNITS: Readonly<Record<string, number>> = { ...DIGITS, mốt: 1, lăm: 5, lam: 5, tư: 4, tu: 4 };
delete (UNITS as Record<string, number>).không;
delete (UNITS as Record<string, number>).khong;

const words = (map: Readonly<Record<string, number>>) => Object.keys(map).join("|");
const TENS = new RegExp(`(?<!\\p{L})(?:(${words(DIGITS)}) (?:mươi|muoi)|(mười|muoi))(?: (${words(UNITS)}))?(?!\\p{L})`, "gu");
/** "hai nghìn (không trăm) (lẻ) 25": a year, once its tens are digits. */
const YEAR = /(?<!\p{L})hai (?:nghìn|ngàn|nghin|ngan)(?: (?:không|khong) (?:trăm|tram))?(?: (?:lẻ|le|linh))? (\d{1,2})(?![\p{L}\p{N}])/gu;
/** Four or more digits read one by one: a phone number or a year. */
const DIGIT_RUN = new RegExp(`(?<!\\p{L})(?:(?:${words(DIGITS)})(?: |$)){4,}`, "gu");

export function spokenNumbers(text: string): string {
  return text
    .replace(TENS, (all, tens: string | undefined, _ten: string | undefined, unit: string | undefined) => {
      const t = tens === undefined ? 1 : DIGITS[tens]!;
      // "không mươi", "một mươi" are no numbers
      if (t < 2 && tens !== undefined) return all;
      return String(t * 10 + (unit ? UNITS[unit]! : 0));
    })
    .replace(YEAR, (_, n: string) => String(2000 + Number(n)))
    .replace(DIGIT_RUN, (run) => {
      const said = run.trim().split(" ");
      // "năm hai không hai sáu": "năm" is the year, the rest its digits
      const year = /^n[aă]m$/.test(said[0]!) && said.length > 4 ? `${said.shift()} ` : "";
      return `${year}${said.map((w) => DIGITS[w]).join("")}${run.endsWith(" ") ? " " : ""}`;
    });
}
