/**
 * Words that carry no topic in a resident's question. Checked on the accented form when the resident
 * typed diacritics ("thì" is a stopword, "thi" is the contest), else on the folded form, where only
 * words that stay unambiguous enough without marks are listed ("dang" = đang/đăng is not).
 */
export const ACCENTED_STOPWORDS: ReadonlySet<string> = new Set(
  `là thì có không nào gì thế như ơi ạ à ả ừ ờ ơ nhé nhá nha nhỉ hả hử hở vậy vầy đấy đây đó này kia ấy
  cho mình em anh chị bạn tôi tớ tui tao cháu bác cô chú ông bà cụ con sếp admin bot ad ai_đó
  hỏi xin giúp giùm dùm nhờ muốn cần được rồi với và hay hoặc mà của các những cái bị đã đang sẽ
  vẫn cũng rất lắm quá luôn dạ vâng ok ừm mọi nữa biết thấy hiểu nói bảo nghe để thôi vừa mới thử
  chút ấy đi ra lúc khi trong gồm cả về thường giờ bằng chào hello hi alo ở lỡ hồi
  ổng bả đứa bận vội gấp thật chắc hẳn kiểu hơi nó họ nếu nhưng vì nên tuy mãi cứ tưởng ủa pls plz please chả chẳng cùng chúng bọn`
    .split(/\s+/)
    .filter((w) => w && !w.includes("_")),
);

export const FOLDED_STOPWORDS: ReadonlySet<string> = new Set(
  `la co khong nao gi the nhu oi a nhe nha nhi ha hu vay vay day nay kia ay cho minh em anh chi ban toi
  tui tao chau bac chu ong ba admin bot ad hoi xin giup gium dum nho muon can duoc roi voi va hay
  hoac ma cua cac nhung cai bi da se van cung rat luon ok um moi nua biet thay hieu noi bao nghe
  de thoi vua thu chut di khi luc trong gom ca ve chao hello hi alo helo o lo ra
  gio kieu mai pls plz please no`
    .split(/\s+/)
    .filter(Boolean),
);

/** Pure fillers, dropped before syllable pairs are formed ("hết ạ hạn" reads as "hết hạn"). */
export const ACCENTED_FILLERS: ReadonlySet<string> = new Set(
  "ạ à ơi nhé nha nhỉ hả hử admin bot vâng dạ ok ừm ừ ờ ah đấy nè nhen ủa ê ta trời".split(" "),
);
export const FOLDED_FILLERS: ReadonlySet<string> = new Set(
  "a oi nhe nha nhi ha hu admin bot ok um u o ah uhm ne nhen ua ta troi".split(" "),
);

/**
 * Everyday words that never make a question about something else on their own ("chờ mãi", "làm nhanh",
 * "thuộc đối tượng", "đứng đầu"): when the content does not use one, it is a detail of the question, not a
 * word of another topic ("giá vàng", "điện nước" are). Accented forms; folded ones only where unambiguous.
 */
export const ACCENTED_LIGHT: ReadonlySet<string> = new Set(
  `chờ đợi mong tưởng nghĩ định thích cố gắng xem coi ngó nhìn đọc viết kể kêu nhắn gửi nhận lấy đưa mang cầm
  dùng xài làm đi đến tới vào lên xuống qua sang ngồi đứng nằm chạy bấm ấn nhấn chạm kéo lướt mở tắt bật quên nhớ
  tin sợ lo ngại rành tìm kiếm mãi hoài lâu nhanh chậm sớm muộn kịp ngay liền còn từng thường khá cực sự thêm lại đều cùng khó dễ
  khỏe khoẻ ốm rõ mệt rảnh rỗi tiện lười yếu kém tốt xấu đúng sai đủ thiếu nhiều ít vài mấy mỗi tất chỉ thuộc theo dựa vào rồi chứ
  nhất hơn kém bằng lúc nào đâu vì sao nên phải mà thì là của cho với tại bởi do`
    .split(/\s+/)
    .filter(Boolean),
);
export const FOLDED_LIGHT: ReadonlySet<string> = new Set(
  "nhanh kip ranh met lau som thuoc theo dua nhat hon xem doc nhin ngoi dung neu luoi hoai lam".split(" "),
);

/**
 * How something is done or felt ("nhanh", "gấp", "mệt"): even where a phrasing uses one ("ai làm nhanh hơn thì
 * được giải"), it says how, not what, so it never weighs more than a light word ("cho xin link thi nhanh").
 */
export const MANNER_WORDS: ReadonlySet<string> = new Set("nhanh gap voi som hoai luoi met ranh".split(" "));
