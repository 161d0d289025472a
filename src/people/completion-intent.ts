import { fold } from "../text/fold.js";

// Words that make a sentence a question, a problem or a negation ("chưa", "không", "ở đâu", "bị lỗi"):
// those go to the FAQ, never to the completion flow.
const NOT_A_REPORT = new Set([
  "chua",
  "khong",
  "ko",
  "k",
  "kh",
  "hok",
  "khum",
  "hong",
  "sao",
  "gi",
  "j",
  "dau",
  "nao",
  "loi",
  "bi",
  "neu",
  "can",
  "phai",
  "hoi",
  "giup",
  "cach",
  "ntn",
  "tiep",
  "may",
  "bao",
  "lam sao",
  "ai",
  "the",
  "duoc khong",
  "chuyen",
]);

const REPORT = [
  // "thi xong", "làm bài xong", "nộp bài xong", "đã thi xong"
  /\b(thi|lam bai|lam|nop bai|nop)( \w+)? xong\b/,
  // "hoàn thành rồi", "đã hoàn thành cuộc thi", "hoàn thành bài thi"
  /\b(da|vua|moi) hoan thanh\b/,
  /\bhoan thanh (roi|r|xong|cuoc thi|bai thi|het)\b/,
  // "xong rồi", "xong r nhé", "đã xong"
  /\bxong (roi|r|ca|het|nhe|nha)\b/,
  /\b(da|vua|moi) xong\b/,
  // "đã thi rồi", "đã dự thi rồi"
  /\b(da|vua|moi) (du thi|thi|tham gia thi|tham gia cuoc thi)( \w+)? (roi|r)\b/,
  // "nhận chứng nhận rồi"
  /\bnhan (duoc )?(giay )?chung nhan (roi|r)\b/,
];

/**
 * Does this message tell us the sender finished the contest? "em thi xong rồi ạ", "toi da hoan thanh
 * cuoc thi", "xong r nhé" yes; questions and problems ("thi xong thì nhận chứng nhận ở đâu?",
 * "thi xong mà không thấy chứng nhận") and partial progress ("học xong chuyên đề 1") no.
 */
export function looksLikeCompletion(text: string): boolean {
  if (text.includes("?") || /^\s*[#/]/.test(text)) return false;
  let folded = fold(text)
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
  // "báo cáo: đã hoàn thành…" reports; "bao" alone asks ("bao giờ", "bao nhiêu").
  folded = folded.replace(/\bbao cao\b/g, " ").trim();
  // "làm xong 4 chuyên đề và bài thi": every topic and the exam is the whole contest; topics alone are not.
  if (/\bchuyen de\b/.test(folded)) {
    if (!/\b(bai thi|cuoc thi)\b/.test(folded) || !/\b(4|04|bon|tat ca|het|ca|cac) (cac )?chuyen de\b/.test(folded)) return false;
    folded = folded
      .replace(/\b(4|04|bon|tat ca|het|ca|cac) (cac )?chuyen de\b/g, " ")
      .replace(/\s+/g, " ")
      .trim();
  }
  if (!folded) return false;
  const words = folded.split(" ");
  if (words.length > 20) return false;
  for (let i = 0; i < words.length; i++) {
    if (NOT_A_REPORT.has(words[i]!) || NOT_A_REPORT.has(`${words[i]} ${words[i + 1] ?? ""}`)) return false;
  }
  return REPORT.some((re) => re.test(folded));
}
