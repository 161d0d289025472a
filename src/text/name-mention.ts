import { fold } from "./fold.js";

/** The text folded one character at a time, with where each folded character came from. */
function foldAligned(text: string): { folded: string; origin: number[] } {
  let folded = "";
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

function namePattern(name: string): RegExp | null {
  const words = fold(name).split(/\s+/).filter(Boolean);
  if (words.length === 0) return null;
  const escaped = words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  // Whole words only, any spacing, any case or marks: "phan thi xoa" finds "Phan  Thị Xoa".
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escaped.join("\\s+")}(?![\\p{L}\\p{M}\\p{N}])`, "gu");
}

/** True when the text names the person (whole words; case, marks and spacing ignored). */
export function mentionsName(text: string, name: string): boolean {
  const re = namePattern(name);
  return re ? re.test(fold(text.normalize("NFC"))) : false;
}

/** Replaces every mention of the name with the placeholder, leaving the rest of the text as typed. */
export function replaceName(text: string, name: string, placeholder: string): string {
  const re = namePattern(name);
  if (!re) return text;
  const src = text.normalize("NFC");
  const { folded, origin } = foldAligned(src);
  let out = "";
  let last = 0;
  for (const m of folded.matchAll(re)) {
    const start = origin[m.index]!;
    const end = origin[m.index + m[0].length]!;
    out += src.slice(last, start) + placeholder;
    last = end;
  }
  return last === 0 ? text : out + src.slice(last);
}
