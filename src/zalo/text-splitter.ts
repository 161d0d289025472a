/** Zalo's limit for one text message. */
export const MAX_TEXT_LENGTH = 2000;

function splitLong(piece: string, max: number): string[] {
  const out: string[] = [];
  let rest = piece;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    // Prefer a sentence end, then a space; never cut inside a surrogate pair.
    let cut = Math.max(window.lastIndexOf(". "), window.lastIndexOf("! "), window.lastIndexOf("? "));
    if (cut > max / 2) cut += 1;
    else cut = window.lastIndexOf(" ");
    if (cut <= 0) {
      cut = max;
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    out.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.trim()) out.push(rest.trimEnd());
  return out;
}

/** Splits text into chunks of at most `max` characters at line, then sentence, then word boundaries. */
export function splitText(text: string, max = MAX_TEXT_LENGTH): string[] {
  if (text.length <= max) return [text];
  const chunks: string[] = [];
  let current = "";
  for (const line of text.split("\n")) {
    const pieces = line.length > max ? splitLong(line, max) : [line];
    for (const piece of pieces) {
      const joined = current ? `${current}\n${piece}` : piece;
      if (joined.length <= max) {
        current = joined;
      } else {
        if (current) chunks.push(current);
        current = piece;
      }
    }
  }
  if (current) chunks.push(current);
  return chunks.filter((c) => c.trim() !== "");
}
