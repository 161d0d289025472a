/**
 * Multi-syllable rewrites on folded tokens, longest first. Question words become markers ("q:when")
 * that help tell "thi khi nào" from "thi ở đâu"; general synonyms collapse to one word; an empty
 * replacement drops the phrase (formulas). The campaign's own names, places and synonyms come from
 * content (lexicon.yaml) and are added to these (see `PhraseRewriter`).
 */
import { ACCENTED_STOPWORDS } from "./stopwords.js";
import { canonicalTone } from "./syllable.js";
import { PERSON, PURPOSE_WORD, WORD_CLASS_RULES } from "./word-classes.js";
import { fold } from "../text/fold.js";

/**
 * What voice typing and northern speech write for the words meant ("vi đê ô" for video, "trứng nhận" for
 * chứng nhận, "làm song" for làm xong), folded. Shared with the completion check.
 */
export const SPOKEN_RULES: Array<[string, string]> = [
  ["vi de o", "video"],
  ["vi di o", "video"],
  ["vi deo", "video"],
  // "ây ai": AI said aloud
  ["ay ai", "ai"],
  ["ai phon", "iphone"],
  ["nhom da lo", "nhom zalo"],
  ["nhom gia lo", "nhom zalo"],
  ["nhom za lo", "nhom zalo"],
  ["qua da lo", "qua zalo"],
  ["za lo", "zalo"],
  // voice typing and northern speech: "trứng nhận" (chứng nhận), "làm song" (xong)
  ["trung nhan", "chung nhan"],
  ["lam song", "lam xong"],
  ["thi song", "thi xong"],
  ["song roi", "xong roi"],
  // "bốn chuyên đề" (spoken-numbers.ts reads tens and digit runs)
  ["bon chuyen de", "4 chuyen de"],
];

/** "thật không", "có phải thật": asks whether something is true or real. */
export const IS_IT_TRUE = "that_khong";
/**
 * The words of a tag that asks whether what was just said is right, matters or counts: "thật ko", "có đúng văn bản
 * thế không", "có sao không", "vậy bài có được tính không".
 */
export const TRUTH_TAG_WORDS: ReadonlySet<string> = new Set([
  IS_IT_TRUE,
  "dung",
  "that",
  "chinh",
  "xac",
  "van",
  "ban",
  "sao",
  "anhhuong",
  "yeucau",
  "quy",
  "dinh",
  // "… chưa chia sẻ thông điệp, vậy bài có được tính không": whether what was told still counts
  "tinh",
  "bai",
]);

/**
 * "cái đó tải ở đâu", "hội nghị đó là gì", "trang đó tên gì" (on the analyser's key): a question about the
 * thing the clause before named.
 */
export const REFERS_BACK =
  /\b(cai|link|app|ung dung|hoi nghi|chuong trinh|phan mem|nhom|video|giay|bai|phan|muc|khoa|lop|dot|vu|chuyen) (do|day|ay|kia)\b/;

/** Folded phrase → what it means; a third element gives the phrase's marks where a word typed with other marks is a stopword. */
const GENERAL_RULES: Array<[string, string, string?]> = [
  // question words
  ["nhu the nao", "q:how"],
  ["lam the nao", "q:how"],
  ["lam nhu the nao", "q:how"],
  ["bang cach nao", "q:how"],
  ["cach nao", "q:how"],
  ["the nao", "q:how"],
  ["ra sao", "q:how"],
  // "giờ bác khỏe rồi", "đỡ ốm rồi": how the asker is, not what they ask
  ["khoe roi", ""],
  ["do om roi", ""],
  // "giấy chứng nhận có được cộng điểm thi vào lớp 10 không": points, whatever they count for
  ["cong diem thi vao lop", "cong diem"],
  ["cong diem xet tuyen", "cong diem"],
  // "gồm những mảng gì, mình muốn ôn lại": which parts (a question word follows); to revise
  ["nhung mang", ""],
  ["on lai", "on"],
  // "để mai thi có kịp không", "mai chủ nhật em mới rảnh", "cuối tuần": when
  ["de mai", ""],
  ["mai chu nhat", ""],
  ["cuoi tuan", ""],
  // "mai là hết hạn rồi đúng không": tomorrow; "e sắp vào ca rồi": the asker's shift
  ["mai la", ""],
  ["sap vao ca", ""],
  ["vao ca", ""],
  // "gửi lại em đường link": resend is send; "hỏi lại", "nhắc lại", "ghi lại" ask or note again
  ["gui lai", "gui"],
  ["nhac lai", ""],
  ["hoi lai", "hoi"],
  ["ghi lai", ""],
  ["moc thoi gian", "thoi gian"],
  ["moc thoi gian chinh xac", "thoi gian"],
  // "phường vừa họp tổng kết": the occasion, not the question
  ["hop tong ket", ""],
  // "đường link chính xác": the right link, the official one
  ["link chinh xac", "link chinh thuc"],
  ["duong link chinh xac", "link chinh thuc"],
  ["dia chi chinh xac", "link chinh thuc"],
  // "mốc thời gian chính xác", "ngày chính xác": exactly when
  ["thoi gian chinh xac", "thoi gian"],
  ["ngay chinh xac", "ngay"],
  // "không rành mấy cái này": these things, not "how many"
  ["q:many cai nay", ""],
  ["q:many cai do", ""],
  // "vẫn được chứ ạ": a yes/no question, as "được không"
  ["duoc chu", "duoc khong"],
  // "thi hộ mẹ": for someone in the family
  ["ho me", "ho nguoi_nha"],
  ["ho bo", "ho nguoi_nha"],
  ["ho bo me", "ho nguoi_nha"],
  // "học tiếp", "làm tiếp": to go on, as "tiếp tục học"
  ["hoc tiep", "tiep tuc hoc"],
  ["lam tiep", "tiep tuc lam"],
  // "muốn thi xem có được không": whether it can be done, not "xem" (look at)
  ["xem co duoc khong", "co duoc khong"],
  ["xem co dc khong", "co duoc khong"],
  // "không thi có bị làm sao không": what happens to me, as "có bị sao không"
  ["bi lam sao", "bi sao"],
  ["lam sao", "q:how"],
  ["the lao", "q:how"],
  ["khi nao", "q:when"],
  ["bao gio", "q:when"],
  ["luc nao", "q:when"],
  ["hom nao", "q:when"],
  // Southern "bữa nào" (which day), "bữa nay" (today)
  ["bua nao", "q:when"],
  ["bua nay", "hom nay"],
  ["bua qua", "hom qua"],
  // "12h đêm nay", "tối nay", "sáng nay": today, like "hôm nay"; "hồi đó", "ngày đó": back then
  ["dem nay", ""],
  // a weekday ("hôm nay thứ 7 còn kịp thi không", "t7 có ai trực không"): when, like "hôm nay" ("thứ mấy" stays)
  ["thu 2", ""],
  ["thu 3", ""],
  ["thu 4", ""],
  ["thu 5", ""],
  ["thu 6", ""],
  ["thu 7", ""],
  ["thu hai", ""],
  ["thu ba", ""],
  ["thu tu", ""],
  ["thu nam", ""],
  ["thu sau", ""],
  ["thu bay", ""],
  ["chu nhat", ""],
  ["t2", ""],
  ["t3", ""],
  ["t4", ""],
  ["t5", ""],
  ["t6", ""],
  ["t7", ""],
  // "tới giờ vẫn chưa thấy": until now, as "đến giờ"
  ["toi gio van", "den gio van"],
  ["toi gio chua", "den gio chua"],
  // "làm việc mấy giờ", "giờ làm việc": the hours someone is on duty
  ["lam viec q:many gio", "truc q:many gio"],
  ["lam viec den q:many gio", "truc den q:many gio"],
  ["lam viec tu q:many gio", "truc tu q:many gio"],
  ["gio lam viec", "gio truc"],
  ["tam nay", ""],
  // "lên làm ăn", "làm ăn buôn bán": working for a living
  ["len lam an", "lam viec"],
  ["lam an", "lam viec"],
  ["toi roi", ""],
  ["toi nay", ""],
  ["sang nay", ""],
  ["chieu nay", ""],
  ["ngay do", ""],
  ["hom do", ""],
  // "bình thường": ordinary, not "bình xét"
  ["binh thuong", ""],
  // Central "ở mô" (where)
  ["o mo", "q:where"],
  // "nằm ở mục nào", "ở mục nào": where on a page
  ["o muc nao", "q:where"],
  ["muc nao", "q:where"],
  ["nam o q:where", "q:where"],
  ["ngay nao", "q:when ngay"],
  ["ngay may", "q:when ngay"],
  ["ngay q:many", "q:when ngay"],
  ["thang q:many", "q:when thang"],
  ["thang may", "q:when thang"],
  ["may gio", "q:when"],
  ["thoi han", "q:when han"],
  ["bao lau", "q:long"],
  ["co lau khong", "q:long"],
  ["lau khong", "q:long"],
  ["bao nhieu", "q:many"],
  ["q:many tinh", "may_tinh"],
  ["may tinh", "may_tinh"],
  // a tablet
  ["q:many tinh bang", "may_tinh"],
  ["may tinh bang", "may_tinh"],
  ["o q:where", "q:where"],
  ["o cho nao", "q:where"],
  ["o noi nao", "q:where"],
  ["bao h", "q:when"],
  ["duoc phep", "duoc"],
  ["lon tuoi", "gia tuoi"],
  ["cao tuoi", "gia tuoi"],
  ["bat q:where", "batdau"],
  ["bat dau", "batdau"],
  ["kieu gi", "q:how"],
  ["nhu nao", "q:how"],
  ["kieu nao", "q:how"],
  ["nghia la", "q:what"],
  ["dung khong", ""],
  // "có phải thật không": is it real, not "must I" ("thật" alone is a stopword: "thật sự")
  ["co phai that", IS_IT_TRUE],
  ["phai that", IS_IT_TRUE],
  ["co that", IS_IT_TRUE],
  ["la that", IS_IT_TRUE],
  ["that khong", IS_IT_TRUE],
  // "chị A bảo …, anh B bảo …, ai đúng": which claim is right
  ["ai dung", IS_IT_TRUE],
  ["xac nhan giup", IS_IT_TRUE],
  ["that hay gia", `${IS_IT_TRUE} giamao`],
  ["gia mao", "giamao"],
  ["phai khong", ""],
  ["co dung khong", ""],
  ["hom nay", ""],
  ["hom qua", ""],
  ["ngay mai", ""],
  ["nam nay", ""],
  ["tuan nay", ""],
  // a time of day ("buổi tối", "ca đêm", "sáng sớm"): one word, asked about as the hours something is open
  ["buoi sang", "khung_gio"],
  ["buoi trua", "khung_gio"],
  ["buoi chieu", "khung_gio"],
  ["buoi toi", "khung_gio"],
  ["ban dem", "khung_gio"],
  ["ca dem", "khung_gio"],
  ["sang som", "khung_gio"],
  ["nua dem", "khung_gio"],
  ["gio hanh chinh", "khung_gio"],
  ["gio mo cua", "khung_gio"],
  // "năm ngoái", "hồi đó": when the resident took part, not what they ask; the answer follows the clock
  ["nam ngoai", ""],
  ["nam truoc", ""],
  ["nam roi", ""],
  ["nam qua", ""],
  ["hoi do", ""],
  ["hoi truoc", ""],
  ["hoi nam ngoai", ""],
  ["hoi nam truoc", ""],
  ["luc do", ""],
  ["khi do", ""],
  ["hom do", ""],
  ["dot truoc", ""],
  ["dot do", ""],
  ["lan truoc", ""],
  ["truoc kia", ""],
  ["vua qua", ""],
  ["vua roi", ""],
  ["thoi gian qua", ""],
  ["hom truoc", ""],
  ["ngay truoc", ""],
  ["bua truoc", ""],
  // "học sinh cấp 3", "trường cấp 2", "giáo viên mầm non": a school level, not a topic
  ["mam non", ""],
  ["cap 1", ""],
  ["cap 2", ""],
  ["cap 3", ""],
  ["cach thuc", "cach"],
  ["dia chi trang web", "link"],
  ["dia chi link", "link"],
  ["dia chi", "link"],
  ["so luong", "q:many"],
  ["cho nao", "q:where"],
  ["noi nao", "q:where"],
  ["dau ra", "q:where"],
  ["la gi", "q:what"],
  ["la cai gi", "q:what"],
  // "làm những việc gì": what to do
  ["nhung viec gi", "q:what"],
  ["viec gi", "q:what"],
  ["la ai", "q:who"],
  ["vi sao", "q:why"],
  ["tai sao", "q:why"],
  // fillers and formulas
  ["rot cuoc", ""],
  // the letters' "trên địa bàn", "xoay quanh": about where and what, no topic of their own
  ["tren dia ban", ""],
  ["dia ban", ""],
  ["xoay quanh", ""],
  ["huu tri", "ve huu"],
  ["tom lai", ""],
  ["truoc day", ""],
  ["len day", ""],
  ["ve day", ""],
  ["song o", ""],
  ["song tai", ""],
  ["noi chung", ""],
  ["that ra", ""],
  ["chang han", ""],
  ["gi do", ""],
  // "con ơi", "mẹ ơi": calling someone, not "còn" (remain)
  ["con oi", ""],
  ["me oi", ""],
  // "gọi ai", "hỏi ai", "gồm những ai": who, not AI
  ["goi ai", "goi q:who"],
  ["nhung ai", "q:who"],
  ["lien he ai", "lien he q:who"],
  // "giờ hỏi ai", "chụp màn hình rồi gửi ai": whom to contact
  ["hoi ai", "lien he q:who"],
  ["gui ai", "lien he q:who"],
  // "nhờ bot trả lời giúp": a request, not a question about answering
  ["tra loi giup", ""],
  ["tra loi gium", ""],
  ["tra loi dum", ""],
  // "cứ quay vòng vòng", "web sập": the page does not work
  ["quay vong vong", "bi loi"],
  ["quay vong", "bi loi"],
  ["quay quay", "bi loi"],
  // "loa phường đọc": heard on the ward's loudspeaker
  ["loa phuong doc", ""],
  ["loa phuong", ""],
  ["bao ai", "bao q:who"],
  ["nho ai", "nho q:who"],
  ["cho ai", "cho q:who"],
  ["ai to chuc", "q:who to chuc"],
  ["ai phu trach", "q:who phu trach"],
  ["do ai", "do q:who"],
  ["ai duoc", "q:who duoc"],
  ["ai phai", "q:who phai"],
  // "báo giúp nhé", "báo cho biết": let me know, no topic
  ["bao giup", ""],
  ["bao gium", ""],
  ["bao cho biet", ""],
  ["bao voi", ""],
  // Southern "hết trơn" (at all), "sđt nhiêu" (how much)
  ["het tron", ""],
  ["sdt nhieu", "dien_thoai q:many"],
  // "số của tôi 09…": someone giving their own number, not asking for one
  ["so cua toi", ""],
  ["so cua em", ""],
  ["so cua minh", ""],
  ["so dien thoai cua toi", ""],
  ["so dien thoai cua em", ""],
  // where someone works: context, not a topic ("công nhân ở khu công nghiệp")
  ["khu cong nghiep", ""],
  ["cum cong nghiep", ""],
  // "kể tên giúp em", "liệt kê": asks for the list the question names
  ["ke ten", ""],
  ["liet ke", ""],
  ["ke ra", ""],
  ["phai lam sao", "q:how"],
  ["cho nhanh", ""],
  ["hoan toan", ""],
  // "đứng top", "top đầu": the highest
  ["dung top", "cao nhat"],
  ["top dau", "cao nhat"],
  ["dung dau", "cao nhat"],
  // typing a detail wrong
  ["go sai", "nhap sai"],
  ["ghi sai", "nhap sai"],
  ["dien sai", "nhap sai"],
  ["khai sai", "nhap sai"],
  ["ngay thang nam sinh", "thong tin ca nhan"],
  ["nam sinh", "thong tin ca nhan"],
  ["ngay sinh", "thong tin ca nhan"],
  // "ai cũng" is everyone, not AI
  ["ai cung", "moi_nguoi"],
  // "con em học lớp 8": my child, who asks about pupils
  ["con em hoc", "hoc"],
  ["con toi hoc", "hoc"],
  ["con minh hoc", "hoc"],
  ["con tui hoc", "hoc"],
  // "share e với", "chia sẻ cho mình link": send me, not the contest's sharing step
  ["chia se em", "gui em"],
  ["chia se minh", "gui minh"],
  ["chia se cho em", "gui cho em"],
  ["chia se cho minh", "gui cho minh"],
  ["chia se voi", "gui voi"],
  // "phòng VH-XH": Văn hóa - Xã hội
  ["vh xh", "van hoa xa hoi"],
  ["vhxh", "van hoa xa hoi"],
  // "thầy cô trường tiểu học có phải thi không": teachers (typed bare, "thay co" may be "thấy có")
  ["thay co", PERSON, "thầy cô"],
  // someone else in the family (see also teencode: vợ, chồng, bố, mẹ)
  ["nguoi nha", "nguoi_nha"],
  ["nguoi than", "nguoi_nha"],
  ["gia dinh", "nguoi_nha"],
  ["ca nha", "nguoi_nha"],
  ["ca gia dinh", "nguoi_nha"],
  ["vo chong", "nguoi_nha"],
  ["vo voi chong", "nguoi_nha"],
  ["vo va chong", "nguoi_nha"],
  ["chong voi vo", "nguoi_nha"],
  ["con gai", "nguoi_nha"],
  ["con trai", "nguoi_nha"],
  ["con chau", "nguoi_nha"],
  // ("cháu nói bác nghe": the grandchild speaks, typed with its marks)
  ["chau noi", "nguoi_nha", "cháu nội"],
  ["chau ngoai", "nguoi_nha"],
  // grandparents and Southern "ba mẹ" (mẹ is already the family word)
  ["ong ba noi", "nguoi_nha"],
  ["ong ba ngoai", "nguoi_nha"],
  ["ba ngoai", "nguoi_nha"],
  ["ong ngoai", "nguoi_nha"],
  ["ba nguoi_nha", "nguoi_nha"],
  ["cua chong", "cua nguoi_nha"],
  ["cua vo", "cua nguoi_nha"],
  ["chong toi", "nguoi_nha"],
  ["vo toi", "nguoi_nha"],
  // "mẹ em", "bố mình" typed bare; a daughter- or son-in-law; "lấy chồng về đây"
  ["me em", "nguoi_nha"],
  ["me minh", "nguoi_nha"],
  ["me toi", "nguoi_nha"],
  ["me tui", "nguoi_nha"],
  ["bo em", "nguoi_nha"],
  ["bo minh", "nguoi_nha"],
  ["bo me", "nguoi_nha"],
  ["con dau", "nguoi_nha"],
  ["con re", "nguoi_nha"],
  ["lay chong", "nguoi_nha"],
  ["lay vo", "nguoi_nha"],
  ["lay nguoi_nha", "nguoi_nha"],
  // "lấy chồng VN": a Vietnamese husband
  ["nguoi_nha vn", "nguoi_nha"],
  ["cho chong", "cho nguoi_nha"],
  ["cho vo", "cho nguoi_nha"],
  // local units: the tổ trưởng speaks for the tổ dân phố
  ["to truong", "to dan pho"],
  ["khu pho", "to dan pho"],
  ["truong thon", "thon"],
  // a school's kind says which school, not what is asked: "giáo viên trường tiểu học có phải thi"
  ["truong tieu hoc", "truong"],
  ["truong thcs", "truong"],
  ["truong thpt", "truong"],
  ["truong mam non", "truong"],
  ["truong mau giao", "truong"],
  ["truong trung hoc co so", "truong"],
  ["truong trung hoc pho thong", "truong"],
  ["moi nguoi", ""],
  // "bên phường", "bên xã": at the ward, where "bên" says nothing more
  ["ben phuong", "phuong"],
  ["ben xa", "xa"],
  // "nghe người ta nói": they, whoever said it
  ["nguoi ta", ""],
  // "không phải cán bộ gì hết": at all
  ["gi het", ""],
  ["gi het tron", ""],
  ["biet gi het", "biet gi het"],
  ["bay gio", ""],
  ["bay h", ""],
  ["tong cong", ""],
  ["tat ca", ""],
  ["dau tien", ""],
  ["co the", ""],
  ["cho hoi", ""],
  ["xin hoi", ""],
  ["lam on", ""],
  ["xin loi", ""],
  ["ad oi", ""],
  ["admin oi", ""],
  // synonyms → the content's word
  ["trang web", "link"],
  ["trang mang", "link"],
  ["duong link", "link"],
  // "công bố" (announce), not "bố" (father; shorthand has already read "bố" as family)
  ["cong bo", "congbo"],
  ["cong nguoi_nha", "congbo"],
  // "chỉ tiêu": a target, not "chi" + "tiêu" (spend)
  ["chi tieu", "chitieu"],
  ["bang duong link", "link"],
  ["bang link", "link"],
  ["duong dan", "link"],
  ["dia chi web", "link"],
  ["web", "link"],
  ["man hinh trang", "man hinh trang_"],
  ["trang", "link"],
  ["phan mem", "ung dung"],
  ["tri tue nhan tao", "ai"],
  ["phan tram", "%"],
  ["tham du", "thamgia"],
  ["tham gia", "thamgia"],
  ["so dien thoai", "dien_thoai"],
  ["dien thoai", "dien_thoai"],
  // a phone with keys, not a smartphone ("phím" alone is no topic: "link xem phim")
  ["dien thoai ban phim", "dien_thoai_cuc"],
  ["dien thoai cuc gach", "dien_thoai_cuc"],
  ["dt ban phim", "dien_thoai_cuc"],
  ["duong day nong", "hotline"],
  ["ch play", "chplay"],
  ["google play", "chplay"],
  ["app store", "appstore"],
  ["qr code", "ma qr"],
  ["ma code", "ma qr"],
  ["bi khoa", "bi loi"],
  // the resident's own Zalo (or other) account is not the contest account
  // words that look like the contest's vocabulary once folded but are not about it
  ["cong an", "congan"],
  // the police's own number is another service, not who takes part
  ["so dien thoai cong an", "dien_thoai_congan"],
  ["dien thoai cong an", "dien_thoai_congan"],
  ["goi cong an", "goi_congan"],
  ["bao cong an", "bao_congan"],
  // "tìm hoài không thấy": asks where something is, not that something is broken
  ["tim khong thay", "q:where"],
  ["tim hoai khong thay", "q:where"],
  ["tim mai khong thay", "q:where"],
  ["tim mai chua thay", "q:where"],
  ["kiem khong thay", "q:where"],
  ["kiem hoai khong thay", "q:where"],
  // "đứng thứ mấy": a rank
  ["dung thu", "xep hang"],
  ["duong link", "link"],
  ["dg link", "link"],
  // "có tính giờ không": a time limit, not "giờ" (now)
  ["tinh gio", "bam_gio"],
  ["bam gio", "bam_gio"],
  // "hồi đó", "ngày xưa", "dạo đấy": when it happened, context rather than the question
  ["hoi do", ""],
  ["hoi day", ""],
  ["hoi ay", ""],
  ["ngay xua", ""],
  ["dao do", ""],
  ["dao day", ""],
  ["dao ay", ""],
  ["nam do", ""],
  ["nam ay", ""],
  // "hồi tháng 11": back in November
  ["hoi thang", "thang"],
  ["clip", "video"],
  ...SPOKEN_RULES,
  // "giải kk": giải khuyến khích, not laughter
  ["giai kk", "giai khuyen khich"],
  // English typed in Vietnamese chat
  ["sign in", "dang nhap"],
  ["log in", "dang nhap"],
  ["sign up", "dang ky"],
  // a formal letter's formulas: "Kính gửi Ban quản trị", "Đề nghị … cho biết cụ thể", "Trân trọng cảm ơn"
  ["kinh gui", ""],
  ["ban quan tri", ""],
  ["quan tri vien", ""],
  ["de nghi", ""],
  ["cho biet cu the", ""],
  ["cu the", ""],
  ["tran trong cam on", "cam on"],
  ["tran trong", ""],
  // "nhớ mang máng": the asker half remembers, context
  ["nho mang mang", ""],
  // "nghe đồn", "nghe nói": where the asker heard it, context
  ["nghe don", ""],
  ["nghe noi", ""],
  // "cuộc thi đó có …": "đó" (that), not "do" (by)
  ["thi do co", "thi co"],
  ["thi do dc", "thi dc"],
  ["thi do duoc", "thi duoc"],
  ["thi do bn", "thi bn"],
  // "đá với ai thế": who, not AI
  ["ai the", "q:who"],
  ["ai vay", "q:who"],
  ["ai v", "q:who"],
  ["ai z", "q:who"],
  ["tncn", "thu nhap ca nhan"],
  // "với lại": "and also", not "lại" (again)
  ["voi lai", ""],
  // "bác quên mất là phải …", "nhắc lại giúp bác": the asker forgot, context rather than the question
  ["quen mat la", ""],
  // "em quên mất": forgot, not a password ("quên mật khẩu" stays)
  ["quen mat", ""],
  ["quen mat khau", "quen mat khau"],
  ["quen mat khau vneid", "quen cai_vneid"],
  ["nhac lai giup", "giup"],
  // "cho chắc ăn": to be safe
  ["cho chac an", ""],
  // "tóm tắt giúp mình": a way of asking
  ["tom tat giup", ""],
  ["tom tat", ""],
  // "muốn thử sức": to have a go
  ["thu suc", ""],
  // "thi nó hỏi về cái gì": what the test is about
  ["no hoi ve", "noidung"],
  ["thi hoi ve", "thi noidung"],
  ["cho chac", ""],
  // "nội dung": content, not "nói" (say) and "dùng" (use)
  ["noi dung", "noidung"],
  // "công văn" typed bare: a letter, not "vẫn" (still)
  ["cong van", "congvan"],
  // thrown out of a page: "bị văng ra", "bị out ra", "bị đá ra" ("văng ra ngoài")
  ["vang ra", "thoat ra"],
  ["vang ra ngoai", "thoat ra"],
  ["bi out", "bi thoat ra"],
  ["bi out ra", "bi thoat ra"],
  ["bi da ra", "bi thoat ra"],
  ["mat het bai", "mat bai"],
  // a day off is another topic ("cty có cho nghỉ không"); bare "nghi" alone may be "nghị"
  ["cho nghi", "nghiphep"],
  ["nghi phep", "nghiphep"],
  ["nghi le", "nghiphep"],
  ["ngay nghi", "nghiphep"],
  ["duoc nghi", "nghiphep"],
  // "gõ tên không dấu": without diacritics, not "không … đâu"
  ["khong dau", "khongdau", "không dấu"],
  ["go khong dau", "khongdau", "gõ không dấu"],
  // "thi thử", "làm thử": to try it is to take it
  ["thi thu", "thi"],
  ["lam thu", "lam"],
  // "gõ nhầm tên", "ghi nhầm": entered wrongly
  ["go nham", "nhap sai"],
  ["ghi nham", "nhap sai"],
  ["viet nham", "nhap sai"],
  ["danh nham", "nhap sai"],
  ["nhap nham", "nhap sai"],
  // "giấy tờ" (papers) is one word, not "giấy" (a certificate) and "tổ"
  ["giay to", "giayto"],
  // "yêu cầu" is one word ("có đúng là văn bản yêu cầu vậy không"), not "yêu" and "câu"
  ["yeu cau", "yeucau"],
  // "ảnh hưởng" (an effect) is one word, not "anh" (a name) and "hướng" (dẫn); "anh hướng dẫn" stays.
  ["anh huong", "anhhuong"],
  ["anh huong dan", "anh huong dan"],
  // languages: "tiếng Anh" is not "anh" (you) and "tiếng" (an hour)
  ["tieng anh", "tieng_anh"],
  ["tieng viet", "tieng_viet"],
  ["can cuoc", "cancuoc"],
  // installing or registering the national ID app is another service; signing in to the contest with it is not
  ["cai vneid", "cai_vneid"],
  ["cai dat vneid", "cai_vneid"],
  ["tai vneid", "cai_vneid"],
  ["dang ky vneid", "cai_vneid"],
  ["dang ky tai khoan vneid", "cai_vneid"],
  ["kich hoat vneid", "cai_vneid"],
  ["kich hoat tai khoan vneid", "cai_vneid"],
  ["mat khau vneid", "cai_vneid"],
  ["can cuoc cong dan", "cancuoc"],
  ["chung minh nhan dan", "cancuoc"],
  ["chung minh thu", "cancuoc"],
  ["tai khoan zalo", "tai_khoan_zalo"],
  ["zalo bi khoa", "tai_khoan_zalo"],
  ["nick zalo", "tai_khoan_zalo"],
  // other exams: "thi vào lớp 10", "thi tốt nghiệp"
  ["thi vao lop", "thi_vao_lop"],
  ["thi tot nghiep", "thi_tot_nghiep"],
  ["hoc lai xe", "hoc_lai_xe"],
  ["thi lai xe", "hoc_lai_xe"],
  ["bang lai xe", "bang_lai"],
  ["bang lai", "bang_lai"],
  ["xe o to", "xe oto"],
  ["ty gia", "ty_gia"],
  ["hoc phi", "hoc_phi"],
  ["xo so", "xoso"],
  // a ward's other services, asked in the same chat ("đăng ký tạm trú ở đâu", "cống bị tắc"); "tạm trú" alone
  // ("e tạm trú thôi", "người thuê trọ, tạm trú ở tổ mình") says who the asker is, not the service
  ["tam tru", ""],
  ["dang ky tam tru", "tam_tru"],
  ["dk tam tru", "tam_tru"],
  ["khai bao tam tru", "tam_tru"],
  ["lam tam tru", "tam_tru"],
  ["gia han tam tru", "tam_tru"],
  ["thu tuc tam tru", "tam_tru"],
  ["giay tam tru", "tam_tru"],
  ["so tam tru", "tam_tru"],
  ["xin tam tru", "tam_tru"],
  ["the tam tru", "tam_tru"],
  ["tam tru tam vang", "tam_tru"],
  ["ket hon", "ket_hon"],
  ["tam vang", "tam_tru"],
  ["khai sinh", "khai_sinh"],
  ["ho khau", "ho_khau"],
  // "chỉ người có hộ khẩu mới được thi": who may take part, not the registration service
  ["co ho khau", "c:nguoi"],
  ["thoat nuoc", "thoat_nuoc"],
  ["cong bi tac", "thoat_nuoc"],
  ["tac cong", "thoat_nuoc"],
  ["thong cong", "thoat_nuoc"],
  ["rac thai", "rac_thai"],
  ["thu gom rac", "rac_thai"],
  ["tien nuoc", "tien_nuoc"],
  ["giay phep xay dung", "giay_phep_xd"],
  ["bao hiem", "bao_hiem"],
  ["bhyt", "bao_hiem"],
  ["bhxh", "bao_hiem"],
  ["tien dien", "tien_dien"],
  // "nạp tiền điện thoại": phone credit
  ["tien dien thoai", "tien dien_thoai"],
  ["hoa don dien", "tien_dien"],
  ["cong to", "tien_dien"],
  ["cong to dien", "tien_dien"],
  ["lam can cuoc", "lam_cancuoc"],
  ["lam lai can cuoc", "lam_cancuoc"],
  ["lam the can cuoc", "lam_cancuoc"],
  ["lam lai the can cuoc", "lam_cancuoc"],
  ["cap lai can cuoc", "lam_cancuoc"],
  ["mat can cuoc", "lam_cancuoc"],
  ["mat the can cuoc", "lam_cancuoc"],
  ["mai ton", "mai_ton"],
  ["tro cap", "tro_cap"],
  ["con bao", "bao_lu"],
  ["bao lu", "bao_lu"],
  ["bong da", "bong_da"],
  ["da bong", "bong_da"],
  ["doi tuyen", "bong_da"],
  ["thoi tiet", "thoi_tiet"],
  ["cap cuu", "cap_cuu"],
  ["cuu hoa", "cap_cuu"],
  ["benh vien", "benh_vien"],
  // a school's own procedures: "xin chuyển lớp", "chuyển trường"
  ["chuyen lop", "chuyen_truong"],
  // ("mới chuyển trường về": a newcomer, who asks about taking part)
  ["moi chuyen truong", "c:nguoi"],
  ["chuyen truong", "chuyen_truong"],
  ["tu vi", "tu_vi"],
  ["xem boi", "tu_vi"],
  ["xem tuoi", "tu_vi"],
  ["phong thuy", "tu_vi"],
  // Southern "vô" typed bare: "không vô được", "vô link"
  ["vo duoc", "vao duoc"],
  ["vo link", "vao link"],
  ["vo thi", "vao thi"],
  // (the rewriting is one pass: what "vào trang", "vào web" become)
  ["vo trang web", "vao link"],
  ["vo trang", "vao link"],
  ["vo web", "vao link"],
  ["vo hoc", "vao hoc"],
];

interface Node {
  next: Map<string, Node>;
  out?: string[];
  /** The rule's words as written with marks (content's rules). */
  marks?: string[];
}

/** A rewrite rule on folded text: "tham du" → "thamgia"; an empty `to` drops the phrase. */
/**
 * A folded phrase and what it becomes. `marked`: the phrase as written with marks (content's synonyms):
 * a word the resident typed with other marks is another word ("để thi" is not "đề thi").
 */
export type PhraseRule = readonly [from: string, to: string, marked?: string];

/** The general rules plus a campaign's, as a trie for longest-first matching. */
export class PhraseRewriter {
  private readonly root: Node = { next: new Map() };

  constructor(campaignRules: readonly PhraseRule[] = []) {
    // Campaign rules come last: for the same phrase, content wins over code.
    for (const [from, to, marked] of [...GENERAL_RULES, ...WORD_CLASS_RULES, ...campaignRules]) this.add(from, to, marked);
  }

  private add(from: string, to: string, marked?: string): void {
    let n = this.root;
    const words = from.split(" ").filter(Boolean);
    for (const w of words) {
      let c = n.next.get(w);
      if (!c) {
        c = { next: new Map() };
        n.next.set(w, c);
      }
      n = c;
    }
    n.out = to ? to.split(" ").filter(Boolean) : [];
    const marks = marked?.split(" ").filter(Boolean).map(canonicalTone);
    n.marks = marks?.length === words.length ? marks : undefined;
  }

  /** Does a rule start with this folded word (a site or name typed as one token)? */
  starts(word: string): boolean {
    return this.root.next.has(word);
  }

  /** Applies the rewrites left to right, longest match first, on a folded token list. */
  rewrite<T extends { f: string; acc?: string }>(items: T[], make: (f: string) => T): T[] {
    const out: T[] = [];
    let i = 0;
    while (i < items.length) {
      let n: Node | undefined = this.root;
      let best: { len: number; out: string[] } | null = null;
      for (let j = i; j < items.length && n; j++) {
        n = n.next.get(items[j]!.f);
        if (n?.out && (!n.marks || !typedAsStopword(items, i, n.marks))) best = { len: j - i + 1, out: n.out };
      }
      if (best) {
        // An output word that was also typed keeps its marks ("cao tuổi" → "già tuổi"): the accent check
        // must not see a rewritten word as another topic's.
        const span = items.slice(i, i + best.len);
        for (const f of best.out) out.push(span.find((it) => it.f === f) ?? make(f));
        i += best.len;
      } else {
        out.push(items[i]!);
        i++;
      }
    }
    return out;
  }
}

/** "để" typed bare. */
const BARE_PURPOSE = fold(PURPOSE_WORD);

/**
 * Does the resident's word, where the rule has a word with marks, read as a stopword of the same letters?
 * Typed with marks: "vào đâu để thi" is not "đề thi". Typed bare, "de" before a verb is "để" far more often
 * than anything else ("lam sao de thi"), but not after the rule's first word ("chuyen de"). A content word with wrong marks ("bảng đồ", "sổ" for "số")
 * is still read as meant.
 */
function typedAsStopword(
  items: ReadonlyArray<{ f: string; acc?: string; bare?: boolean }>,
  from: number,
  marks: readonly string[],
): boolean {
  return marks.some((m, k) => {
    const it = items[from + k];
    // (A rule word written without marks, "thi" in "đề thi", is still another word than "thì" typed with them.)
    if (!it || it.acc === undefined || it.acc === m) return false;
    // Only as the rule's first word: after another word ("chuyen de") bare "de" is the rule's own.
    if (it.bare) return k === 0 && it.f === BARE_PURPOSE;
    return it.acc !== m && it.acc !== it.f && ACCENTED_STOPWORDS.has(it.acc);
  });
}
