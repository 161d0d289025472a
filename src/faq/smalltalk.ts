import type { Analyse } from "../nlp/normalise.js";

export type SmalltalkKind = "greeting" | "thanks" | "goodbye" | "help" | "guide" | "ack" | "about" | "insult";

/** Address words and particles around small talk: "chào ad ạ", "cảm ơn bạn nhiều nhé", "chào cả nhà" (nguoi_nha). */
const AROUND = new Set(
  `a oi nhe nha nhi ha ad admin bot em anh chi ban minh toi chau co chu bac ong ba moi nguoi shop ca nha
  nhieu rat nhe nhen ne vay day ah u um uh a q:what q:how phuong cac tat ca nguoi_nha`.split(/\s+/),
);

/** "người hay máy", "(có) phải người thật (trả lời) không", "máy trả lời à": asking whether a person answers. */
const WHO_ANSWERS = [
  // ("người" is an address word, already dropped)
  "(q:many )?(la |phai )?(robot|may|q:many|tu dong|hay (may|q:many|robot|bot)|hoac (may|q:many|robot|bot))",
  "(la |phai )that(_khong)?",
  // "ai đang trả lời tin nhắn vậy"
  "(q:who|ai) (dang )?(tra loi|nhan tin|rep|chat)( tin nhan)?",
  "that (tra loi|nhan tin|chat)",
  // "mày là ai", "mi là ai" ("mày" folds like "mấy"); "mày là bot à"
  "(q:many|mi) q:who",
  "(q:many|mi) (la|phai)( robot| may| nguoi)?",
]
  .map((a) => `${a}( (tra loi|nhan tin|chat|tu dong))*( (khong|ko|k|a|ha|ah|q:what))?`)
  .join("|");
/** Rude words about the bot or its answers, with intensifiers; "(trả lời) như c…" and "biết gì đâu" too. */
const INSULT =
  "((tra loi|noi|rep) )?(q:many )?(vua |that |qua |rat )?(ngu|ngok|ngoc|dot|dan|ngao|vo dung|vo tich su|do te|do|kem|te|lo|rac|vo van|tao lao|dien|khung|nhu( (chi|c|cut|shit|l|cc|qq|con c))?|(chang|cha|khong|co) biet (gi|q:what)( (het|ca|q:where))?|biet (gi|q:what) khong|biet (gi|q:what) q:where)( (qua|the|vay|lam|vcl|vl|vai|vkl|that|that su|nhi|ha|oi|the nay|the nhi|het cho|het suc|nhu bo|nhu cho))*";

const PATTERNS: Array<[SmalltalkKind, RegExp]> = [
  // "Kính chào Ban quản trị trang", "dạ em chào anh chị ạ"
  [
    "greeting",
    /^(da |vang )?(xin |kinh )?(chao|hello|hi|helo|hey|alo|he lo|hi there|good morning)( (quan tri|quan tri vien|dong chi))?( link)?( (buoi )?(sang|trua|chieu|toi))?$/,
  ],
  // "alo alo", "chào cháu nhé bác chào cháu": a greeting said twice
  ["greeting", /^(alo|hello|hi|chao)( (alo|hello|hi|chao))+$/],
  // "chào buổi trưa ad ăn cơm chưa", "hello ad chúc ad buổi tối vui vẻ": a greeting and a pleasantry
  ["greeting", /^(xin )?(chao|hello|hi|alo)( buoi (sang|trua|chieu|toi)| khung_gio)?( an com chua| chuc .+)$/],
  // "chào ad, trưa rồi chưa nghỉ à": a greeting and a pleasantry
  ["greeting", /^(xin )?(chao|hello|hi|alo)( (trua|toi|muon) roi)? (chua nghi|nghi chua|chua ngu|an trua chua)$/],
  // "ad có ở đó không", "có ai ở đây không": is anyone there
  // ("đây", "có" and "mọi" are address words here, already dropped)
  ["greeting", /^((xin )?(chao|hi|hello|alo) )?(ai )?(o( do)?|do) (khong|chua)$/],
  ["greeting", /^chuc mung( nam( moi)?| ngay .+)?( som)?$/],
  // "chào em, lâu quá không nhắn tin, em vẫn khỏe chứ": a greeting and how are you ("chứ" is an address word)
  ["greeting", /^((xin )?(chao|hello|hi|alo)( .+)? )?(van |co )?khoe( (khong|ha))?$/],
  ["greeting", /^(co ai khong|co ai|ai khong|ai day|ai vay|ai the)$/],
  // "bạn là ai", "bot tên gì", "bạn là người hay máy", "có phải người thật trả lời không": the bot itself
  ["about", new RegExp(`^(la )?(q:who|ten (gi|q:what)|${WHO_ANSWERS})$`)],
  // "bot ngu quá", "trả lời như c", "biết gì đâu": rude, answered politely, never sent on to the hotline
  ["insult", new RegExp(`^${INSULT}$`)],
  [
    "thanks",
    /^((ok|da|vang|roi|duoc|hay qua|tuyet qua|tuyet voi) )*(xin )?(cam on|cam on you|thank you|thank)( (ok|nhe|lam))?( (da )?(ho tro|giup do|tra loi|tu van|huong dan|giai dap)( (nhiet tinh|tan tinh|chu dao|nhanh))?)?( chuc .+)?( (gioi|hay|nhanh|nhiet tinh|tan tinh|thong minh)( (qua|lam|the|ghe|that))*)?( giup (duoc|dc) (roi)?)?$/,
  ],
  // "bot trả lời nhanh ghê", "thông minh quá": praise, answered like an acknowledgement
  [
    "ack",
    /^((hihi|haha|hehe) )?(tra loi )?(nhanh|hay|gioi|thong( minh)?|chuan|chinh xac|nhiet tinh|tuyet|de thuong|dang yeu|cute|helpful|great|nice|good)( (ghe|qua|the|vay|lam|that|ha|phet))*$/,
  ],
  [
    "goodbye",
    /^((ok|oke|vang|da|thoi|hieu roi|biet roi) )*(tam biet|bye|bai|bye bye|hen gap lai|ngu ngon|good night|goodnight|chuc (.+ )?(vui ve|ngu ngon|suc khoe|manh khoe|khoe|may man|thanh cong|tot lanh|an lanh|cong tac tot))( (di ngu|di nghi|nghi|off))?$/,
  ],
  // "bác đi ngủ đây", "thôi e off nhé": leaving the chat
  ["goodbye", /^(thoi )?(di ngu|di nghi|off|out)( (thoi|nhe|nha|day))*$/],
  [
    "help",
    /^((xin )?chao )?(help|menu|tro giup|giup|giup do|start|huong dan su dung bot|(bot )?(lam|hoi|tra loi|giup) (duoc )?(nhung )?(gi|q:what)( (o day|o|duoc|vay|cho))*|co the hoi gi)$/,
  ],
  ["guide", /^(huong dan|hd|video|video huong dan|huong dan video|tai lieu|tai lieu huong dan|huong dan thi|huong dan du thi)$/],
  [
    "ack",
    /^(ok|oke|okay|vang|da|u|uh|roi|duoc|da vang|da roi|ok roi|hieu roi|da hieu|(ok|vang|da) (da )?hieu( roi)?|biet roi|ok duoc|duoc roi|hay qua|tuyet|tuyet voi|tot qua|gioi qua|hihi|haha|hehe|good|good job|nice)$/,
  ],
];

/** Lowercase NFC letters, digits and spaces: punctuation and emoji dropped. */
function lettersOnly(text: string): string {
  return text
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .trim();
}

/**
 * Recognises a message that is only small talk (a greeting, thanks, "menu", "hướng dẫn"...).
 * "chào ad, bao giờ hết hạn?" is not: it carries a question, which the FAQ answers.
 */
export function smalltalkKind(text: string, analyse: Analyse): SmalltalkKind | null {
  const raw = lettersOnly(text);
  // A sticker-like message: only emoji ("👍", "❤️").
  if (!raw) return /\p{Extended_Pictographic}/u.test(text) ? "ack" : null;
  // analyse() folds, expands shorthand ("tks" → cảm ơn) and drops formulas; we keep the folded words.
  const words = analyse(raw)
    .key.split(" ")
    .filter((w) => w && !AROUND.has(w));
  const core = words.join(" ");
  // Only address words ("ad ơi", "bot"): someone is calling for attention.
  if (!core) return "greeting";
  for (const [kind, re] of PATTERNS) if (re.test(core)) return kind;
  return null;
}

/** Inside a longer message: asking whether a person or a machine answers, whether the bot still works, whether anyone is on duty. */
const ABOUT_WITHIN =
  /\b(nguoi that|nguoi hay (may|q:many|robot|bot)|(may|q:many|robot) hay nguoi|robot|tu dong tra loi|tra loi tu dong|co phai nguoi|(bot|ban|ad|admin)( nay)?( gio| bay gio| van)? (con )?(hoat dong|song|chay|lam viec|tra loi)|(ban|bot) q:who|ai (lap|tao|lam|viet|thiet ke) ra (ban|bot|chuong trinh|phan mem|ung dung|cai (bot|may|chuong trinh))|ai lap trinh|(bot|ban|ad|admin) (co )?biet (noi chuyen|tro chuyen|chat|noi tieng|tieng|noi tieng_\w+|tieng_\w+)|(bot|ban|ad|admin) con song|tra loi may moc|(bot|ban)( nay)? (co )?nho (toi|minh|em|bac|chau|tui)|(co )?(ai|nguoi|can bo) truc)\b/;
/** Rude words inside a longer message ("bot ngu thế, hỏi mãi không trả lời đúng"). */
const INSULT_WITHIN =
  /\b(ngu|ngok|dot|ngao|vo dung|vo tich su|vo ich|do te|rac ruoi|tao lao|lan man|dai dong|linh tinh|vo nghia|nhu (cai )?may|vo van|oc cho|te qua|kem qua|do ec|do et|chan qua|lang nhang|kho hieu|gi cung (khong|chang) biet|chan (the|that|qua)|vong vo|cham (the|qua|nhu rua|nhu sen)|doi mai|buc (ca )?minh|buc (ghe|qua|the)|mai (khong|chang) hieu|chan (vl|vcl|ghe|lam)|(khong|chang) (ai )?tra loi|(khong|chang) (thay )?ai tra loi|(cha|chang|khong) (duoc )?(cau|cai) (q:what|nao) ra hon)\b/;
/** Words typed with marks that fold like a rude word: "đợt" (a round), "ngủ" (sleep). */
const INSULT_LOOKALIKES = /(^|\s)(đợt|đốt|ngủ|ngừ|đỏ|dỗ)(\s|$)/u;
/** Someone is addressed or answers are judged: the rude word is about the bot, not a topic. */
const AT_BOT = /\b(bot|ad|admin|ban|tra loi|rep|may nay|cai nay|voi may|cai may|hoi mai|hoi hoai)\b/;
/** A clause that asks something: a question word, a yes/no ending, a request. */
const ASKING = /q:|\b(khong|chua|xin|hoi|giup|sao|nao|dau|gi|the nao)\b/;
/** A message that ends in a goodbye ("… bye ad nhé", "… tạm biệt"). */
const BYE_AT_END = /\b(bye|bye bye|bai bai|tam biet|pp)( (ad|admin|bot|nhe|nha|nhen|a|oi|nhe ad))*$/;
/** Acknowledgements around a thanks: "ok e hiểu r, thanks". */
const ACK_WORDS = new Set("ok oke da vang roi hieu biet duoc nhe nha em minh toi nhieu lam a u uh ha".split(" "));

/**
 * Small talk inside a message the FAQ could not answer: "bạn là người thật hay máy vậy", "bot ngu thế, hỏi
 * mãi không trả lời đúng", "ok e hiểu r, thanks". Checked only after the FAQ, so a question that also
 * carries such words ("bot ơi link thi ở đâu") is answered as a question.
 */
export function smalltalkWithin(text: string, analyse: Analyse): "about" | "insult" | "thanks" | "greeting" | "goodbye" | null {
  const letters = lettersOnly(text);
  const key = analyse(letters).key;
  if (ABOUT_WITHIN.test(key)) return "about";
  const words = key.split(" ").filter(Boolean);
  // "đợt 2", "ngủ": the same letters as a rude word, typed with other marks.
  const rude = INSULT_WITHIN.test(key) && !INSULT_LOOKALIKES.test(letters);
  if (rude && (AT_BOT.test(key) || words.length <= 8)) return "insult";
  const rest = key
    .replace(/\b(xin )?(cam on|thank you|thanks|thank)\b/g, " ")
    .split(" ")
    .filter(Boolean);
  if (rest.length < words.length && rest.every((w) => ACK_WORDS.has(w) || AROUND.has(w))) return "thanks";
  // "thôi e đi làm ca đêm đây bye ad nhé": news, then a goodbye, and nothing asked.
  if (BYE_AT_END.test(key) && !ASKING.test(key)) return "goodbye";
  // "Cảm ơn em đã giải đáp, nhà trường sẽ triển khai ngay", "Chào cháu, chúc cháu buổi sáng an lành", "cháu
  // ngoan quá, bà cảm ơn, để bà khoe với hội": small talk in the first two clauses, around statements that ask
  // nothing (the FAQ found no question in it).
  const clauses = text.split(/[,.;!\n]+/).filter((c) => c.trim());
  if (clauses.length < 2) return null;
  const kinds = clauses.slice(0, 2).map((c) => smalltalkKind(c, analyse));
  const at = kinds.findIndex((k) => k === "thanks" || k === "greeting");
  if (at < 0) return null;
  const opening = kinds[at] as "thanks" | "greeting";
  const asks = text.includes("?") || clauses.some((c, i) => i > at && ASKING.test(analyse(lettersOnly(c)).key));
  return asks ? null : opening;
}
