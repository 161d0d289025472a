import type { Analysis } from "../nlp/normalise.js";
import type { Candidate, FaqIndex } from "./faq-index.js";

/** How much coverage counts against BM25 when ordering candidates (both scaled 0-1). */
const COVERAGE_SHARE = 0.75;
/** A tie-break between entries that cover a question equally (see Candidate.centrality). */
const CENTRALITY_SHARE = 0.03;

export interface Ranked extends Candidate {
  /** COVERAGE_SHARE × strict coverage + the rest × BM25 relative to the best hit: the ordering key. */
  combined: number;
}

export interface Retrieval {
  analysis: Analysis;
  /** Best first; one per entry, over every reading of the question. */
  ranked: Ranked[];
}

/** Ranks FAQ entries for a question: BM25 finds candidates, coverage reorders them. */
export function retrieve(index: FaqIndex, text: string, limit = 8): Retrieval {
  const analysis = index.analyse(text);
  const byEntry = new Map<string, Ranked>();
  for (const reading of analysis.readings) {
    const cands = index.rank(reading, limit);
    const top = cands[0]?.score ?? 0;
    for (const c of cands) {
      const combined = COVERAGE_SHARE * c.strict + (1 - COVERAGE_SHARE) * (top > 0 ? c.score / top : 0) + CENTRALITY_SHARE * c.centrality;
      const prev = byEntry.get(c.entry.id);
      if (!prev || prev.combined < combined) byEntry.set(c.entry.id, { ...c, combined });
    }
  }
  const ranked = [...byEntry.values()].sort((a, b) => b.combined - a.combined).slice(0, limit);
  return { analysis, ranked };
}
