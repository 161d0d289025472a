import { codeKey, unitTokens } from "./unit-text.js";
import type { Unit } from "./units-store.js";

/** Letter pairs of a string, counted (for the Dice similarity). */
function bigrams(s: string): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < s.length - 1; i++) {
    const g = s.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

function dice(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length < 2 || b.length < 2) return 0;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let common = 0;
  for (const [g, n] of ga) common += Math.min(n, gb.get(g) ?? 0);
  return (2 * common) / (a.length - 1 + (b.length - 1));
}

/**
 * The units whose code, name or alias look most like what was written (for "unknown unit, did you mean"):
 * letter-pair similarity of the folded, abbreviation-expanded text. Best first, at most `limit`.
 */
export function closestUnits(text: string, units: Unit[], limit = 3): Unit[] {
  const q = unitTokens(text).join("");
  const qCode = codeKey(text);
  if (!q && !qCode) return [];
  return units
    .map((u) => {
      const keys = [u.name, ...u.aliases].map((k) => dice(q, unitTokens(k).join("")));
      return { u, score: Math.max(dice(qCode, codeKey(u.code)), ...keys) };
    })
    .filter((s) => s.score >= 0.4)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.u);
}
