import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/content/lexicon.js";
import { smalltalkKind, smalltalkWithin } from "../../src/faq/smalltalk.js";
import { createAnalyser } from "../../src/nlp/normalise.js";

const analyse = createAnalyser(loadLexicon("content"));

describe("small talk as residents type it", () => {
  it.each([
    ["chào ad", "greeting"],
    ["chao em, lau qua k nhan tin, em van khoe chu", "greeting"],
    ["alo alo", "greeting"],
    ["ad ơi có đó ko", "greeting"],
    ["có ai ở đây không", "greeting"],
    ["good morning", "greeting"],
    ["thank you", "thanks"],
    ["dạ vâng em cảm ơn", "thanks"],
    ["cảm ơn ad đã hỗ trợ nhiệt tình", "thanks"],
    ["chúc ad buổi tối vui vẻ", "goodbye"],
    ["ngủ ngon", "goodbye"],
    ["hay quá", "ack"],
    ["👍", "ack"],
    ["xin chào phường", "greeting"],
    ["chào các bạn", "greeting"],
    ["bạn có phải người thật không", "about"],
    ["ai đang trả lời tin nhắn vậy", "about"],
    ["bot trả lời nhanh ghê", "ack"],
    ["bot thông minh ghê", "ack"],
    ["hay quá cảm ơn", "thanks"],
    ["cảm ơn phường", "thanks"],
    ["cảm ơn, chúc sức khỏe", "thanks"],
    ["cám ơn ad đã giải đáp", "thanks"],
    ["cảm ơn bạn đã trả lời tận tình", "thanks"],
    ["ok bye ad nhé", "goodbye"],
    ["chào buổi sáng ad, ăn cơm chưa", "greeting"],
    ["chào bot, bạn giúp được gì", "help"],
    ["em hỏi được những gì ở đây", "help"],
    ["hi mn, ad có đó k", "greeting"],
    ["chúc các cháu cán bộ phường mạnh khỏe nhé", "goodbye"],
    // voice typing and the elderly's ways: a greeting twice, thanks with praise, good night then leaving
    ["chào cháu nhé bác chào cháu", "greeting"],
    ["cảm ơn cháu nhiều nhé cháu giỏi quá", "thanks"],
    ["chúc cháu buổi tối vui vẻ bác đi ngủ đây", "goodbye"],
    ["good night ad", "goodbye"],
    // "does the bot know anything": rude, answered politely
    ["bot co biet gi ko vay", "insult"],
    ["ok e hiểu r", "ack"],
    ["may la ai", "about"],
    ["bạn giúp được gì cho tôi", "help"],
    ["cam on ban nhieu nhe, giup dc bac roi", "thanks"],
  ])("%s → %s", (q, kind) => {
    expect(smalltalkKind(q, analyse)).toBe(kind);
  });

  it.each([["cảm ơn, cho hỏi giải nhất bao nhiêu"], ["chào ad, bao giờ hết hạn"], ["ai ở đâu"], ["không"]])(
    "leaves a question to the FAQ: %s",
    (q) => {
      expect(smalltalkKind(q, analyse)).toBeNull();
    },
  );
});

describe("small talk inside a message the FAQ could not answer", () => {
  it.each([
    ["ban la nguoi that hay may vay", "about"],
    ["bot con hoat dong ko vay", "about"],
    ["bot này giờ còn hoạt động ko vậy", "about"],
    ["chào ad, chủ nhật có ai trực không ạ", "about"],
    ["bot gi ma tra loi lan man the, chan", "insult"],
    ["trả lời như cái máy, chán", "insult"],
    ["Bạn là AI à hay là cán bộ phường trực?", "about"],
    ["Bot ngu thế, hỏi mãi không trả lời đúng cái gì", "insult"],
    ["bot vo dung that su", "insult"],
    ["bot vô dụng thật sự", "insult"],
    ["cháu ngoan quá, bà cảm ơn, để bà khoe với hội phụ nữ", "thanks"],
    ["Cảm ơn em đã giải đáp, nhà trường sẽ triển khai ngay.", "thanks"],
    ["Chào cháu, chúc cháu buổi sáng an lành.", "greeting"],
    ["thanks bot nha, helpful ghê", "thanks"],
    ["ok e hieu r, thanks", "thanks"],
    ["bot có biết nói chuyện không hay chỉ trả lời máy móc", "about"],
    ["trả lời gì mà lằng nhằng khó hiểu thế, chán", "insult"],
    ["hỏi gì cũng k biết, chán", "insult"],
    ["nhắn từ sáng ko thấy ai trả lời, chán thật", "insult"],
    ["Kính chào Ban quản trị trang, chúc các đồng chí công tác tốt.", "greeting"],
    ["thôi em đi trực ca tối đây, bye ad nhé", "goodbye"],
    ["hỏi thì ko ai trả lời, chán vl", "insult"],
    ["ad rep chậm thế, đợi mãi", "insult"],
    ["trả lời vòng vo quá bot ơi", "insult"],
    ["ai làm ra cái chương trình trả lời này thế cháu", "about"],
    ["bot có biết nói tiếng anh ko", "about"],
    ["ad oi ad con song ko 😂", "about"],
    ["nói chuyện với máy chán quá vô dụng", "insult"],
    ["trả lời gì mà lâu quá dzậy, bot dở ẹc 😤", "insult"],
    ["chán thế, hỏi gì cũng ko biết", "insult"],
    ["bot này có nhớ tôi ko", "about"],
  ])("%s → %s", (q, kind) => {
    expect(smalltalkWithin(q, analyse)).toBe(kind);
  });

  it.each([["giá vàng hôm nay"], ["thi bằng lái xe ở đâu"], ["cảm ơn, cho hỏi giải nhất bao nhiêu"], ["ngủ dậy muộn có thi kịp không"]])(
    "is not small talk: %s",
    (q) => {
      expect(smalltalkWithin(q, analyse)).toBeNull();
    },
  );
});
