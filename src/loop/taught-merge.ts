import type { TaughtContent, TaughtNewEntry, TaughtPhrasing } from "../content/taught-file.js";
import type { TaughtItem } from "../stores/taught-store.js";

const phrasingKey = (entry: string, ask: string) => `${entry}\u0000${ask.trim()}`;

/**
 * What is taught now: content/taught.yaml (exported earlier) minus what was undone since, plus what is
 * active in SQLite. The dashboard's rows win over the file for the same entry id or phrasing.
 */
export function combineTaught(file: TaughtContent, rows: readonly TaughtItem[]): TaughtContent {
  const undone = rows.filter((r) => r.undoneAt !== null);
  const active = rows.filter((r) => r.undoneAt === null);
  const undonePhrasings = new Set(undone.filter((r) => r.kind === "phrasing").map((r) => phrasingKey(r.entryId, r.phrasing)));
  const undoneEntries = new Set(undone.filter((r) => r.kind === "entry").map((r) => r.entryId));
  const activeEntries = new Set(active.filter((r) => r.kind === "entry").map((r) => r.entryId));

  const phrasings = new Map<string, TaughtPhrasing>();
  for (const p of file.phrasings) {
    const k = phrasingKey(p.entry, p.ask);
    if (!undonePhrasings.has(k) && !undoneEntries.has(p.entry)) phrasings.set(k, p);
  }
  const entries = new Map<string, TaughtNewEntry>();
  for (const e of file.entries) if (!undoneEntries.has(e.id) && !activeEntries.has(e.id)) entries.set(e.id, e);

  for (const r of active) {
    const who = { taughtBy: r.taughtBy, taughtAt: r.taughtAt };
    if (r.kind === "phrasing") {
      if (!undoneEntries.has(r.entryId)) phrasings.set(phrasingKey(r.entryId, r.phrasing), { entry: r.entryId, ask: r.phrasing, ...who });
    } else if (r.entry) {
      entries.set(r.entryId, { id: r.entryId, ...r.entry, ask: r.phrasing.trim() ? [r.phrasing] : [], ...who });
    }
  }
  return { phrasings: [...phrasings.values()], entries: [...entries.values()] };
}

/** Questions officers taught, each pinned to its entry: asked again the same way, it gets that entry. */
export function pinnedQuestions(t: TaughtContent): Array<{ ask: string; entry: string }> {
  return [
    ...t.phrasings.map((p) => ({ ask: p.ask, entry: p.entry })),
    ...t.entries.flatMap((e) => e.ask.map((ask) => ({ ask, entry: e.id }))),
  ];
}
