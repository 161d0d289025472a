import { nameKey } from "./person-name.js";

/** How a unit's chat reports compare with its official list. */
export interface MatchSummary {
  /** In both (same name after folding marks and case). */
  confirmed: number;
  /** Reported in chat, not on the official list. */
  chatOnly: number;
  /** On the official list, never reported in chat. */
  officialOnly: number;
  /** Names that look alike without being equal: for the officer to check, never merged. */
  near: { chat: string; official: string }[];
}

/** Levenshtein distance, giving up (returns max + 1) once it exceeds max. */
function distanceWithin(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/**
 * Two different keys that are probably the same person: a typo or two ("nguyen van anh" / "nguyen van an"),
 * the same words in another order, or a middle name left out ("nguyen an" / "nguyen van an").
 */
function namesLookAlike(a: string, b: string): boolean {
  if (a === b) return false;
  const ta = a.split(" ");
  const tb = b.split(" ");
  if (ta.length === tb.length && [...ta].sort().join(" ") === [...tb].sort().join(" ")) return true;
  const [short, long] = ta.length < tb.length ? [ta, tb] : [tb, ta];
  if (short.length >= 2 && short[0] === long[0] && short.at(-1) === long.at(-1) && short.every((t) => long.includes(t))) {
    return true;
  }
  return Math.min(a.length, b.length) >= 6 && distanceWithin(a, b, 2) <= 2;
}

/**
 * Matches a unit's chat reports with its official list by folded name, counting namesakes once each
 * (two "Nguyễn Văn An" in chat and one on the list: one confirmed, one chat only). Near matches are listed
 * (at most `nearLimit`), one per chat-only name, compared only with names sharing a first or last word.
 */
export function matchNames(
  official: readonly { nameKey: string; fullName?: string }[],
  chat: readonly { fullName: string }[],
  nearLimit = 50,
): MatchSummary {
  const left = new Map<string, number>();
  for (const o of official) left.set(o.nameKey, (left.get(o.nameKey) ?? 0) + 1);
  let confirmed = 0;
  const chatOnly: { name: string; key: string }[] = [];
  for (const c of chat) {
    const key = nameKey(c.fullName);
    const n = left.get(key) ?? 0;
    if (n > 0) {
      confirmed++;
      left.set(key, n - 1);
    } else chatOnly.push({ name: c.fullName, key });
  }
  const near: MatchSummary["near"] = [];
  if (chatOnly.length > 0) {
    const display = new Map<string, string>();
    for (const o of official) if (!display.has(o.nameKey)) display.set(o.nameKey, o.fullName ?? o.nameKey);
    const byWord = new Map<string, string[]>();
    for (const [key, n] of left) {
      if (n === 0) continue;
      const words = key.split(" ");
      for (const w of new Set([words[0]!, words.at(-1)!])) {
        const list = byWord.get(w);
        if (list) list.push(key);
        else byWord.set(w, [key]);
      }
    }
    for (const c of chatOnly) {
      if (near.length >= nearLimit) break;
      const words = c.key.split(" ");
      const candidates = new Set([...(byWord.get(words.at(-1)!) ?? []), ...(byWord.get(words[0]!) ?? [])]);
      for (const key of candidates) {
        if (namesLookAlike(c.key, key)) {
          near.push({ chat: c.name, official: display.get(key)! });
          break;
        }
      }
    }
  }
  const officialOnly = [...left.values()].reduce((s, n) => s + n, 0);
  return { confirmed, chatOnly: chatOnly.length, officialOnly, near };
}
