import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/content/lexicon.js";
import { createAnalyser } from "../../src/nlp/normalise.js";
import { PERSON, PROVINCE } from "../../src/nlp/word-classes.js";

// The contest's content: general Vietnamese from code plus content/lexicon.yaml.
const analyse = createAnalyser(loadLexicon("content"));

const key = (s: string) => analyse(s).key;
const terms = (s: string) => analyse(s).readings[0]!.terms;

describe("analyse: folding", () => {
  it.each([
    ["Đăng ký", "dang ky"],
    ["ĐĂNG KÝ DỰ THI", "dang ky du thi"],
    // decomposed input (some keyboards) folds like composed input
    ["khi nào hết hạn".normalize("NFD"), "q:when het han"],
    ["Hết   hạn?!", "het han"],
    ["Giải thưởng", "giai thuong"],
  ])("%s → %s", (input, out) => {
    expect(key(input)).toBe(out);
  });
});

describe("analyse: shorthand (teencode)", () => {
  it.each([
    ["ko vao dc", "khong vao duoc"],
    ["k dc a", "khong duoc anh"],
    ["đc ko", "duoc khong"],
    ["thi j", "thi gi"],
    ["thi ntn", "thi q:how"],
    ["hnay thi dc ko", "thi duoc khong"],
    ["ad oi", ""],
    ["mn oi", "oi"],
    ["sdt ho tro", "dien_thoai ho tro"],
    // shorthand is read before drawn-out letters are squeezed: "cccd" is not "cd"
    ["cccd", "cancuoc"],
    ["quen mk", "quen mat khau"],
    ["dky thi", "dang ky thi"],
    ["tks ad", "cam on admin"],
  ])("%s → %s", (input, out) => {
    expect(key(input)).toBe(out);
  });

  it("tries both readings of ambiguous shorthand", () => {
    const readings = analyse("giai nhat dc bn").readings;
    expect(readings.map((r) => r.markers.includes("q:many"))).toEqual([true, false]);
  });

  it("reads ambiguous shorthand by its neighbours when they decide it", () => {
    // "bn câu": a count; "cảm ơn bn", "bn ơi": the person addressed.
    expect(analyse("bn cau").readings.map((r) => r.markers.includes("q:many"))).toEqual([true]);
    expect(key("cảm ơn bn nhiều nha")).toBe("cam on ban nhieu nha");
    expect(key("bn oi")).toBe("ban oi");
  });

  it("splits syllables typed without spaces and reads numbers said as words", () => {
    expect(key("baogiohethan thi")).toBe(key("bao gio het han thi"));
    expect(key("giaiba duoc may trieu")).toBe(key("giai ba duoc may trieu"));
    // too short to tell from a foreign word
    expect(key("robot")).toBe("robot");
    expect(key("mười một tháng mười một")).toBe(key("11/11"));
    expect(key("hai mươi câu")).toBe(key("20 câu"));
  });

  it("drops a name said before what that person said, and keeps 'thì' apart from 'đề thi'", () => {
    expect(key("Chị Mai bảo thi đến 11/12")).toBe(key("chị bảo thi đến 11/12"));
    expect(key("cuộc thi viết về Bác Hồ")).toContain("ho");
    expect(key("học mấy chuyên đề thì mới được thi")).toContain("chuyen de thi");
  });

  it("reads a clock time as 'giờ', not as numbers to match", () => {
    expect(key("8h30 tối")).toBe(key("giờ tối"));
    expect(key("nộp sau 12h đêm")).toBe(key("nộp sau giờ đêm"));
    expect(key("11h59")).toBe(key("giờ"));
  });
});

describe("analyse: Telex and VNI leftovers", () => {
  it.each([
    ["dawng kys", "dang ky"],
    ["ddax hetes hanj chuwa", "da het han chua"],
    ["cuoocj thi", "cuoc thi"],
    ["d9a8ng ky1", "dang ky"],
    ["khoong vaof dduwowcj", "khong vao duoc"],
  ])("%s → %s", (input, out) => {
    expect(key(input)).toBe(out);
  });

  it("leaves loanwords and real syllables alone", () => {
    expect(key("zalo web ios video")).toBe("zalo link ios video");
    expect(key("thi tren dien thoai")).toBe("thi tren dien_thoai");
  });
});

describe("analyse: stopwords, markers and pairs", () => {
  it("drops fillers and keeps topic syllables", () => {
    expect(terms("cho em hỏi với ạ, giải nhất được bao nhiêu tiền vậy ad")).toEqual(["giai", "nhat", "tien"]);
  });

  it("keeps 'thi' (the contest) but drops 'thì' when typed with marks", () => {
    expect(terms("muốn thi thì làm sao")).toEqual(["thi"]);
  });

  it("turns question words into markers", () => {
    const r = analyse("bao giờ kết thúc, thi ở đâu, thi như thế nào, bao nhiêu câu").readings[0]!;
    expect(r.markers).toEqual(["q:when", "q:where", "q:how", "q:many"]);
  });

  it("forms syllable pairs across stopwords", () => {
    expect(analyse("hết hạn").readings[0]!.pairs).toContain("het+han");
    expect(analyse("giải thưởng").readings[0]!.pairs).toContain("giai+thuong");
    // "chỉ tiêu" (a target) is one word, not "chi" + "tiêu"
    expect(analyse("chỉ tiêu").readings[0]!.terms).toEqual(["chitieu"]);
    // "công bố" (announce) is one word, typed with or without marks; "bố" alone is family
    expect(analyse("công bố kết quả").readings[0]!.terms).toEqual(analyse("cong bo ket qua").readings[0]!.terms);
    expect(analyse("bố tôi thi được không").readings[0]!.terms).toContain("nguoi_nha");
  });

  it("tidies numbers and money", () => {
    expect(key("giải 5tr")).toBe("giai 5 trieu");
    expect(key("5.000.000 đồng")).toBe("giai 5000000 dong".replace("giai ", ""));
    expect(key("70% hộ")).toBe("70 % ho");
    // a word after a number that starts like "k" or "tr" is no money
    expect(key("năm 2025 kết thúc")).toBe("nam 2025 ket thuc");
    expect(key("có 5 trường")).toBe("co 5 truong");
    expect(key("năm 2026 của phường")).toBe("nam 2026 cua phuong");
    expect(key("thưởng 500k")).toBe("thuong 500 nghin");
  });

  it("reads 'mùng 2' as a day, 'học cấp 2' as a pupil and a trailing 'con' after a question as an address", () => {
    expect(key("hum nay mùng 2 roi")).not.toContain("2");
    expect(key("nhờ con e 14t làm hộ")).not.toMatch(/14|toi/);
    // Southern spellings typed with their marks
    expect(key("giải cao nhứt dậy")).toBe(key("giải cao nhất vậy"));
    expect(key("con tôi thi hồi đầu tháng 11 năm ngoái")).not.toMatch(/11|hoi/);
    expect(analyse("con em học cấp 2").readings[0]!.terms).toContain("c:nguoi");
    expect(key("thi duoc hong con").split(" ").at(-1)).not.toBe("con");
    expect(analyse("bị văng ra ngoài có mất hết bài không").readings[0]!.terms).toContain("thoat");
  });

  it("reads a year said as words, and 'ảnh hưởng' apart from a name and 'hướng dẫn'", () => {
    expect(key("năm hai nghìn không trăm hai mươi lăm")).toBe("nam 2025");
    expect(analyse("không thi có ảnh hưởng gì không").readings[0]!.terms).toContain("anhhuong");
    expect(analyse("anh huong dan em voi").readings[0]!.terms).not.toContain("anhhuong");
  });

  it("spells ki/ky and ti/ty the same way", () => {
    expect(key("đăng kí")).toBe(key("đăng ký"));
    expect(key("tỉ lệ")).toBe(key("tỷ lệ"));
    // and with their marks, so "kĩ" is the content's "kỹ", not a word of another topic
    expect(analyse("hỗ trợ kĩ thuật").readings[0]!.accents).toEqual(analyse("hỗ trợ kỹ thuật").readings[0]!.accents);
  });
});

describe("analyse: how residents write (blind held-out findings)", () => {
  it.each([
    // dates are one token after "ngày", whatever the separator, with or without the year
    ["12/11 còn thi được không", "ngay d12m11 con thi duoc khong"],
    ["hạn 11-11-2025 à", "han ngay d11m11 a"],
    ["ngày 14 tháng 10", "ngay d14m10"],
    // an age is not the 70% target
    ["ông 70 tuổi", "ong tuoi"],
    // shorthand
    ["web thi cdso hp", "link thi cuoc thi"],
    ["sdt btc", "dien_thoai ban to chuc"],
    ["tạo 2 nick", "tao 2 tai khoan"],
    ["thi trên đt ak", "thi tren dien_thoai a"],
    ["đề random à", "de ngau nhien a"],
    // family members are one word; the contest's short name is the contest
    ["thi hộ chồng", "thi ho nguoi_nha"],
    ["thi cái công dân số", "thi cai cuoc thi"],
    // "gọi ai" asks who, "ai cũng" is everyone: neither is AI
    ["lỗi thì gọi ai", "loi thi goi q:who"],
    ["ai cũng thi được à", "moi_nguoi thi duoc a"],
    // another exam is another topic, and the resident's own Zalo account is not the contest account
    ["thi công chức", "thi_cong_chuc"],
    ["tài khoản zalo bị khóa", "tai_khoan_zalo bi loi"],
    // a pasted address is a link to a site
    ["onetouch.mic.gov.vn phải không", "link onetouch"],
    ["https://zalo.me/g/motzcq639 là gì", "link zalo q:what"],
    // Southern spellings, and the letters' "trên địa bàn"
    ["dzô thi ở đâu dzậy", "vao thi q:where vay"],
    ["doanh nghiệp trên địa bàn", "doanh nghiep"],
    // Southern and Central speech: "bữa nào", "hổng … hông", "vô", "ở mô"; "trời" at the end is a sigh
    ["bắt đầu thi từ bữa nào", "batdau thi tu q:when"],
    ["hổng biết còn mở hông", "khong biet con mo khong"],
    ["vao link ko vo dc", "vao link khong vao duoc"],
    ["nộp ở mô", "nop q:where"],
    // "hỏi ai" asks whom to contact; grandparents are family
    ["giờ hỏi ai", "gio lien he q:who"],
    ["ông bà nội em", "nguoi_nha em"],
    // fortune telling is another topic, not the contest's "tuổi"
    ["tử vi tuổi dần", "tu_vi tuoi dan"],
  ])("%s → %s", (input, out) => {
    expect(key(input)).toBe(out);
  });

  it("keeps the marks of a word a rewrite kept ('cao tuổi' → 'già tuổi')", () => {
    const r = analyse("người cao tuổi").readings[0]!;
    expect(r.terms).toEqual(["nguoi", "gia", "tuoi"]);
    expect(r.accents[2]).toBe("tuổi");
  });

  it("reads 'không hiện', 'chưa thấy' like 'không … được'", () => {
    expect(terms("bấm nhận chứng nhận mà không hiện gì")).toContain("q:cant");
    expect(terms("chưa thấy giấy chứng nhận")).toContain("q:cant");
    expect(terms("chưa có tài khoản")).not.toContain("q:cant");
  });

  it("reads drawn-out letters as one, but keeps Telex doubles", () => {
    expect(key("link đâuuuu")).toBe("link q:where");
    expect(key("giải nhất bao nhiêu vậy ạaaa")).toBe("giai nhat q:many vay a");
    expect(key("ddax hetes")).toBe("da het");
  });

  it("takes a bare word literally when the resident types with marks ('vay tiền' is a loan, not 'vậy')", () => {
    expect(terms("giờ muốn vay tiền")).toEqual(["vay", "tien"]);
    expect(terms("gio muon vay tien")).not.toContain("vay");
    // a word a rewrite made is the content's word, however the rest was typed
    expect(terms("cán bộ hưu trí")).toEqual(["can", "bo", "c:nguoi"]);
  });

  it("drops a sigh at the end ('… hỏi ai đây trời')", () => {
    expect(terms("vao link ko vo dc troi")).not.toContain("troi");
  });

  it("drops chatter that names no topic", () => {
    expect(terms("e bận quá, rốt cuộc hạn đến bao giờ")).toEqual(["han", "den"]);
  });
});

describe("analyse: kinds of people and provinces the content never names", () => {
  it("reads an occupation and a home province as word classes", () => {
    expect(terms("mình ở thái bình lên đây làm công nhân")).toEqual(expect.arrayContaining([PROVINCE, PERSON]));
    expect(terms("shipper có thi được không")).toContain(PERSON);
    expect(terms("ban hang ngoai cho co thi dc ko")).toContain(PERSON);
    // a sales group is not a seller
    expect(terms("nhóm zalo bán hàng")).not.toContain(PERSON);
    expect(terms("con em lớp 2 có phải thi không")).toContain(PERSON);
    expect(terms("phụ huynh có phải thi không")).toContain(PERSON);
    expect(terms("e mới chuyển đến trọ ở phường")).toContain(PERSON);
    // registering temporary residence is a public service, not a kind of person
    expect(terms("đăng ký tạm trú ở đâu")).not.toContain(PERSON);
  });

  it("keeps 'công nhận' (recognised), which folds like 'công nhân' (a worker)", () => {
    expect(terms("thi xong có được công nhận không")).toEqual(expect.arrayContaining(["cong", "nhan"]));
  });

  it("marks the syllables right after 'phường' or 'xã' as a place's name", () => {
    const r = analyse("tôi ở phường Lê Chân, tổ tôi phải đạt bao nhiêu").readings[0]!;
    expect(r.terms.filter((_, k) => r.named[k])).toEqual(expect.arrayContaining(["le", "chan"]));
    const own = analyse("phường mình có cắt nước không").readings[0]!;
    expect(own.named.some(Boolean)).toBe(false);
  });
});
