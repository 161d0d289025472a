import type { ReportWords } from "../content/lexicon.js";
import { SPOKEN_RULES } from "../nlp/phrases.js";
import { spokenNumbers } from "../nlp/spoken-numbers.js";
import { NAMING_WORDS } from "../nlp/place-words.js";
import { TEENCODE } from "../nlp/teencode.js";
import { fold } from "../text/fold.js";

// Words that make a sentence a question, a problem or a negation ("chưa", "không", "ở đâu", "bị lỗi"):
// those go to the FAQ, never to the completion flow.
const NOT_A_REPORT = new Set(
  "chua khong ko k kh hok khum hong sao gi j dau nao bi neu may bao ntn the"
    .split(" ")
    // "nghe nói thi xong là được 5 triệu": a rumour, not a report
    .concat(["lam sao", "duoc khong", "nghe noi", "nghe bao", "nghe nguoi"]),
);
/** "… được 5 triệu hả", "xong rồi hở": typed with its mark, a question ("Hà" is a name). */
const ASKING_PARTICLE = /(^|[^\p{L}])(hả|hở|hử)([^\p{L}]|$)/iu;
/**
 * Words that usually ask ("giúp", "cần", "phải", "cách", "lỗi", "ai") but not in a plain statement of the
 * whole done: "đã hoàn thành cuộc thi, cháu nó làm giúp phần chia sẻ" reports.
 */
const USUALLY_ASKS = new Set("loi hoi giup can phai cach tiep ai chuyen".split(" "));

/**
 * Unambiguous chat shorthand as typed ("thj" → "thi", "xog" → "xong", "r" → "roi"), expanded folded. Keyed by
 * the typed form: "dô" (vào) typed with its mark is shorthand, "đó" folded to "do" is not.
 */
const SHORTHAND = new Map(
  Object.entries(TEENCODE).flatMap(([k, v]) => (typeof v === "string" && !v.includes(":") ? [[k, fold(v)] as const] : [])),
);

/** "làm song rồi", "hai mươi câu": what voice typing writes, as the words meant (one pass, longest first). */
const SPOKEN_TO = new Map(SPOKEN_RULES);
const SPOKEN = new RegExp(`\\b(${[...SPOKEN_TO.keys()].sort((a, b) => b.length - a.length).join("|")})\\b`, "g");

/** A place named at the end of a report ("… phường Hồng Bàng"). */
const PLACE_AT_END = new RegExp(`\\b(${NAMING_WORDS.join("|")}) [a-z]+( [a-z]+)?$`);

/** Regex alternatives for folded phrases ("lam bai" → "lam bai"), longest first; null when there are none. */
function alternatives(phrases: readonly string[]): string | null {
  const sorted = [...phrases].sort((a, b) => b.length - a.length).map((p) => p.replace(/[^a-z0-9 ]/g, ""));
  return sorted.length ? `(?:${sorted.join("|")})` : null;
}

interface Patterns {
  report: RegExp[];
  /** A plain statement that the whole is done ("đã hoàn thành cuộc thi", "thi xong rồi"). */
  plain: RegExp | null;
  /** "chuyên đề": a part; with the whole and "4 / tất cả …" it is the whole contest. */
  part: RegExp | null;
  allParts: RegExp | null;
  whole: RegExp | null;
  /** "làm bài", "thi": doing the test, which with every part is the whole. */
  action: RegExp | null;
}

/** General Vietnamese for "done" and the campaign's own words (content/lexicon.yaml `reports`). */
function patterns(words: ReportWords): Patterns {
  const actions = alternatives(words.actions);
  const whole = alternatives(words.whole);
  const parts = alternatives(words.parts);
  const proof = alternatives(words.proof);
  const report = [
    // "hoàn thành rồi", "đã hoàn thành", "xong rồi", "xong r nhé", "đã xong"
    /\b(da|vua|moi) hoan thanh\b/,
    /\bhoan thanh (roi|r|xong|het)\b/,
    /\bxong (roi|r|ca|het|nhe|nha)\b/,
    /\b(da|vua|moi) xong\b/,
    // "xog hết mấy chuyên đề vs 20 câu r": a message that starts with "xong"
    /^((e|em|minh|toi|chau|con) )?xong \w/,
  ];
  // "thi xong", "làm bài xong", "đã thi rồi", "đã thi hết"
  if (actions) {
    report.push(new RegExp(`\\b${actions}( \\w+)? xong\\b`), new RegExp(`\\b(da|vua|moi) ${actions}( \\w+)? (roi|r|het)\\b`));
    // "e nộp bài r", "mình thi rồi nhé": the sender, then the act, then "rồi"
    report.push(new RegExp(`^(e|em|minh|toi|tui|chau|con|bac) ${actions}( \\w+)? (roi|r)\\b`));
  }
  // "hoàn thành cuộc thi"
  if (whole) report.push(new RegExp(`\\bhoan thanh ${whole}\\b`));
  // "nhận chứng nhận rồi"
  if (proof) report.push(new RegExp(`\\bnhan (duoc )?${proof} (roi|r)\\b`));
  return {
    report,
    plain: whole
      ? new RegExp(
          `\\b(da|vua|moi) (hoan thanh|lam xong|thi xong) ${whole}\\b${actions ? `|\\b${actions} xong( ${whole})? (roi|r)\\b` : ""}`,
        )
      : null,
    part: parts ? new RegExp(`\\b${parts}\\b`) : null,
    allParts: parts ? new RegExp(`\\b(4|04|bon|tat ca|het|ca|cac) (cac )?${parts}\\b`) : null,
    whole: whole ? new RegExp(`\\b${whole}\\b`) : null,
    action: actions ? new RegExp(`\\b${actions}\\b`) : null,
  };
}

const cache = new WeakMap<ReportWords, Patterns>();

/**
 * Does this message tell us the sender finished the campaign? "em thi xong rồi ạ", "toi da hoan thanh
 * cuoc thi", "xong r nhé" yes; questions and problems ("thi xong thì nhận chứng nhận ở đâu?",
 * "thi xong mà không thấy chứng nhận") and partial progress ("học xong chuyên đề 1") no.
 */
export function looksLikeCompletion(text: string, words: ReportWords): boolean {
  if (text.includes("?") || /^\s*[#/]/.test(text) || ASKING_PARTICLE.test(text.normalize("NFC"))) return false;
  let p = cache.get(words);
  if (!p) {
    p = patterns(words);
    cache.set(words, p);
  }
  let folded = fold(
    text
      .normalize("NFC")
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .map((t) => SHORTHAND.get(t) ?? t)
      .join(" "),
  )
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  folded = spokenNumbers(folded).replace(SPOKEN, (m) => SPOKEN_TO.get(m) ?? m);
  // "báo cáo: đã hoàn thành…", "báo phường biết", "giờ báo cho ai" report; "bao giờ", "bao nhiêu" ask.
  folded = folded.replace(/\bbao\b(?! (gio|lau|nhieu|h)\b)/g, " ").trim();
  // "may quá kịp trước hạn": luck, not "mấy" (how many).
  folded = folded.replace(/\bmay (qua|ma|la|sao)\b/g, " ").trim();
  // "công ty may": a trade, not "mấy" (how many).
  folded = folded.replace(/\b(cong ty|cty|xuong|tho|nghe) may\b/g, " ").trim();
  // "gửi cả lời chia sẻ rồi": "lời" (words), not "lỗi" (an error).
  folded = folded.replace(/\bloi (chia se|nhan|moi|chuc)\b/g, " ").trim();
  // "hồi tháng 10", "hồi năm ngoái": when, not "hỏi" (a question).
  folded = folded.replace(/\bhoi (thang \d+|nam ngoai|nam truoc|do|truoc)\b/g, " ").trim();
  // "xong hết mấy chuyên đề": "mấy" (those few), not a question of how many.
  folded = folded.replace(/\b(het|ca) may\b/g, "$1").trim();
  // "chi hội phụ nữ tổ 7": an association, not "hỏi" (ask); "ghi nhận giúp": the report's request, not a question.
  folded = folded
    .replace(/\b(chi )?hoi (phu nu|cuu chien binh|ccb|nguoi cao tuoi|nct|nong dan|chu thap do|khuyen hoc)\b|\bchi hoi\b/g, " ")
    .trim();
  folded = folded.replace(/\b(ghi nhan|ghi so|ghi ten) (giup|gium|dum|ho)\b/g, "$1").trim();
  // "phường Hồng Bàng": a place's name, whose syllables may look like "hông" (không); "… tổ dân phố ko" and
  // "… tính cho phường nào" ask.
  folded = folded.replace(PLACE_AT_END, (m) => (/ (khong|ko|k|kh|chua|hok|khum|nao|dau|gi)$/.test(m) ? m : " ")).trim();
  // "làm xong 4 chuyên đề và bài thi": every part and the whole is the whole campaign; parts alone are not.
  if (p.part?.test(folded)) {
    // "học hết chuyên đề, làm bài và chia sẻ xong": every part and the test is the whole too.
    if (!(p.whole?.test(folded) || p.action?.test(folded)) || !p.allParts?.test(folded)) return false;
    folded = folded.replace(new RegExp(p.allParts.source, "g"), " ").replace(/\s+/g, " ").trim();
  }
  if (!folded) return false;
  const tokens = folded.split(" ");
  const plain = p.plain?.test(folded) ?? false;
  // A long message is rarely a report, unless it says plainly that the whole is done ("em là …, nhân viên …,
  // em đã hoàn thành cuộc thi lúc 7 giờ tối nay ạ, em báo để anh chị tổng hợp").
  if (tokens.length > (plain ? 45 : 30)) return false;
  for (let i = 0; i < tokens.length; i++) {
    if (NOT_A_REPORT.has(tokens[i]!) || NOT_A_REPORT.has(`${tokens[i]} ${tokens[i + 1] ?? ""}`)) return false;
    if (!plain && USUALLY_ASKS.has(tokens[i]!)) return false;
  }
  return p.report.some((re) => re.test(folded));
}
