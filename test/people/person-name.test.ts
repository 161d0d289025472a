import { describe, expect, it } from "vitest";
import { loadLexicon } from "../../src/content/lexicon.js";
import { looksLikeCompletion } from "../../src/people/completion-intent.js";

const REPORTS = loadLexicon("content").reports;
import { checkFullName, introducedName } from "../../src/people/person-name.js";

describe("full names", () => {
  it.each([
    ["Nguyễn Văn An", "Nguyễn Văn An"],
    ["nguyễn thị  mai", "Nguyễn Thị Mai"],
    ["TRẦN ĐỨC ANH", "Trần Đức Anh"],
    ["Nguyen Thi Lan", "Nguyen Thi Lan"],
    ["tên em là Phạm Văn Bình ạ", "Phạm Văn Bình"],
    ["Họ tên: Lê Thu Hà", "Lê Thu Hà"],
    ["Tôn Nữ Thị Minh Châu", "Tôn Nữ Thị Minh Châu"],
    ["Nguyễn Văn An.", "Nguyễn Văn An"],
    // decomposed input (some keyboards) comes out composed
    ["Nguye\u0302\u0303n Va\u0306n An", "Nguyễn Văn An"],
    // "em" is a given name too, when it does not lead (issue 14 §6)
    ["Nguyễn Thị Em", "Nguyễn Thị Em"],
    ["tên em là Nguyễn Thị Em", "Nguyễn Thị Em"],
    // full-width letters (some phone keyboards) are folded
    ["Ｎｇｕｙễｎ Ｖăｎ Ａｎ", "Nguyễn Văn An"],
  ])("%s → %s", (input, name) => {
    expect(checkFullName(input)).toEqual({ ok: true, name });
  });

  it.each([
    ["An", "one_word"],
    ["", "empty"],
    ["em Nguyễn Thị Hoa", "not_a_name"],
    ["chị Lan ơi", "not_a_name"],
    ["Nguyễn Văn 4n", "not_letters"],
    ["Nguyễn Văn An 0901234567", "not_letters"],
    ["https://evil.example/x", "not_letters"],
    ["<script>alert(1)</script>", "not_letters"],
    ["Nguyễn <b>Văn</b> An", "not_letters"],
    ['=HYPERLINK("x") An', "not_letters"],
    ["Một Hai Ba Bốn Năm Sáu Bảy", "too_many_words"],
    [`${"A".repeat(40)} ${"B".repeat(30)}`, "too_long"],
    ["ok mọi người", "not_a_name"],
    ["xong rồi ạ nhé", "not_a_name"],
  ])("rejects %j (%s)", (input, problem) => {
    expect(checkFullName(input)).toEqual({ ok: false, problem });
  });
});

describe("completion sentences", () => {
  it.each([
    "em thi xong rồi ạ",
    "toi da hoan thanh cuoc thi",
    "em thi xong rồi, nhận chứng nhận rồi ạ",
    "xong r nhé",
    "đã thi xong",
    "Mình làm bài xong rồi nhé ad",
    "hoàn thành rồi ạ",
    "Dạ em đã hoàn thành bài thi",
    // shorthand, "báo" (report) to someone, a trade named "may"
    "e thj xog r nha ad",
    "thi xong rồi nhé, giờ báo cho ai",
    "Em là công nhân cty may, em đã hoàn thành cuộc thi rồi, báo phường biết ạ",
    "Bà làm xong bài thi rồi, nhờ cháu ghi nhận giúp bà",
    // voice typing: "song" for "xong", numbers said as words
    "bác làm song rồi cháu ạ",
    "cô đã hoàn thành hết bốn chuyên để với hai mươi câu rồi cháu ghi nhận giúp cô",
    // the sender, the act, then "rồi"
    "e nộp bài r, viết cả phần lan tỏa r ạ",
    "mình thi rồi nhé",
    // "hồi đó" (back then) typed with its marks folds like "dô" (vào) shorthand: it is not
    "nhà e cả nhà đều thi xong hồi đó rồi nha",
  ])("%s → the completion flow", (text) => {
    expect(looksLikeCompletion(text, REPORTS)).toBe(true);
  });

  it.each([
    "thi xong thì nhận chứng nhận ở đâu?",
    "thi xong thì nhận chứng nhận ở đâu",
    "thi xong rồi mà không thấy chứng nhận",
    "làm xong 20 câu rồi làm gì tiếp",
    "thi xong nhận được gì",
    "thi xong có giấy khen không",
    "em học xong chuyên đề 1 rồi",
    "chưa thi xong",
    "bao giờ thi xong",
    "xong",
    "#xong Nguyễn Văn An, tổ 5",
    "cần hoàn thành những gì để được tính",
    "thi xong bao giờ có kết quả",
    "thi xong r mà k thấy chứng nhận",
    "thi xong thì bấm vào đâu để lấy giấy chứng nhận",
    "Thi xong có được tính vào thi đua cuối năm của tổ dân phố ko",
    "học hết các chuyên đề rồi thì làm bài thế nào",
    "em thi rồi mà không thấy chứng nhận",
    "em thi rồi thì bao giờ có kết quả",
  ])("%s → not a report (FAQ or nothing)", (text) => {
    expect(looksLikeCompletion(text, REPORTS)).toBe(false);
  });
});

describe("completion reports are read in the campaign's own words (lexicon.yaml reports:)", () => {
  const healthBook = loadLexicon("test/fixtures/health-book").reports;
  it("another campaign's action is a report there, not here", () => {
    expect(looksLikeCompletion("nhà em đã kích hoạt sổ rồi", healthBook)).toBe(true);
    expect(looksLikeCompletion("nhà em đã kích hoạt sổ rồi", REPORTS)).toBe(false);
    expect(looksLikeCompletion("em thi xong rồi ạ", REPORTS)).toBe(true);
  });
});

describe("completion reports with context around them", () => {
  it.each([
    "Bác đã làm xong bài thi và viết phần lan tỏa rồi cháu ạ, bác ở tổ 12 phường Hồng Bàng",
    "ca nha em 3 nguoi deu thi xong hoi thang 10 nam ngoai roi a",
    // an association named after the report: "hội" is not "hỏi"
    "xong roi nha ad, hoi cuu chien binh to 3",
    // every part and the test, then a request to record it
    "me em hoc het 4 chuyen de, lam bai, chia se xong het roi, ghi nhan gium me em",
    // starts with "xong": every part, the 20 questions and the sharing
    "xong het may chuyen de voi 20 cau roi, ten em la Tran Thi Hoa to 2",
  ])("%s", (text) => {
    expect(looksLikeCompletion(text, REPORTS)).toBe(true);
  });
});

describe("a name the sender introduces themselves by", () => {
  it.each([
    ["Dạ em là Hoàng Văn Nam, nhân viên trung tâm, em đã hoàn thành cuộc thi", "Hoàng Văn Nam"],
    ["tên tôi là Lê Thị Hoa, tổ 5, thi xong rồi", "Lê Thị Hoa"],
    ["cháu là Trần Minh ạ, cháu thi xong rồi", "Trần Minh"],
  ])("%s → %s", (text, name) => {
    expect(introducedName(text)).toBe(name);
  });

  it.each(["em là giáo viên, em thi xong rồi", "em thi xong rồi ạ", "em là An, thi xong rồi"])("%s → none", (text) => {
    expect(introducedName(text)).toBeNull();
  });
});
