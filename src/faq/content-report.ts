import type { FaqEntry } from "../content/faq-content.js";
import { decide } from "./confidence.js";
import type { FaqIndex } from "./faq-index.js";
import { retrieve } from "./retrieval.js";

export interface Collision {
  /** "duplicate": two entries share a phrasing once normalised; "crossed": the phrasing is answered by another entry. */
  kind: "duplicate" | "crossed" | "weak";
  entry: string;
  phrasing: string;
  other: string | null;
}

/**
 * Checks every example phrasing against the index built from all of them: exact duplicates across
 * entries, phrasings the engine answers with another entry, and phrasings it is not confident about.
 */
export function findCollisions(entries: readonly FaqEntry[], index: FaqIndex): Collision[] {
  const out: Collision[] = [];
  const owner = new Map<string, string>();
  for (const e of entries) {
    for (const p of e.ask) {
      const key = index.analyse(p).key;
      const prev = owner.get(key);
      if (prev && prev !== e.id) out.push({ kind: "duplicate", entry: e.id, phrasing: p, other: prev });
      else owner.set(key, e.id);
    }
  }
  for (const e of entries) {
    for (const p of e.ask) {
      const d = decide(retrieve(index, p).ranked);
      if (d.kind === "answer" && d.entry.id !== e.id) out.push({ kind: "crossed", entry: e.id, phrasing: p, other: d.entry.id });
      else if (d.kind !== "answer") {
        const other = d.kind === "suggest" ? d.entries.map((x) => x.id).join(", ") : null;
        out.push({ kind: "weak", entry: e.id, phrasing: p, other });
      }
    }
  }
  return out;
}
