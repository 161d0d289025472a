import type { Completion } from "./completions-store.js";
import type { NameProblem } from "./person-name.js";
import type { OfficerRights } from "./officers-store.js";
import type { ProgressReport, UnitProgress, WardProgress } from "./progress-types.js";
import type { Unit } from "./units-store.js";

/**
 * What residents and officers read in chat about completions and progress: Vietnamese, short. `noun` is
 * what the campaign is called (campaign.yaml `campaign.noun`: "cuộc thi", "chiến dịch").
 */

export const XONG_SYNTAX = "#xong <họ và tên>, <đơn vị>";
const EXAMPLE_NAME = "Nguyễn Văn An";

export function askName(unit: Unit | null): string {
  return unit
    ? `Chúc mừng bạn! Để ghi nhận cho ${unit.name}, bạn cho biết họ và tên đầy đủ nhé.`
    : "Chúc mừng bạn! Để ghi nhận, bạn cho biết họ và tên đầy đủ nhé.";
}

export function askUnit(name: string, examples: Unit[]): string {
  const eg = examples.map((u) => `“${u.name}”`).join(" hoặc ");
  return `Cảm ơn ${name}! Bạn thuộc đơn vị hoặc tổ dân phố nào?${eg ? ` Ví dụ: ${eg}.` : ""}`;
}

export function nameProblem(problem: NameProblem): string {
  switch (problem) {
    case "not_letters":
      return `Họ và tên chỉ gồm chữ cái (không có số, đường link hay ký hiệu). Bạn nhập lại họ và tên đầy đủ nhé, ví dụ: ${EXAMPLE_NAME}.`;
    case "too_long":
    case "too_many_words":
      return "Họ và tên dài quá (tối đa 6 chữ, 60 ký tự). Bạn nhập lại họ và tên nhé.";
    case "empty":
    case "too_short":
    case "one_word":
      return `Bạn cho biết đầy đủ cả họ và tên nhé, ví dụ: ${EXAMPLE_NAME}.`;
    case "not_a_name":
      return `Mình chưa nhận ra họ và tên. Bạn nhập họ và tên đầy đủ nhé, ví dụ: ${EXAMPLE_NAME}.`;
  }
}

function unitLabel(u: Unit, withWard: boolean): string {
  return withWard ? `${u.name} (phường/xã ${u.ward})` : u.name;
}

export function unitChoices(units: Unit[]): string {
  const wards = new Set(units.map((u) => u.ward));
  const lines = units.map((u, i) => `${i + 1}) ${unitLabel(u, wards.size > 1)}`);
  const intro = units.length === 1 ? "Có phải đơn vị của bạn là:" : "Có mấy đơn vị gần giống, bạn chọn số nhé:";
  return `${intro}\n${lines.join("\n")}\nTrả lời bằng một số (ví dụ: 1), hoặc ghi lại tên đơn vị.`;
}

export function chooseNumber(count: number): string {
  return `Bạn trả lời bằng một số từ 1 đến ${count}, hoặc ghi lại tên đơn vị nhé.`;
}

export function unitNotFound(typed: string, examples: Unit[]): string {
  const shown = typed.length > 40 ? `${typed.slice(0, 40)}…` : typed;
  const eg = examples.map((u) => `“${u.name}”`).join(" hoặc ");
  return `Mình chưa tìm thấy đơn vị “${shown}”. Bạn ghi tên đơn vị hoặc tổ dân phố${eg ? `, ví dụ: ${eg}` : ""}.`;
}

export function tooManyUnits(count: number): string {
  return `Có ${count} đơn vị khớp với tên này. Bạn ghi rõ hơn nhé, ví dụ: “Tổ dân phố số 5” hoặc tên trường.`;
}

export const NO_UNITS_YET = "Danh sách đơn vị chưa được cập nhật nên mình chưa ghi nhận được. Bạn vui lòng báo lại sau nhé.";

export const GAVE_UP = `Mình tạm dừng việc ghi nhận. Khi cần, bạn gửi: ${XONG_SYNTAX}`;

export function recorded(c: { fullName: string }, unit: Unit, updated: boolean, noun: string): string {
  const head = updated ? `Đã cập nhật thông tin hoàn thành ${noun} của bạn` : `Đã ghi nhận bạn hoàn thành ${noun}`;
  return `${head}: ${c.fullName} – ${unit.name}. Cảm ơn bạn! Gõ #toi để xem lại, #xoa nếu muốn xoá.`;
}

export function alreadyRecorded(c: Completion, unit: Unit | null): string {
  return `Bạn đã được ghi nhận rồi: ${c.fullName} – ${unit?.name ?? c.unitCode}. Cần sửa thì gửi: ${XONG_SYNTAX}`;
}

const vnDate = (d: Date) =>
  new Intl.DateTimeFormat("vi-VN", { timeZone: "Asia/Ho_Chi_Minh", day: "2-digit", month: "2-digit", year: "numeric" }).format(d);

export function whatWeHold(c: Completion | null, unit: Unit | null, rights: OfficerRights | null, noun: string): string {
  const lines: string[] = [];
  if (c) {
    lines.push(
      `Thông tin mình đang lưu về bạn:\n• Họ và tên: ${c.fullName}\n• Đơn vị: ${unit?.name ?? c.unitCode}\n• Báo hoàn thành ngày: ${vnDate(c.firstAt)}`,
    );
  } else {
    lines.push(`Mình chưa lưu thông tin hoàn thành ${noun} nào của bạn. Khi hoàn thành, bạn gửi: ${XONG_SYNTAX}`);
  }
  if (rights) {
    lines.push(
      rights.all
        ? "• Quyền cán bộ: tất cả đơn vị."
        : `• Quyền cán bộ: ${rights.units.length ? rights.units.join(", ") : "chưa có đơn vị nào"}.`,
    );
  }
  if (c) lines.push("Gõ #xoa nếu muốn xoá thông tin này.");
  return lines.join("\n");
}

/** #xoa: what was deleted, kind by kind (counts from the personal-data eraser); never repeats the name. */
export function deleted(gone: Record<string, number>, isOfficer: boolean, noun: string): string {
  const n = (k: string) => gone[k] ?? 0;
  const lines: string[] = [];
  if (n("completion")) lines.push(`• thông tin hoàn thành ${noun} (họ tên, đơn vị)`);
  if (n("messages") || n("replies")) lines.push(`• ${n("messages")} tin nhắn bạn đã gửi và ${n("replies")} tin trả lời cho bạn`);
  if (n("groupReplies")) lines.push(`• ${n("groupReplies")} tin trả lời bạn trong nhóm (thay bằng dòng “đã xoá”)`);
  if (n("questions")) lines.push(`• ${n("questions")} lần hỏi chưa được trả lời (cán bộ không còn thấy)`);
  if (n("mentions")) lines.push(`• tên bạn ở ${n("mentions")} tin nhắn của người khác (thay bằng “[tên đã xoá]”)`);
  if (n("steps")) lines.push(`• ${n("steps")} bước đang dở`);
  if (n("requests")) lines.push(`• tên bạn ở ${n("requests")} yêu cầu nhắc nhở`);
  if (n("official")) lines.push("• tên bạn trong danh sách kết quả phường đã nhập (thay bằng “[tên đã xoá]”, số người vẫn giữ)");
  const known = new Set([
    "completion",
    "officer",
    "messages",
    "replies",
    "groupReplies",
    "questions",
    "mentions",
    "steps",
    "requests",
    "official",
  ]);
  const other = Object.entries(gone).reduce((s, [k, v]) => s + (known.has(k) ? 0 : v), 0);
  if (other) lines.push(`• ${other} mục khác`);
  const head = lines.length ? `Đã xoá dữ liệu của bạn:\n${lines.join("\n")}` : "Mình không còn lưu dữ liệu nào của bạn.";
  const officer = isOfficer ? "\nQuyền cán bộ do phường cấp vẫn giữ nguyên; muốn bỏ, bạn liên hệ phường." : "";
  return `${head}${officer}`;
}

export const CANCELLED = "Đã huỷ bước đang làm. Bạn cần gì cứ nhắn mình nhé.";
export const NOTHING_TO_CANCEL = "Hiện không có bước nào đang chờ.";

export const NOT_OFFICER =
  "Xin lỗi, lệnh này chỉ dành cho cán bộ phụ trách đơn vị. Nếu bạn là cán bộ, vui lòng liên hệ phòng Văn hóa - Xã hội phường để được cấp quyền.";

export function notYourUnit(unit: Unit): string {
  return `Xin lỗi, bạn chưa được giao phụ trách ${unit.name} (${unit.code}).`;
}

export const LINK_NEEDS_GROUP =
  "Lệnh #lienket dùng trong nhóm Zalo của đơn vị (nhóm do OA quản lý): gõ #lienket <mã đơn vị> trong nhóm đó.";
export const LINK_NEEDS_CODE = "Bạn gõ kèm mã đơn vị, ví dụ: #lienket AD-TDP05. Gõ #baocao để xem mã các đơn vị bạn phụ trách.";

export function unknownUnit(typed: string): string {
  const shown = typed.length > 40 ? `${typed.slice(0, 40)}…` : typed;
  return `Không tìm thấy đơn vị “${shown}”. Bạn kiểm tra lại mã đơn vị nhé (gõ #baocao để xem danh sách).`;
}

export function groupTaken(current: Unit): string {
  return `Nhóm này đang liên kết với ${current.name} (${current.code}), đơn vị bạn không phụ trách. Cán bộ phụ trách đơn vị đó cần đổi liên kết.`;
}

export function linked(unit: Unit, previous: Unit | null): string {
  const prev = previous ? ` (trước đây nhóm gắn với ${previous.name})` : "";
  return `Đã liên kết nhóm này với ${unit.name} (${unit.code})${prev}. Thành viên báo hoàn thành trong nhóm sẽ được tính cho đơn vị này.`;
}

const pct = (r: number) => `${(Math.round(r * 1000) / 10).toLocaleString("vi-VN")}%`;
const num = (n: number) => n.toLocaleString("vi-VN");

function unitLine(u: UnitProgress): string {
  const pace = u.behind ? ` – chậm, cần ~${num(Math.ceil(u.expectedByNow))}` : " – đạt tiến độ";
  return `• ${u.name} (${u.code}): ${num(u.completed)}/${num(u.target)} (${pct(u.ratio)})${pace}`;
}

function wardLine(w: WardProgress): string {
  return `Phường/xã ${w.ward}: ${num(w.completed)}/${num(w.target)} (${pct(w.ratio)})${w.behind ? " – chậm tiến độ" : " – đạt tiến độ"}`;
}

/** #baocao: the officer's units (and their wards, for an all-units officer), behind pace marked. */
export function progressReport(report: ProgressReport, codes: Set<string> | "all", share: number, noun: string): string {
  const units = report.units.filter((u) => codes === "all" || codes.has(u.code));
  if (units.length === 0) return "Chưa có đơn vị nào để báo cáo. Danh sách đơn vị được nhập bằng lệnh units import.";
  const head = `Tiến độ đến ${vnDate(new Date(report.asOf))} (đã qua ${pct(share)} thời gian ${noun}):`;
  const lines = [head];
  if (codes === "all") for (const w of report.wards) lines.push(wardLine(w));
  const behind = units.filter((u) => u.behind).length;
  lines.push(...units.map(unitLine));
  lines.push(behind ? `${behind}/${units.length} đơn vị đang chậm tiến độ.` : "Tất cả đơn vị đều đạt tiến độ.");
  return lines.join("\n");
}
