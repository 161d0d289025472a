import { PURPOSE_WORD } from "../nlp/word-classes.js";
import { fold } from "../text/fold.js";

/**
 * Where a message typed without punctuation splits into clauses: the points voice typing and bare typing hide
 * ("… hạn chót ngày nào tôi đang xây nhà", "… không load được chị thử mấy lần rồi"), found on the folded text
 * and marked with a comma (or "để" restored) in the message as typed.
 */
/**
 * A question that ends mid-message, then the asker goes on about themselves: "video hướng dẫn còn k ad e
 * muốn lưu làm tư liệu", "chuyên đề gì vậy ad e cần soạn nội dung". The question word, at least one address
 * word, then a person who speaks: the rest is context, a clause of its own. "có khó ko e học hết lớp 9 thôi":
 * "không", then the person and what they say.
 */
const ASKED_THEN_SELF =
  /\b(?:khong|ko|k|kh|hok|chua|j|gi|nao|dau|sao|ntn|bao h|bao gio|bao lau|bn|bao nhieu)(?:\s+(?!(?:e|em|minh|toi)\b)\S+)?(?:\s+(?:a|ad|ak|ah|vay|z|v|nhi|ha|oi|bot|mn|nhe|nha|chau|bac))+(?=\s+(?:e|em|chau|con|minh|mk|toi|tui|bac|ba|ong|co|chu|anh|chi|me|bo|vo|chong)\s)|\b(?:khong|ko|k|kh|hok|chua)\s+(?:a|ad|ak|ah|admin)(?=(?:\s+\S+){2,})|\b(?:khong|ko|k|kh|hok|chua)(?=\s+(?:e|em|chau|con|minh|mk|toi|tui)\s+(?!(?:ma|oi|a|ah|nhe|nha|voi|vs)\b)\S+\s+\S+)/g;
/**
 * "bao nhiêu câu vậy ad có khó không": a question answered, then a yes/no question about something else.
 */
const SECOND_YES_NO =
  /\b(?:bn|bao nhieu|may|gi|j|nao|dau)(?:\s+\S+)?(?:\s+(?:a|ad|ak|ah|vay|z|v|nhi|ha|oi|bot|mn|nhe|nha))+(?=\s+co\s+\S+(?:\s+\S+)?\s+(?:khong|ko|k|kh|hok|chua)\b)/g;
/**
 * "thi bao nhiêu câu hạn đến ngày nào": a count asked, then a second question with its own question word.
 */
const COUNT_THEN_ASK = /\b(?:bao nhieu|bn|may)\s+\S+(?=(?:\s+\S+){1,4}\s+(?:nao|bao gio|bao h|khi nao|o dau)\b)/g;
/**
 * "tổ trưởng nhắn phải thi trước tuần sau giờ còn vào thi được nữa không": "(bây) giờ" then what is possible
 * now starts the question ("mấy giờ", "8 giờ" and "giờ giấc" do not).
 */
const NOW_THEN =
  /(?<!\b(?:may|bao|\d+|mot|hai|ba|bon|nam|bay|tam|chin|muoi|tu|den|luc|cung|khung|gio)\s)(?<!(?<!\b(?:tuan|hom|ngay|thang) )\bsau\s)(?<=\S\s+(?:\S+\s+){2,})(?=\b(?:bay gio|gio|h) (?:con|co|thi|phai|muon|moi|lam|vao|dang ky|dky|dk|em|e|minh|toi|bac|chau|ba)\b)/g;
/**
 * "để" typed bare after a request or before the person it serves ("cho xin link de e kéo cả nhà vào",
 * "tài liệu bằng chữ ko de con in ra"): the purpose, as the marked "để" is. Elsewhere a bare "de" may be
 * "đề" (the test) or "dễ" (easy), so it stays.
 */
const BARE_PURPOSE =
  /(?<=\s(?:xin|giup|gium|dum|voi|vs|ad|a|ak|ah|nhe|nha)\s)de(?=\s)|(?<=\s)de(?=\s+(?:e|em|chau|con|minh|mk|toi|tui|ba|bac|ong|anh|chi|chu|bo|me|mn|moi nguoi|ca nha)\s)/g;

/**
 * "… thằng cháu bảo làm bài có tính giờ, cháu cho bác hỏi làm bài được bao nhiêu phút": after context, "(cháu)
 * cho bác hỏi" starts the question. "bắt đầu từ hôm nào mà tổ phải đạt bao nhiêu": a question word, then "mà"
 * and a second question.
 */
const ASK_STARTS =
  /(?<=\S\s+(?:\S+\s+){2,})(?<!\b(?:chau|em|e|con|ad|admin|oi)\s)(?=\b(?:(?:chau|em|e|con|ad|admin|oi)\s+)?cho (?:bac|em|e|minh|mk|toi|tui|chau|con|co|chu|anh|chi|ba|ong) hoi\b)|(?<=\b(?:nao|dau|bao gio|bao nhieu|bn))(?= ma\s+\S+\s+\S+)/g;

/** "… bấm vào thì nó bắt đăng nhập chị không biết đăng ký kiểu gì": after what happened, what the asker does not know. */
const DOES_NOT_KNOW =
  /(?<=\S\s+(?:\S+\s+){3,})(?<!\b(?:ma|nhung|va|thi|la)\s)(?=\b(?:e|em|minh|toi|tui|chau|con|bac|chi|anh|co|chu|ba|ong)\s+(?:khong|ko|k|chua|chang|cha)\s+biet\b)/g;

/** "… làm trên điện thoại được không chị tại em đi làm ca về muộn": a question, then why the asker asks. */
const BECAUSE_AFTER_QUESTION =
  /\b(?:khong|ko|k|kh|chua|nao|dau|gi|j)(?: (?:a|ad|chi|anh|em|e|ban|bac|chau|co|chu|oi|vay|nhe|nha))* (?=(?:tai|vi|tai vi|boi vi) (?:e|em|minh|toi|tui|chau|con|bac|chi|anh|nha)\s)/g;
/** "… làm ruộng cả ngày tối mới rảnh chị muốn hỏi là …": after context, "(I) want to ask" starts the question. */
const WANTS_TO_ASK = /(?<=\S\s+(?:\S+\s+){3,})(?=\b(?:(?:e|em|minh|toi|tui|chau|con|bac|chi|anh|co|chu)\s+)?muon hoi\b)/g;
/** "… mất bao lâu mới xong vì tối còn phải nấu cơm": the reason after a question is context. */
const REASON_AFTER = /(?<=\S\s+(?:\S+\s+){3,})(?=\b(?:vi|tai vi|boi vi) (?:e|em|minh|toi|tui|chau|con|bac|chi|anh|nha)\s+\S+)/g;
/** "chị đăng ký tài khoản rồi nhưng mà học đến chuyên đề 3 thì không load được": what went wrong starts after "nhưng". */
const CONTRAST = /(?<=\S\s+(?:\S+\s+){3,})(?=\bnhung (?:ma )?\S+\s+\S+)/g;
/** "… nó cứ quay quay không load được chị thử mấy lần rồi …": what failed, then what the asker did about it. */
const FAILED_THEN = /\b(?:khong|ko|k|chua) (?:load|vao|mo|tai|dang nhap|hien) (?:duoc|dc)(?= \S+ \S+)/g;

/**
 * "cái cuộc thi mà tổ trưởng vừa đọc trên loa ấy thì bác vào chỗ nào để thi": a topic named at length, closed by
 * "ấy/đó/này thì"; the question follows ("thì" typed with its mark: bare "thi" may be the test).
 */
const TOPIC_THEN = /(?<=\S\s+(?:\S+\s+){3,}(?:ay|do|nay)) (?=thi\s+\S+\s+\S+)/g;

/** "học ở đâu để thi vậy mn e mới nghe tổ trưởng nói": after the question, where the asker heard of it. */
const HEARD_FROM = /(?<=\S\s+(?:\S+\s+){2,})(?=\b(?:e|em|minh|toi|tui|chau|con|bac) (?:moi|vua|cung) (?:nghe|doc|thay)\b)/g;

/**
 * Voice typing leaves no punctuation: "… hạn chót là ngày nào tôi đang xây nhà tay bẩn", "có video không chứ bác
 * mắt kém": after something that ends like a question, a person and what they are doing start the context.
 */
const SELF_AFTER_QUESTION =
  /(?<=\S\s+(?:\S+\s+){2,}(?:nao|dau|gi|j|khong|ko|chua)(?: (?:a|ad|vay|the|chu|nhi|ha|oi|nhe|nha))*) (?=(?:toi|tui|em|e|bac|chau|minh|con|anh|chi) (?:dang|muon|gia|mat|khong biet|ko biet|chua|moi|vua|cung|can|phai)\b)/g;
/**
 * "em đang chạy xe nói nhanh nhé cuộc thi kết thúc ngày nào", "… gửi gì là dễ hiểu nhất ạ có video không": a
 * sentence ended by "nhé" or "ạ", then the question.
 */
const AFTER_PARTICLE = /\b(?:nhe|nha|nhen|a)(?= \S+ \S+ \S+)/g;

/** "… bằng vneid đc k ạ cho đỡ phải nhớ mk": after the question, "cho đỡ/tiện/nhanh/chắc" is its purpose. */
const PURPOSE_CHO = /\b(?:khong|ko|k|kh|a|ad|nhe|nha|voi|vs)\s+(?=cho (?:do|tien|nhanh|chac)\b)/g;

/** The message with the split points only bare typing hides: a comma after a question, "để" for "de". */
export function markSplits(question: string): string {
  const raw = question.normalize("NFC");
  const folded = fold(raw);
  // fold() keeps an NFC string's length, so positions found in the folded text hold in the raw one.
  if (folded.length !== raw.length) return raw;
  const edits: Array<[at: number, cut: number, put: string]> = [];
  for (const m of folded.matchAll(ASKED_THEN_SELF)) edits.push([m.index + m[0].length, 0, ","]);
  for (const m of folded.matchAll(SECOND_YES_NO)) edits.push([m.index + m[0].length, 0, ","]);
  for (const m of folded.matchAll(COUNT_THEN_ASK)) {
    // "mấy" or "may" typed bare, not "máy" (a machine: "xe máy chính chủ làm ở đâu")
    if (!/^(máy|mày|mây|mảy)\s/i.test(raw.slice(m.index))) edits.push([m.index + m[0].length, 0, ","]);
  }
  for (const m of folded.matchAll(HEARD_FROM)) edits.push([m.index, 0, ", "]);
  for (const m of folded.matchAll(DOES_NOT_KNOW)) edits.push([m.index, 0, ", "]);
  for (const m of folded.matchAll(CONTRAST)) {
    // "nhưng" typed with its mark, or bare "nhung mà": bare "nhung" alone is more often "những" (gồm những gì)
    if (/^nhưng$/iu.test(raw.slice(m.index, m.index + 5)) || folded.startsWith("nhung ma ", m.index)) edits.push([m.index, 0, ", "]);
  }
  for (const m of folded.matchAll(BECAUSE_AFTER_QUESTION)) edits.push([m.index + m[0].length - 1, 0, ","]);
  for (const m of folded.matchAll(FAILED_THEN)) edits.push([m.index + m[0].length, 0, ","]);
  for (const m of folded.matchAll(WANTS_TO_ASK)) edits.push([m.index, 0, ", "]);
  for (const m of folded.matchAll(REASON_AFTER)) edits.push([m.index, 0, ", "]);
  for (const m of folded.matchAll(TOPIC_THEN)) {
    if (/^thì$/u.test(raw.slice(m.index + 1, m.index + 4))) edits.push([m.index, 0, ","]);
  }
  for (const m of folded.matchAll(SELF_AFTER_QUESTION)) edits.push([m.index, 0, ","]);
  for (const m of folded.matchAll(AFTER_PARTICLE)) {
    // "nhé" or "nha" typed bare, not "nhà" (a house)
    if (/^(nhe|nhé|nha|nhá|nhen|ạ)$/.test(raw.slice(m.index, m.index + m[0].length).toLowerCase()))
      edits.push([m.index + m[0].length, 0, ","]);
  }
  for (const m of folded.matchAll(NOW_THEN)) edits.push([m.index, 0, ", "]);
  for (const m of folded.matchAll(ASK_STARTS)) edits.push([m.index, 0, ","]);
  for (const m of folded.matchAll(PURPOSE_CHO)) edits.push([m.index + m[0].length, 0, `${PURPOSE_WORD} `]);
  for (const m of folded.matchAll(BARE_PURPOSE)) {
    if (raw.slice(m.index, m.index + 2).toLowerCase() === "de") edits.push([m.index, 2, PURPOSE_WORD]);
  }
  let out = raw;
  for (const [at, cut, put] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, at) + put + out.slice(at + cut);
  return out;
}
