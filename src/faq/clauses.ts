import { fold } from "../text/fold.js";
import type { Retrieval } from "./retrieval.js";

/** Where a message splits into clauses: punctuation, "và"/"với"/"để", forwarded text, numbered questions. */
const CLAUSE =
  /(?:[^,.;:!?\n]|\.(?=\w))+?(?:(?:[,;:!?\n]|\.(?!\w))+|\s+(?:và|va|với lại|voi lai|với cả|voi ca|với|voi|vs|kèm|kem theo|để)(?:\s+|$)|\s*(?:--+|=>|->)\s*|\s+\d\s*(?:là|la|\))\s+|$)/giu;
/** A clause that ends like a question ("… có được giấy chứng nhận không", "… trên web nào"): it asks. */
const QUESTION_END =
  /\b(khong|ko|k|kh|hok|hong|khum|chua|chu|nao|dau|gi|j|sao)( (a|ha|vay|nhi|nhe|nha|ne|oi|ta|the|z|v|ban|ad|bot|mn|moi nguoi|ca nha|ac|chau|bac|co|chu|anh|chi|em|e|con|ong|ba))*\s*[?.!,;]*\s*$/;
/** "1 là …", "2) …", "thứ nhất là …": the number of a question in a list, not part of it. */
const ENUMERATOR = /(^|\s)(\d|thứ (nhất|hai|ba)|thu (nhat|hai|ba)|một|mot|hai|ba)\s*(là|la|\))(?=\s|$)/giu;
/** "link nào là link thật", "nộp ở đâu vậy": "nào" and "đâu" ask wherever they stand. */
const WHICH = /\b(nao|dau)\b/;
/**
 * "có giống nhau không hay mỗi người một đề", "là cố định hay mỗi người một khác": a choice between two
 * asks; "làm sao", "lm s", "ntn" ask how wherever they stand. ("hay quá", "hay lắm" praise.)
 */
const CHOICE_OR_HOW = /\b(khong|ko|k|kh|hok|chua) hay\b|\b(la|co)\b.* hay (?!qua|lam|ghe|that)\w|\b(lam|lm) (sao|s)\b|\bntn\b/;
/** A clause that asks for something: "gửi giúp mình link", "cho xin số", "chỉ em với". */
const REQUEST = /\b(xin|gui|giup|gium|dum|cho hoi|chi (em|minh|toi|chau|cho))\b/;
/** A clause cut at "để" (in order to): the purpose that follows belongs to the same question. */
const PURPOSE_END = /\sđể\s*$/iu;
/** A clause that ends in "và"/"với": what follows belongs to the same request. */
const AND_END = /\s(va|voi|vs)\s*$/;

/** Does the message end like a question ("… không", "… ở đâu", "… gì vậy")? */
export function endsLikeQuestion(text: string): boolean {
  return QUESTION_END.test(fold(text));
}

/** One clause of a message, retrieved on its own, and whether it is the asking part. */
export interface ClauseReading extends Retrieval {
  asks: boolean;
}

/**
 * Splits a message into clauses and reads each: its retrieval, and whether it asks (a question word, a
 * question mark, a request, a question ending) or is context. A request at either end of a "và"/"với" covers
 * both sides ("cho xin link thi và số hotline", "link thi với hotline cho e xin"); a clause and the purpose
 * after its "để" are one question ("làm sao để bài được tính hợp lệ").
 */
export function readClauses(question: string, retrieve: (text: string) => Retrieval): ClauseReading[] {
  const clauses = (question.match(CLAUSE) ?? []).filter((c) => /\p{L}/u.test(c));
  const folded = clauses.map((c) => fold(c));
  const read = clauses.map((c, at) => {
    const f = folded[at]!;
    const r = retrieve(c.replace(ENUMERATOR, " "));
    const asks =
      c.includes("?") ||
      REQUEST.test(f) ||
      QUESTION_END.test(f) ||
      WHICH.test(f) ||
      CHOICE_OR_HOW.test(f) ||
      r.analysis.readings.some((x) => x.markers.some((m) => m !== "q:what"));
    return { ...r, asks };
  });
  for (let i = 0; i + 1 < read.length; i++) {
    if (!PURPOSE_END.test(clauses[i]!)) continue;
    const asks = read[i]!.asks || read[i + 1]!.asks;
    read[i]!.asks = asks;
    read[i + 1]!.asks = asks;
  }
  let requestGoesOn = false;
  read.forEach((r, at) => {
    const f = folded[at]!;
    const carried = requestGoesOn || (AND_END.test(f) && REQUEST.test(folded[at + 1] ?? ""));
    requestGoesOn = (carried || REQUEST.test(f)) && AND_END.test(f);
    r.asks ||= carried;
  });
  return read;
}
