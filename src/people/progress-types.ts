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
  /**
   * The figure pace and reminders use: the official count plus the chat reports made after the official
   * figures' day (not counting names already on an official list); the chat reports when there is no official count.
   */
  completed: number;
  /** Completion reports made in chat (all of them). */
  reported: number;
  /** The latest imported official count, null when none. */
  official: number | null;
  /** Day of that official count (YYYY-MM-DD), null when none. */
  officialAsOf: string | null;
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
  reported: number;
  /** Sum of the official counts of its units that have one; null when none has. */
  official: number | null;
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
