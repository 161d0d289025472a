/**
 * Word classes of general Vietnamese: kinds of people and the country's provinces. A resident names
 * their own group ("công nhân", "shipper", "người thuê trọ") or home province ("quê Thái Bình") around a
 * question about who may take part; the content cannot list every one. Each becomes one class token, so
 * an occupation or province the content never names reads like the ones it does, instead of counting
 * as a word of another topic. "công nhân" (a worker) folds like "công nhận" (recognised), a word of the
 * contest, so only its unambiguous uses ("làm công nhân") are a class. Rules are folded phrases, applied
 * by the PhraseRewriter with the general rules. A campaign's own city is not listed: its lexicon names it.
 */

/** The class token for a kind of person (occupation, status, age group). */
export const PERSON = "c:nguoi";
/** The class token for a province or "another province". */
export const PROVINCE = "c:tinh";

const PEOPLE = `lam cong nhan|la cong nhan|nguoi cong nhan|cong nhan cong ty|cong nhan nha may|cong nhan khu cong nghiep
  |cong nhan may|cong nhan xay dung|nong dan|ngu dan|tieu thuong|nguoi buon ban|tieu chu|chu cua hang|sinh vien
  |sinh vien dai hoc|sinh vien cao dang|hoc vien|van thu|ke toan|thu quy|bo doi|quan nhan|quan doi|chien si|chien sy|dan quan|tai xe|lai xe
  |xe om|shipper|grab|bac si|y ta|dieu duong|ky su|noi tro|ba noi tro|lao dong tu do|lam thue|di lam thue|lam cong nhat|lao dong pho thong|lam nghe tu do|tho may|tho xay|tho moc|tho dien
  |phu ho|giup viec|huu tri|ve huu|nghi huu|cuu chien binh|thuong binh|benh binh|nguoi khuyet tat|khuyet tat
  |khiem thi|nguoi mu|dang vien|nguoi nuoc ngoai|viet kieu|nguoi thue tro|thue tro|o tro|nguoi o tro
  |nguoi tam tru|dan ngu cu|tre em|thieu nhi|thanh nien|nguoi lon|nguoi truong thanh
  |hoc sinh cap 1|hoc sinh cap 2|hoc sinh cap 3|hoc sinh tieu hoc|hoc sinh thcs|hoc sinh thpt
  |hoc sinh trung hoc co so|hoc sinh trung hoc pho thong|hoc sinh lop|hoc lop|dang hoc lop|hoc cap|nhan vien|nhan vien van phong|giam doc
  |chu doanh nghiep|doanh nhan|tu thuong|lao dong|nguoi lao dong|nguoi that nghiep|that nghiep
  |nguoi ban hang|ban hang ngoai cho|ban hang o cho|ban hang cho|di ban hang|buon ban|ban tap hoa|ban rau|phu huynh|phu huynh hoc sinh
  |moi chuyen den|moi chuyen ve|chuyen den o|chuyen ve o|chuyen den tro|den tro|moi ve o|moi den o
  |hoi vien|chi hoi truong|hoi truong|phu nu|hoi phu nu|hoi vien phu nu|moi chuyen len|moi len
  |lam thoi vu|di lam xa|lam xa|truong cap 1|truong cap 2|truong cap 3|tre con|truong cong an|truong cong an phuong
  |hop dong lao dong|lao dong hop dong|nhan vien hop dong|lam hop dong|co giao|thay giao|thay co giao|cac thay co|ban ve chai|mua ve chai|nhat ve chai|ve chai|dong nat|phe lieu`
  .split("|")
  .map((p) => p.trim())
  .filter(Boolean);

/** The 63 provinces and cities by their long-used names (people still say their home this way). */
const PROVINCES = `ha noi|ho chi minh|sai gon|da nang|can tho|hue|thua thien hue|an giang|ba ria|vung tau
  |bac giang|bac kan|bac can|bac lieu|bac ninh|ben tre|binh dinh|binh duong|binh phuoc|binh thuan|ca mau|cao bang
  |dak lak|dac lac|dak nong|dien bien|dong nai|dong thap|gia lai|ha giang|ha nam|ha tinh|hai duong|hau giang
  |hoa binh|hung yen|khanh hoa|kien giang|kon tum|lai chau|lam dong|lang son|lao cai|long an|nam dinh|nghe an
  |ninh binh|ninh thuan|phu tho|phu yen|quang binh|quang nam|quang ngai|quang ninh|quang tri|soc trang|son la
  |tay ninh|thai binh|thai nguyen|thanh hoa|tien giang|tra vinh|tuyen quang|vinh long|vinh phuc|yen bai
  |tinh khac|tinh ngoai|ngoai tinh|noi khac|tinh thanh khac|dia phuong khac|que`
  .split("|")
  .map((p) => p.trim())
  .filter(Boolean);

/**
 * Other countries, which say where someone is or comes from like a province does. Names that fold like a
 * common word ("Nhật" like "nhất", "Đức" like "dục", "Mỹ" like "mỳ") only after "người", "ở", "sang", "bên".
 */
const COUNTRIES = `nuoc ngoai|han quoc|trung quoc|nhat ban|dai loan|campuchia|thai lan|singapore|malaysia
  |hong kong|chau au|an do|philippines|indonesia|nuoc khac`
  .split("|")
  .map((p) => p.trim())
  .flatMap((c) => [c, `o ${c}`, `sang ${c}`, `ben ${c}`])
  .concat(["my", "phap", "duc", "nga", "uc", "nhat", "han", "lao"].flatMap((c) => [`o ${c}`, `sang ${c}`, `ben ${c}`]))
  // the home country, when someone says where they must be: "phải ở VN mới thi được"
  .concat(["o vn", "o viet nam"]);
/** Someone of another country: "người Hàn", "người Pháp"; a foreign spouse ("vợ người Trung Quốc") too. */
const FOREIGNERS = ["han quoc", "trung quoc", "nhat ban", "dai loan", "han", "phap", "my", "duc", "nga", "uc", "nhat", "lao", "thai"]
  .map((c) => `nguoi ${c}`)
  .concat(["quoc tich", "nhap quoc tich", "co dau nuoc ngoai", "xuat khau lao dong", "di xuat khau lao dong", "lao dong nuoc ngoai"]);

/** People from elsewhere: both a kind of person and another province. */
const FROM_ELSEWHERE = "nguoi tinh khac|nguoi o tinh khac|nguoi noi khac|nguoi ngoai tinh|nguoi tu tinh khac|dan tinh khac|nguoi que".split(
  "|",
);

/** "học lớp bảy": the grade said as a word (voice typing) belongs to the pupil, like its digit. */
const GRADE_WORDS = "mot hai ba bon nam sau bay tam chin muoi".split(" ");
const PUPILS_BY_GRADE = GRADE_WORDS.flatMap((w) => [`hoc lop ${w}`, `dang hoc lop ${w}`, `hoc sinh lop ${w}`]);

/** What the normaliser writes for a grade's digit ("lớp 2" → "lớp lopso"): "lớp" with it is a pupil. */
export const GRADE_TOKEN = "lopso";

/** Folded phrase → class token rules, for the PhraseRewriter. */
export const WORD_CLASS_RULES: ReadonlyArray<readonly [string, string]> = [
  ...PEOPLE.map((p) => [p, PERSON] as const),
  ...PUPILS_BY_GRADE.map((p) => [p, PERSON] as const),
  // "con em lớp 2"; left alone after another rule took "lớp" ("thi vào lớp 10"), the grade token goes
  [`lop ${GRADE_TOKEN}`, PERSON],
  // "con e lớp 7 có được thi không": my child, a pupil
  ...["con", "con em", "con e", "con minh", "con toi", "con tui", "chau em", "chau minh"].map(
    (c) => [`${c} lop ${GRADE_TOKEN}`, PERSON] as const,
  ),
  // "học cấp 2", "trường cấp 3"
  [`cap ${GRADE_TOKEN}`, PERSON],
  [`hoc cap ${GRADE_TOKEN}`, PERSON],
  [`truong cap ${GRADE_TOKEN}`, PERSON],
  [GRADE_TOKEN, ""],
  ...PROVINCES.map((p) => [p, PROVINCE] as const),
  ...FROM_ELSEWHERE.map((p) => [p, `${PERSON} ${PROVINCE}`] as const),
  ...COUNTRIES.map((p) => [p, PROVINCE] as const),
  ...FOREIGNERS.map((p) => [p, `${PERSON} ${PROVINCE}`] as const),
];

/** A class token: stands for many words, so one the content never uses is not another topic. */
export function isClassToken(t: string): boolean {
  return t.startsWith("c:");
}

/** "để" (in order to), written where bare typing left "de": the clause reader splits a purpose off at it. */
export const PURPOSE_WORD = "để";
