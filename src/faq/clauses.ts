import { fold } from "../text/fold.js";
import { markSplits } from "./clause-splits.js";
import { decide } from "./confidence.js";
import type { Retrieval } from "./retrieval.js";

/**
 * Where a message splits into clauses: punctuation, "và"/"với"/"để"/"+", "mà" before "không biết"/"chưa thấy"/
 * "quên" (context, then what the asker does not know, cannot see or forgot), forwarded text, numbered questions.
 */
const CLAUSE =
  /(?:[^,.;:!?\n\p{Extended_Pictographic}]|\.(?=\w))+?(?:(?:[,;:!?\n\p{Extended_Pictographic}]|\uFE0F|\u200D|\.(?!\w))+|\s+(?:và|va|với lại|voi lai|với cả|voi ca|với(?!\s+ai\b)|voi(?!\s+ai\b)|vs(?!\s+ai\b)|kèm|kem theo|để)(?:\s+|$)|(?<=\b(?:không|khong|ko|k|chưa|chua))(?=\s+hay\s+\S)|\s+(?:mà|ma)(?=(?:\s+(?:em|e|mình|minh|tôi|toi|cháu|chau|con|bác|bac|chị|chi|anh))?\s+(?:(?:không|khong|ko|k|chưa|chua|chả|chẳng|chang) (?:biết|biet|thấy|thay)|quên|quen)\b)|\s*(?:--+|=>|->|\+|&)\s*|(?<=["”»])\s*[-–]\s+|\s+\d\s*(?:là|la|\))\s+|$)/giu;
/** A clause that ends like a question ("… có được giấy chứng nhận không", "… trên web nào"): it asks. */
const QUESTION_END =
  /\b(khong|ko|k|kh|hok|hong|khum|chua|chu|nao|dau|gi|j|sao|ha)( (a|ha|vay|ay|day|cac|nhi|nhe|nha|ne|oi|ta|the|z|v|ban|ad|bot|mn|moi nguoi|ca nha|ac|chau|bac|co|chu|anh|chi|em|e|con|ong|ba))*\s*[?.!,;]*\s*$/;
/**
 * "1 là …", "2) …", "thứ nhất là …", and "… trang nào 2." (the next number, left at the end by the split): the
 * number of a question in a list, not part of it.
 */
const ENUMERATOR = /(^|\s)(\d|thứ (nhất|hai|ba)|thu (nhat|hai|ba)|một|mot|hai|ba)\s*(là|la|\))(?=\s|$)|\s\d\s*[.)]?\s*$/giu;
/** "cho hỏi 3 việc: link thi, hạn cuối, với số đt": a request that announces a list; every item after it asks. */
const ANNOUNCES_LIST = /\b(?:hoi|xin|hoi ve)\s+(?:\d|hai|ba|bon|nam|may)\s+(?:viec|cai|cau|dieu|van de|y|thu|cho)\b/;
/** "1 là hạn cuối, 2 là sđt hỗ trợ", "thứ hai là …": an item of a numbered list of questions asks. */
const NUMBERED = /^\s*(\d|thu (nhat|hai|ba))\s*(la|\))\s/;
/** "link nào là link thật", "nộp ở đâu vậy": "nào" and "đâu" ask wherever they stand. */
const WHICH = /\b(nao|dau)\b/;
/**
 * "có giống nhau không hay mỗi người một đề", "là cố định hay mỗi người một khác": a choice between two
 * asks; "làm sao", "lm s", "ntn" ask how wherever they stand. ("hay quá", "hay lắm" praise.)
 */
const CHOICE_OR_HOW = /\b(khong|ko|k|kh|hok|chua) hay\b|\b(la|co)\b.* hay (?!qua|lam|ghe|that)\w|\b(lam|lm) (sao|s)\b|\bntn\b/;
/**
 * "chưa thấy giấy chứng nhận", "vẫn không vào được", "thi xong rồi nhưng chưa hiện giấy", "quên không chia sẻ",
 * "trang web ko vào dc":
 * what has not happened yet asks what to do about it.
 */
const NOT_YET =
  /^\s*(?:(?:ma|nhung|van|ma van) )?(?:chua|khong|ko|k) (?:thay|nhan duoc|co|vao duoc|dang nhap duoc)\b|\b(?:ma|nhung)(?: \S+){0,3} (?:chua|khong|ko|k) (?:thay|hien|co|nhan duoc|nhan dc|vao duoc|dang nhap duoc)\b|\bquen (?:khong|ko|k|chua) \S+|\b(?:trang|web|website|link|app|ung dung|may|dien thoai|dt)(?: \S+){0,2} (?:khong|ko|k|chua) (?:vao|mo|load|tai|dang nhap|hien|chay)\b|\b(?:khong|ko|k|chua) (?:vao|mo|load|tai) (?:duoc|dc|đc)\b/;
/** "với cả … nữa", "cả … nữa", "thêm … nữa": one more thing, after a question. */
const ONE_MORE = /^\s*(voi ca|voi lai|va ca|ca|them|va|voi|vs)\s.*\bnua\b/;
/** Emoji and their joiners, which end a clause but say nothing of whether it asks. */
const EMOJI = /\p{Extended_Pictographic}|\u200D|\uFE0F/gu;
/** A clause that asks for something: "gửi giúp mình link", "cho xin số", "chỉ em với". */
const REQUEST =
  /\b(xin|gui|giup|gium|dum|cho hoi|de nghi|muon hoi|chi (em|e|minh|mk|toi|chau|con|cho|bac|co|chu|ong|ba)|huong dan (bac|em|e|toi|minh|chau|con|co|chu|anh|chi)|cho (em|e|minh|mk|toi|tui|chau|con|bac|co|chu|anh|chi|ba|ong) hoi)\b/;
/**
 * "cháu chỉ bác với", "xem giúp chú với", "giúp em với ạ": a plea for help with no topic of its own; the question is
 * what the clause before it said.
 */
const HELP_ONLY =
  /^\s*(?:(?:chau|em|e|con|ad|admin|bot|ban|anh|chi|co|chu|oi)\s+)*(?:chi|giup|gium|dum|chi giup|chi gium|chi dum|xem giup|xem gium|xem ho|huong dan|giup do)(?:\s+(?:bac|em|e|minh|mk|toi|tui|chau|con|co|chu|anh|chi|ba|ong|me|bo))?(?:\s+(?:voi|vs|nhe|nha|nhen|a|ak|ah|nhe|di|cai|duoc khong|dc khong|dc k|duoc k))*\s*$/;
/** "Kính gửi Ban quản trị": a letter's salutation, not a request to send something. */
const SALUTATION = /\bkinh gui\b/g;
/** A clause cut at "để" (in order to): the purpose that follows belongs to the same question. */
const PURPOSE_END = /\sđể\s*$/iu;
/** What "để" is for when the two read as one question: taking part, getting in, signing up, getting something. */
const PURPOSE_ACT = /^\s*(thi|vào|vao|dự thi|du thi|đăng ký|dang ky|lấy|lay|nhận|nhan|tải|tai)\b/iu;
/** "chỗ nào", "ở đâu", "làm sao", "ntn": asking where or how. */
const WHERE_OR_HOW = /\b(nao|dau|sao|ntn)\b/;
/** A clause that ends in "và"/"với"/"+": what follows belongs to the same request. */
const AND_END = /(\s(va|voi|vs)|\s*[+&])\s*$/;
/** "video hd vs nhóm zalo hỗ trợ ở đâu": a few words, then "và": a thing the next clause's question covers too. */
const SHORT_THING = /^\s*(\S+\s+){0,3}\S+(\s+(va|voi|vs)|\s*[+&])\s*$/;

/** Acts that need an object: "lấy ở đâu", "tải chỗ nào", "xem ở đâu" say nothing of what is taken or seen. */
const BARE_ACTS = new Set([
  "lay",
  "tai",
  "xem",
  "coi",
  "nop",
  "in",
  "tim",
  "kiem",
  "nhan",
  "bam",
  "tai ve",
  "lay lai",
  "tai lai",
  "in lai",
]);

/** Words of a clause that are neither question words, word classes nor numbers. */
function topicWords(r: Retrieval): string[] {
  return (r.analysis.readings[0]?.terms ?? []).filter((t) => !/^[qc]:|^\d+$/.test(t));
}

/**
 * A clause of one act and question words ("lấy ở đâu"), or, when no question follows it, of question words only
 * ("giờ hỏi ở đâu nữa"; "bác không biết làm thế nào" before the questions themselves is a sigh).
 */
function isBareAct(r: Retrieval, last: boolean): boolean {
  const words = topicWords(r);
  if (words.length === 0) return last && (r.analysis.readings[0]?.markers ?? []).some((m) => m !== "q:what");
  return words.length === 1 && BARE_ACTS.has(words[0]!.replace(/_/g, " "));
}

/** Does the message end like a question ("… không", "… ở đâu", "… gì vậy")? */
export function endsLikeQuestion(text: string): boolean {
  return QUESTION_END.test(fold(text));
}

/** One clause of a message, retrieved on its own, and whether it is the asking part. */
export interface ClauseReading extends Retrieval {
  asks: boolean;
  /** Ends like a question: a question mark or a question ending ("… vẫn thi được à?"). */
  endsAsking: boolean;
}

/**
 * Splits a message into clauses and reads each: its retrieval, and whether it asks (a question word, a
 * question mark, a request, a question ending) or is context. A request at either end of a "và"/"với" covers
 * both sides ("cho xin link thi và số hotline", "link thi với hotline cho e xin"); a clause and the purpose
 * after its "để" are one question ("làm sao để bài được tính hợp lệ"). With fewer than `atLeast` clauses, none.
 */
export function readClauses(question: string, retrieve: (text: string) => Retrieval, atLeast = 1): ClauseReading[] {
  const clauses = (markSplits(question).match(CLAUSE) ?? []).filter((c) => /\p{L}/u.test(c));
  // "vào chỗ nào để | thi", "làm sao để | đăng ký": where or how, and the act it serves, are one question.
  for (let i = clauses.length - 2; i >= 0; i--) {
    const joined = PURPOSE_END.test(clauses[i]!) && WHERE_OR_HOW.test(fold(clauses[i]!)) && PURPOSE_ACT.test(clauses[i + 1]!);
    if (joined) clauses.splice(i, 2, clauses[i]! + clauses[i + 1]!);
  }
  // Fewer clauses than the caller needs: none is retrieved (retrieval is most of a question's cost).
  if (clauses.length < atLeast) return [];
  const folded = clauses.map((c) => fold(c));
  const read = clauses.map((c, at) => {
    // "… bằng chữ ko để", "… có bị phạt gì không với cả": the question ends before its purpose or the next one.
    const f = folded[at]!.replace(EMOJI, "").replace(/\s+(de|va|voi|voi ca|voi lai|vs|kem|kem theo)\s*$/, "");
    const r = retrieve(c.replace(ENUMERATOR, " "));
    const asks =
      c.includes("?") ||
      REQUEST.test(f.replace(SALUTATION, " ")) ||
      QUESTION_END.test(f) ||
      WHICH.test(f) ||
      CHOICE_OR_HOW.test(f) ||
      NOT_YET.test(f) ||
      NUMBERED.test(f) ||
      r.analysis.readings.some((x) => x.markers.some((m) => m !== "q:what"));
    return { ...r, asks, endsAsking: c.includes("?") || QUESTION_END.test(f) };
  });
  // "cho tôi hỏi cái cuộc thi … ấy | thì đăng nhập bằng gì": the topic, then the question about it.
  for (let i = 0; i + 1 < read.length; i++) {
    if (!/^\s*thì\s/u.test(clauses[i + 1]!) || !/\b(ay|do|nay)\s*,?\s*$/.test(folded[i]!)) continue;
    read[i + 1]!.asks ||= read[i]!.asks;
    read[i]!.asks = false;
  }
  // "… chưa lấy giấy chứng nhận, lấy ở đâu", "… gọi hotline mãi ko ai nghe, giờ hỏi ở đâu": a bare act or a bare
  // question word asks about what the clause before named, so that clause is read with it (a purpose pair as one).
  for (let i = 1; i < read.length; i++) {
    if (!read[i]!.asks || read[i - 1]!.asks || !isBareAct(read[i]!, !read.slice(i + 1).some((r) => r.asks))) continue;
    const from = i >= 2 && PURPOSE_END.test(clauses[i - 2]!) ? i - 2 : i - 1;
    read[i] = {
      ...retrieve(
        clauses
          .slice(from, i + 1)
          .join(" ")
          .replace(ENUMERATOR, " "),
      ),
      asks: true,
      endsAsking: read[i]!.endsAsking,
    };
  }
  for (let i = 0; i + 1 < read.length; i++) {
    if (!PURPOSE_END.test(clauses[i]!)) continue;
    // "nội dung thi gồm những gì để | mình ôn trước": a question answered on its own; its purpose asks nothing more.
    if (read[i]!.asks && decide(read[i]!.ranked).kind === "answer") continue;
    const asks = read[i]!.asks || read[i + 1]!.asks;
    read[i]!.asks = asks;
    read[i + 1]!.asks = asks;
  }
  // "… thi được không | hay có giới hạn giờ": the other half of a choice asks too.
  // ("… thi được ko | hay chỉ người lớn thôi": an alternative of one word is the same question.)
  for (let i = 1; i < read.length; i++)
    if (/^\s*hay\s/.test(folded[i]!) && read[i - 1]!.asks && topicWords(read[i]!).length >= 2) read[i]!.asks = true;
  // "… muốn xem lại giấy chứng nhận mà không nhớ mật khẩu, cháu chỉ bác với": the plea asks what came before.
  for (let i = 1; i < read.length; i++) {
    if (!HELP_ONLY.test(folded[i]!.replace(EMOJI, ""))) continue;
    read[i - 1]!.asks = true;
    read[i]!.asks = false;
  }
  const listAt = folded.findIndex((f) => ANNOUNCES_LIST.test(f));
  if (listAt >= 0) for (const r of read.slice(listAt + 1)) r.asks = true;
  // "… lấy ở đâu ạ, với cả mã QR nữa ạ": one more thing asked the same way.
  for (let i = 1; i < read.length; i++) if (ONE_MORE.test(folded[i]!) && read[i - 1]!.asks) read[i]!.asks = true;
  let requestGoesOn = false;
  read.forEach((r, at) => {
    const f = folded[at]!;
    const next = folded[at + 1] ?? "";
    const carried =
      requestGoesOn ||
      (AND_END.test(f) && REQUEST.test(next)) ||
      (SHORT_THING.test(f) && !r.asks && (QUESTION_END.test(next) || WHICH.test(next) || next.includes("?")));
    requestGoesOn = (carried || REQUEST.test(f)) && AND_END.test(f);
    r.asks ||= carried;
  });
  return read;
}
