import { fold } from "../text/fold.js";
import { PhraseRewriter, type PhraseRule } from "./phrases.js";
import { NAMING_WORDS } from "./place-words.js";
import { ACCENTED_FILLERS, ACCENTED_STOPWORDS, FOLDED_FILLERS, FOLDED_STOPWORDS } from "./stopwords.js";
import { spokenNumbers } from "./spoken-numbers.js";
import { canonicalTone, isFoldedSyllable, splitSyllables } from "./syllable.js";
import { type Shorthand, shorthandInContext, TEENCODE } from "./teencode.js";
import { repairTelex } from "./telex.js";
import { GRADE_TOKEN } from "./word-classes.js";

/** One syllable as typed (lowercased, NFC) and folded. `acc === f` means no marks were typed. */
interface Item {
  acc: string;
  f: string;
  /** Typed by the resident without marks (not made by a shorthand or phrase rewrite). */
  bare?: boolean;
}

/** One reading of a question: its topic terms, question markers and syllable pairs. */
export interface Reading {
  /** Folded topic syllables (stopwords removed), in order, e.g. ["het", "han"]. */
  terms: string[];
  /** The same syllables as typed when the resident used diacritics ("hết"), else null. */
  accents: Array<string | null>;
  /** Question-word markers such as "q:when", "q:where". */
  markers: string[];
  /** Adjacent syllable pairs "a+b" over the question without fillers, e.g. "het+han". */
  pairs: string[];
  /** Pairs of adjacent topic syllables ("nguoi+yeu"): a pair the content never has is another word. */
  topicPairs: string[];
  /**
   * Per term: it came right after a naming word ("phường Lê Chân", "xã Tân Tiến"), so when the content does
   * not know it, it is a place's name rather than a word of another topic.
   */
  named: boolean[];
}

export interface Analysis {
  /** Folded, rewritten text: the key for the unanswered-questions log and collision checks. */
  key: string;
  /** Usually one; more when shorthand is ambiguous ("bn" = bao nhiêu | bạn). At most 4. */
  readings: Reading[];
}

/**
 * Loanwords that are not Vietnamese syllables but must not be "repaired" as Telex. A campaign's own
 * (site and brand names) come from its lexicon.
 */
const KNOWN_LOANWORDS: readonly string[] = `ios android zalo web link online video youtube facebook wifi email gmail
  google drive app store play chplay appstore otp qr hotline admin bot ok mic gov vn hello hi help menu test alo
  bye docs edu covid pdf file zoom tiktok samsung iphone oppo xiaomi vivo nokia realme huawei robot`.split(/\s+/);

/** What a campaign adds to the general Vietnamese the analyser knows (built from content/lexicon.yaml). */
export interface CampaignWords {
  /** Folded phrase rewrites: the campaign's names, places and synonyms. */
  phrases: readonly PhraseRule[];
  /** Shorthand for the campaign's own words (a place's initials), keyed by the lowercased token. */
  shorthand: Readonly<Record<string, Shorthand>>;
  /** Folded tokens taken as typed, never repaired as Telex (site and brand names). */
  known: readonly string[];
}

/** Analyses questions: general Vietnamese (code) plus one campaign's words (content). */
export type Analyse = (text: string) => Analysis;

const MAX_READINGS = 4;

const NAMING = new Set(NAMING_WORDS);
/** At most this many syllables after a naming word are the place's name. */
const NAME_LENGTH = 3;

/** "không hiện", "chưa thấy", "không ra", "không load": like "không … được", something does not work. */
const FAILS = new Set(["hien", "thay", "ra", "len", "chay", "load"]);

/** Reads numbers said as words, and splits money and counts ("5tr", "500k", "5.000.000", "70%") into tokens the content also uses. */
function tidyNumbers(s: string, known: ReadonlySet<string>): string {
  return (
    spokenNumbers(s)
      // Dates become one token with "ngày" before it: "12/11", "11-11-2025", "ngày 11 tháng 11" → "ngày d12m11".
      .replace(
        /(?<![\p{L}\p{N}/])(\d{1,2})\s*[/-]\s*(\d{1,2})(?:\s*[/-]\s*\d{2,4})?(?![\p{L}\p{N}/])/gu,
        (_, d: string, m: string) => ` ngay d${+d}m${+m} `,
      )
      .replace(
        /\b(ngày|ngay)\s+(\d{1,2})\s+(tháng|thang)\s+(\d{1,2})\b/gu,
        (_, n: string, d: string, _t: string, m: string) => ` ${n} d${+d}m${+m} `,
      )
      // "11 tháng 11" said without "ngày"
      .replace(/(?<![\p{L}\p{N}])(\d{1,2})\s+(?:tháng|thang)\s+(\d{1,2})(?![\p{L}\p{N}])/gu, (all, d: string, m: string) =>
        +d >= 1 && +d <= 31 && +m >= 1 && +m <= 12 ? ` ngay d${+d}m${+m} ` : all,
      )
      // "hồi đầu tháng 11", "cuối tháng 10": a time of the past or future, not a number to match
      .replace(/(?<!\p{L})(?:(?:đầu|cuối|giữa|dau|cuoi|giua)\s+)?(?:tháng|thang)\s+\d{1,2}(?![\p{L}\p{N}/])/gu, " ")
      // "mùng 2", "mồng 10": a day of the month, whichever month: "ngày"
      .replace(/(?<!\p{L})(?:mùng|mồng|mung)\s*\d{1,2}(?![\p{L}\p{N}])/gu, " ngày ")
      // "con e 14t": an age
      .replace(/(?<![\p{L}\p{N}])(\d{1,3})\s*t(?![\p{L}\p{N}])/gu, "$1 tuổi")
      // An age says who asks, not what: "ông 70 (mấy) tuổi" reads as "ông tuổi" (70 is also the 70% target).
      .replace(/\b\d{1,3}\s*(?:mấy|may|hơn|hon|ngoài|ngoai)?\s*(tuổi|tuoi)\b/gu, "$1")
      // A phone number typed out ("09xx xxx xxx", "08xx.xxx.xxx") is a detail, not three numbers to match, unless it
      // is one the campaign publishes ("số 0832 765 568 là của ai"): then it is one word. A resident's own number
      // never reaches the analysis key.
      .replace(/(?<!\d)0\d{2,3}[\s.]?\d{3}[\s.]?\d{3,4}(?!\d)/g, (n) => {
        const digits = n.replace(/\D/g, "");
        return known.has(digits) ? ` ${digits} ` : " ";
      })
      // "học lớp 4", "con em lớp 2", "học cấp 2": a school year says who asks (a pupil), like an age.
      .replace(/\b(lớp|lop)\s*\d{1,2}\b/gu, `$1 ${GRADE_TOKEN}`)
      .replace(/(?<!\p{L})(cấp|cap)\s*[1-3](?![\p{L}\p{N}])/gu, `$1 ${GRADE_TOKEN}`)
      // A clock time ("8h30", "12h đêm", "23g59", "11 giờ 59 phút") is "giờ": when, not a number to match.
      .replace(/\b\d{1,2}\s*(?:h|g|giờ|gio)\s*(?:\d{1,2}(?:\s*(?:phút|phut|p))?|rưỡi|ruoi)?(?![\p{L}\p{N}])/gu, " giờ ")
      .replace(/(\d)[.,](?=\d{3}\b)/g, "$1")
      .replace(/(\d)\s*%/g, "$1 %")
      // (A letter after "k"/"tr" ends no word: "25 kết", "5 trường" are no money.)
      .replace(/\b(\d+)\s*(tr|triệu|trieu|củ)(?![\p{L}\p{N}])/gu, "$1 triệu")
      .replace(/\b(\d+)\s*k(?![\p{L}\p{N}])/gu, "$1 nghìn")
      .replace(/\b(\d+)([a-zà-ỹđ])/g, "$1 $2")
  );
}

const YI = /^(k|l|qu|s|t|m)i$/;

/**
 * Drawn-out letters ("đâuuuu", "ơiiii", "ạaaa"): three or more letters in a row that fold the same are
 * one letter. Two stay two, since Telex spells marks that way ("dd", "aa", "oo").
 */
function squeeze(token: string): string {
  if (!/(\p{L})\1\1|[aeiouyàáảãạăâèéẻẽẹêìíỉĩịòóỏõọôơùúủũụưỳýỷỹỵ][aeiouy]{2}/u.test(token)) return token;
  let out = "";
  let run = 0;
  let prev = "";
  for (const ch of token) {
    const f = fold(ch);
    run = f === prev ? run + 1 : 1;
    prev = f;
    out += ch;
    if (run === 3) out = out.slice(0, -3) + [...out.slice(-3)][0]!;
    else if (run > 3) out = out.slice(0, -1);
  }
  return out;
}

interface Vocabulary {
  shorthand: Readonly<Record<string, Shorthand>>;
  known: ReadonlySet<string>;
  phrases: PhraseRewriter;
}

/** Folds one raw token and expands shorthand; several alternatives when it is ambiguous. */
function expandToken(raw: string, vocab: Vocabulary): Item[][] {
  const { shorthand, known } = vocab;
  const acc = raw;
  const f = fold(raw);
  // Own keys only: "constructor" typed by a resident is a word, not Object.prototype's.
  const tc = Object.hasOwn(shorthand, acc) ? shorthand[acc] : acc === f && Object.hasOwn(shorthand, f) ? shorthand[f] : undefined;
  if (tc !== undefined) {
    const alts = typeof tc === "string" ? [tc] : tc;
    return alts.map((a) => a.split(" ").map((w) => ({ acc: w, f: fold(w) })));
  }
  let folded = f;
  if (acc === f && !known.has(f) && !isFoldedSyllable(f)) {
    const fixed = repairTelex(f);
    if (fixed) {
      const again = Object.hasOwn(shorthand, fixed) ? shorthand[fixed] : undefined;
      if (typeof again === "string") return [again.split(" ").map((w) => ({ acc: w, f: fold(w) }))];
      folded = fixed;
    } else {
      // "baogiohethan": syllables run together (not a name a rule knows as one token, a site typed as one word)
      const parts = vocab.phrases.starts(f) ? null : splitSyllables(f);
      if (parts) return [parts.map((w) => ({ acc: w, f: w, bare: true }))];
    }
  }
  // "kĩ thuật", "tỉ lệ", "đăng kí": the i spelling of the y syllable, marks and all (the content writes y).
  const yi = YI.test(folded);
  if (yi) folded = `${folded.slice(0, -1)}y`;
  if (acc === f) return [[{ acc: folded, f: folded, bare: true }]];
  const marked = yi
    ? acc
        .normalize("NFD")
        .replace(/i(?=\p{M}*$)/u, "y")
        .normalize("NFC")
    : acc;
  return [[{ acc: marked, f: folded }]];
}

/**
 * `marked`: the resident types with diacritics, so a bare word is meant bare ("vay tiền" is a loan, not
 * "vậy"): it is looked up as typed, like an accented one.
 */
function isFiller(it: Item, marked: boolean): boolean {
  return it.acc !== it.f || (marked && it.bare) ? ACCENTED_FILLERS.has(it.acc) : FOLDED_FILLERS.has(it.f);
}

function isStop(it: Item, marked: boolean): boolean {
  return it.acc !== it.f || (marked && it.bare) ? ACCENTED_STOPWORDS.has(it.acc) : FOLDED_STOPWORDS.has(it.f);
}

/** Most syllables typed with marks (at least two of them): the resident writes with diacritics. */
function typesWithMarks(raws: string[]): boolean {
  let words = 0;
  let marked = 0;
  for (const r of raws) {
    if (r.length < 2 || !/^\p{L}+$/u.test(r)) continue;
    words++;
    if (fold(r) !== r) marked++;
  }
  return marked >= 2 && marked * 2 >= words;
}

function readingOf(items: Item[], marked: boolean, phrases: PhraseRewriter): Reading {
  const seq = phrases.rewrite(items, (f) => ({ acc: f, f }));
  const terms: string[] = [];
  const accents: Array<string | null> = [];
  const named: boolean[] = [];
  const markers: string[] = [];
  let nameLeft = 0;
  const pairs: string[] = [];
  const kept: Array<{ f: string; stop: boolean }> = [];
  for (const it of seq) {
    if (it.f.startsWith("q:")) {
      if (!markers.includes(it.f)) markers.push(it.f);
      kept.push({ f: it.f, stop: false });
      continue;
    }
    if (isFiller(it, marked)) continue;
    const stop = isStop(it, marked);
    // Marks from someone who mostly types without them ("hạn chót cuọc thi la ngay nao") are too unreliable
    // to tell words apart: only a resident who types with diacritics has their marks read.
    const acc = it.acc !== it.f && marked ? it.acc : null;
    const inName = nameLeft > 0 && !stop;
    nameLeft = NAMING.has(it.f) ? NAME_LENGTH : inName ? nameLeft - 1 : 0;
    // "dự báo bão": keep "bão" although "báo" folds the same.
    if (!stop && !terms.some((t, k) => t === it.f && (accents[k] === acc || acc === null))) {
      terms.push(it.f);
      accents.push(acc);
      named.push(inName);
    }
    kept.push({ f: it.f, stop });
  }
  // "không vào được", "chưa nhận được": something does not work, which problem entries are about.
  for (let i = 0; i < kept.length; i++) {
    if (kept[i]!.f !== "khong" && kept[i]!.f !== "chua") continue;
    const next = kept.slice(i + 1, i + 5);
    const fails = next.some((k) => k.f === "duoc") || next.slice(0, 2).some((k) => FAILS.has(k.f));
    if (fails && !terms.includes("q:cant")) {
      // A topic term, not a mere marker: an entry about how to do X should not answer "X does not work".
      terms.push("q:cant");
      accents.push(null);
      named.push(false);
    }
  }
  const topicPairs: string[] = [];
  for (let i = 0; i + 1 < kept.length; i++) {
    const a = kept[i]!;
    const b = kept[i + 1]!;
    if (!a.stop || !b.stop) pairs.push(`${a.f}+${b.f}`);
    // Markers and word classes ("c:nguoi") never form a word of another topic with their neighbour.
    // Nor does a number ("tổ 3", "lớp 3"): it counts something, it does not make another word.
    if (!a.stop && !b.stop && !/^[qc]:|^\d+$/.test(a.f) && !/^[qc]:|^\d+$/.test(b.f) && a.f !== b.f) topicPairs.push(`${a.f}+${b.f}`);
  }
  return { terms, accents, markers, pairs, topicPairs, named };
}

/** Words a question ends on, before an address word. */
const ASKS_LAST = new Set([
  "khong",
  "không",
  "ko",
  "k",
  "hong",
  "hông",
  "hok",
  "chua",
  "chưa",
  "nao",
  "nào",
  "gi",
  "gì",
  "j",
  "sao",
  "a",
  "ạ",
  "ha",
  "hả",
]);

/**
 * A web address typed or pasted ("example.gov.vn/khoa-hoc", "https://zalo.me/g/…") is a link to a site: "link"
 * and the site's first name, not a row of unknown syllables ("gov vn").
 */
const ADDRESS = /\b(?:https?:\/\/)?(?:www\.)?([a-z0-9-]+)(?:\.[a-z0-9-]+)*\.(?:vn|com|net|org|me|edu|gov|io)\b(?:\/\S*)?/giu;

/**
 * "chị Mai bảo …", "anh Long nói", "a Tuấn lại bảo", "bà Nguyễn Thị Lan hỏi": someone's name after the word that
 * addresses them, typed with capitals, before what they said: who said it, not what it is about ("Bác Hồ" stays).
 */
const PERSON_NAMED =
  /(?<!\p{L})((?:[Cc]hị|[Aa]nh|[Ôô]ng|[Bb]à|[Cc]ô|[Cc]hú|[Bb]ác|[Ee]m|a|c))(?!\s+(?:Thi|Link|Zalo)(?!\p{L}))(?:\s+\p{Lu}\p{Ll}*)+(?=\s+(?:(?:lại|lai|cũng|cung)\s+)?(?:bảo|bao|nói|noi|hỏi|hoi|kể|ke|nhắn|nhan|dặn|dan)(?!\p{L}))/gu;

/** Builds the analyser for one campaign; with no campaign words it knows general Vietnamese only. */
export function createAnalyser(campaign?: CampaignWords): Analyse {
  const vocab: Vocabulary = {
    shorthand: { ...TEENCODE, ...campaign?.shorthand },
    known: new Set([...KNOWN_LOANWORDS, ...(campaign?.known ?? [])]),
    phrases: new PhraseRewriter(campaign?.phrases),
  };
  return (text) => analyseWith(vocab, text);
}

/**
 * Normalises a resident's question: NFC, lowercase, numbers tidied, shorthand expanded, Telex/VNI
 * leftovers repaired, diacritics folded (đ → d), phrases rewritten, stopwords removed, pairs formed.
 */
function analyseWith(vocab: Vocabulary, text: string): Analysis {
  const lowered = tidyNumbers(
    text
      .normalize("NFC")
      .replace(PERSON_NAMED, "$1")
      .toLowerCase()
      .replace(ADDRESS, (_, site: string) => ` link ${site} `),
    vocab.known,
  );
  // Shorthand first: "cccd" is căn cước, not a drawn-out "cd".
  const raws = (lowered.match(/[\p{L}\p{N}%]+/gu) ?? []).map((r) => (Object.hasOwn(vocab.shorthand, r) ? r : canonicalTone(squeeze(r))));
  // "thi được hông con": "con" typed bare after the question's last word calls the reader (a child), not "còn".
  if (raws.length > 2 && raws.at(-1) === "con" && ASKS_LAST.has(raws.at(-2)!)) raws.pop();
  let variants: Item[][] = [[]];
  for (const [i, raw] of raws.entries()) {
    const meant = shorthandInContext(raw, raws[i - 1], raws[i + 1]);
    const alts = meant === undefined ? expandToken(raw, vocab) : [meant.split(" ").map((w) => ({ acc: w, f: fold(w) }))];
    if (alts.length === 1 || variants.length * alts.length > MAX_READINGS) {
      for (const v of variants) v.push(...alts[0]!);
    } else {
      variants = variants.flatMap((v) => alts.map((a) => [...v, ...a]));
    }
  }
  const marked = typesWithMarks(raws);
  const readings = variants.map((v) => readingOf(v, marked, vocab.phrases));
  const key = vocab.phrases
    .rewrite(variants[0]!, (f) => ({ acc: f, f }))
    .map((i) => i.f)
    .join(" ");
  return { key, readings };
}
