import { codeKey, isNumberToken, oneTypoApart, unitTokens } from "./unit-text.js";
import type { Unit, UnitsStore } from "./units-store.js";

/** How many numbered choices the bot offers at most (the resident answers with one digit). */
export const MAX_CHOICES = 9;

export type Resolution =
  /** One unit, confidently. */
  | { kind: "found"; unit: Unit }
  /** Several units fit (or one only loosely): offer them as numbered choices. */
  | { kind: "choices"; units: Unit[] }
  /** Too many fit to list: ask for something more specific. */
  | { kind: "too_many"; count: number }
  | { kind: "none" };

interface IndexedUnit {
  unit: Unit;
  code: string;
  keys: string[][];
  ward: Set<string>;
}

interface Score {
  unit: Unit;
  /** 1 when every typed word is in the unit's name, an alias or its ward's name. */
  coverage: number;
  /** Every word of that name or alias was typed (so "tổ 1" is exactly TDP 1, not TDP 1A). */
  full: boolean;
}

/**
 * Finds the unit someone means from what they typed: a code ("AD-TDP05"), a name or alias in any
 * spelling ("tdp 5", "tổ 5", "TDP số 5 Đông Hòa", "tieu hoc dong hoa"). Numbers must match exactly.
 * The index is rebuilt only when the units table changed (from any process).
 */
export class UnitResolver {
  private cache: { version: number; index: IndexedUnit[] } | null = null;

  constructor(private readonly units: UnitsStore) {}

  resolve(text: string): Resolution {
    const index = this.index();
    const code = codeKey(text);
    if (code) {
      const byCode = index.find((u) => u.code === code);
      if (byCode) return { kind: "found", unit: byCode.unit };
    }
    const q = unitTokens(text);
    if (q.length === 0) return { kind: "none" };

    const scores = index.map((u) => score(u, q)).filter((s): s is Score => s !== null);
    const strong = scores.filter((s) => s.coverage === 1);
    if (strong.length === 1) return { kind: "found", unit: strong[0]!.unit };
    if (strong.length > 1) {
      const full = strong.filter((s) => s.full);
      // The exact name wins over looser ones of the same ward ("tổ 1": TDP 1, not TDP 1A); across wards
      // only the person can say which one they meant.
      const only = full.length === 1 ? full[0]!.unit : null;
      if (only && strong.every((s) => s.unit.ward === only.ward)) return { kind: "found", unit: only };
      return listOrTooMany(full.length > 1 ? full : strong);
    }
    const weak = scores.filter((s) => s.coverage >= 0.6).sort((a, b) => b.coverage - a.coverage);
    if (weak.length === 0) return { kind: "none" };
    const best = weak[0]!.coverage;
    return listOrTooMany(weak.filter((s) => s.coverage >= best - 0.2));
  }

  private index(): IndexedUnit[] {
    const version = this.units.version();
    if (this.cache?.version === version) return this.cache.index;
    const index = this.units.all().map((unit) => ({
      unit,
      code: codeKey(unit.code),
      keys: [unit.name, ...unit.aliases].map(unitTokens).filter((k) => k.length > 0),
      ward: new Set(unitTokens(unit.ward)),
    }));
    this.cache = { version, index };
    return index;
  }
}

function listOrTooMany(scores: Score[]): Resolution {
  if (scores.length > MAX_CHOICES) return { kind: "too_many", count: scores.length };
  return { kind: "choices", units: scores.map((s) => s.unit) };
}

/** The best of the unit's keys for the typed tokens; null when no key fits (or a number differs). */
function score(u: IndexedUnit, q: string[]): Score | null {
  let best: Score | null = null;
  for (const key of u.keys) {
    const keySet = new Set(key);
    // A number the person typed must be in this name: "tổ 5" is never TDP 15.
    if (q.some((t) => isNumberToken(t) && !keySet.has(t))) continue;
    let points = 0;
    const used = new Set<string>();
    for (const t of q) {
      if (keySet.has(t)) {
        points += 1;
        used.add(t);
      } else if (u.ward.has(t)) points += 1;
      else if (!isNumberToken(t)) {
        const near = key.find((k) => !isNumberToken(k) && oneTypoApart(t, k));
        if (near) {
          points += 0.6;
          used.add(near);
        }
      }
    }
    const coverage = points / q.length;
    const full = key.every((k) => used.has(k));
    if (coverage > 0 && (!best || coverage > best.coverage || (coverage === best.coverage && full && !best.full))) {
      best = { unit: u.unit, coverage, full };
    }
  }
  return best;
}
