import { fold } from "../text/fold.js";
import type { UnitResolver } from "./unit-resolver.js";

/** Words that start a unit's name: where "Nguyễn Văn An tổ 5" switches from the name to the unit. */
const UNIT_START = new Set([
  "to",
  "tdp",
  "truong",
  "thon",
  "khu",
  "kp",
  "phong",
  "ban",
  "uy",
  "ubnd",
  "cong",
  "doan",
  "hoi",
  "mttq",
  "mat",
  "trung",
  "van",
  "th",
  "thcs",
  "thpt",
  "mn",
  "mam",
  "tieu",
  "ca",
  "don",
]);

/** Words that can only start a unit (no Vietnamese name has them), so the split holds even unresolved. */
const SURELY_UNIT = new Set(["tdp", "truong", "thon", "kp", "ubnd", "mttq", "thcs", "thpt"]);

const hasDigit = (word: string) => /\d/.test(word);
const startsUnit = (word: string) => UNIT_START.has(fold(word)) || hasDigit(word);
const surelyUnit = (word: string, next: string | undefined) =>
  SURELY_UNIT.has(fold(word)) || hasDigit(word) || (fold(word) === "to" && next !== undefined && hasDigit(next));

/**
 * Splits what follows `#xong` into the full name and the unit. With a comma (or ";", " - ") it is
 * "<họ và tên>, <đơn vị>". Without one, the split is the first point after two words where the rest
 * starts like a unit ("tổ", "trường", a number, a code) and names exactly one unit; failing that, the first
 * word only a unit can start with ("trường", "TDP", "tổ 5"); failing that, it is all name.
 */
export function splitNameAndUnit(args: string, resolver: UnitResolver): { name: string; unit: string } {
  const text = args.normalize("NFC").replace(/\s+/g, " ").trim();
  // "Lê Minh Tuấn - khu 4": a spaced dash separates like a comma (no name holds one).
  const sep = text.search(/[,;|]|\s[-–—]\s/);
  if (sep >= 0)
    return {
      name: text.slice(0, sep).trim(),
      unit: text
        .slice(sep + 1)
        .replace(/^[\s,;:|\-–—]+/, "")
        .trim(),
    };
  const words = text.split(" ").filter(Boolean);
  const points: number[] = [];
  for (let i = 2; i < words.length && i <= 6; i++) if (startsUnit(words[i]!)) points.push(i);
  const found = points.find((i) => resolver.resolve(words.slice(i).join(" ")).kind === "found");
  const at = found ?? points.find((i) => surelyUnit(words[i]!, words[i + 1]));
  if (at === undefined) return { name: text, unit: "" };
  return {
    name: words.slice(0, at).join(" "),
    unit: words
      .slice(at)
      .join(" ")
      .replace(/^[-–:]\s*/, ""),
  };
}
