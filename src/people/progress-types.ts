/** Shapes shared by progress (completions work), broadcasts and the dashboard. Field names follow contract.md. */

export type UnitKind = "agency" | "residential";

export interface UnitProgress {
  code: string;
  name: string;
  kind: UnitKind;
  ward: string;
  base: number;
  /** ceil(base × target_ratio) */
  target: number;
  completed: number;
  /** completed / target (0 when target is 0) */
  ratio: number;
  /** target × share of the campaign elapsed (the whole target once it has ended) */
  expectedByNow: number;
  /** completed < expectedByNow */
  behind: boolean;
  /** The OA group linked to the unit, if any (broadcast target). */
  zaloGroupId: string | null;
}

export interface WardProgress {
  ward: string;
  base: number;
  target: number;
  completed: number;
  ratio: number;
  expectedByNow: number;
  behind: boolean;
  units: number;
}

export interface ProgressReport {
  asOf: string;
  units: UnitProgress[];
  wards: WardProgress[];
}
