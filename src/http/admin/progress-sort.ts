import type { ProgressReport, UnitProgress, WardProgress } from "../../people/progress-types.js";

export const SORT_KEYS = ["behind", "ratio", "name"] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export function parseSort(value: unknown): SortKey {
  return SORT_KEYS.includes(value as SortKey) ? (value as SortKey) : "behind";
}

const byName = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

type Row = Pick<UnitProgress | WardProgress, "ratio" | "behind"> & { label: string };

function compare(key: SortKey, a: Row, b: Row): number {
  if (key === "name") return byName.compare(a.label, b.label);
  if (key === "behind" && a.behind !== b.behind) return a.behind ? -1 : 1;
  return a.ratio - b.ratio || byName.compare(a.label, b.label);
}

export interface WardGroup {
  ward: WardProgress;
  units: UnitProgress[];
}

/** Wards, each with its units, both in the chosen order ("behind": behind first, then lowest ratio). */
export function groupByWard(report: ProgressReport, key: SortKey): WardGroup[] {
  const units = new Map<string, UnitProgress[]>();
  for (const u of report.units) {
    const list = units.get(u.ward) ?? [];
    list.push(u);
    units.set(u.ward, list);
  }
  return [...report.wards]
    .sort((a, b) => compare(key, { ...a, label: a.ward }, { ...b, label: b.ward }))
    .map((ward) => ({
      ward,
      units: (units.get(ward.ward) ?? []).sort((a, b) => compare(key, { ...a, label: a.name }, { ...b, label: b.name })),
    }));
}
