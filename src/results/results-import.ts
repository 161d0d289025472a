import { createHash } from "node:crypto";
import { vnDate } from "../shared/vietnam-time.js";
import type { Db } from "../db/database.js";
import { ResultFileError } from "../errors.js";
import type { PeopleServices } from "../people/people-services.js";
import { matchNames, type MatchSummary } from "../people/person-matching.js";
import type { UnitProgress } from "../people/progress-types.js";
import { planImport, type ReadPlan } from "./import-plan.js";
import { readRows } from "./result-file.js";

/** A unit's figures as an import changes them. */
export interface UnitFigures {
  official: number | null;
  officialAsOf: string | null;
  completed: number;
  behind: boolean;
}

export interface UnitChange {
  code: string;
  name: string;
  ward: string;
  target: number;
  before: UnitFigures;
  after: UnitFigures;
}

/** What an import did, or would do without `apply`. */
export interface ImportReport extends Omit<ReadPlan, "people" | "figures"> {
  fileName: string;
  /** SHA-256 of the file: the dashboard's confirm step applies only the very file it previewed. */
  sha256: string;
  changes: UnitChange[];
  /** Per-person shape: chat reports against the official list, per unit. */
  matching: { code: string; name: string; summary: MatchSummary }[];
  applied: boolean;
  importId: number | null;
}

export interface ImportOptions {
  fileName: string;
  apply: boolean;
  now: Date;
  /** With apply: refuse unless the file is this one (the one previewed). */
  expectSha256?: string;
  onProgress?(rowsRead: number): void;
  /** Called once the file is read, before anything is written. */
  onRead?(plan: ReadPlan): void;
}

const figuresOf = (u: UnitProgress): UnitFigures => ({
  official: u.official,
  officialAsOf: u.officialAsOf,
  completed: u.completed,
  behind: u.behind,
});

/** Thrown inside the transaction of a dry run so that nothing it wrote stays. */
class DryRun extends Error {
  constructor(readonly report: ImportReport) {
    super("dry run");
  }
}

/**
 * Reads an official-results file (CSV or .xlsx, per unit or per person), checks every row, and shows what
 * changes: figures before and after, per unit, computed by the same progress rule the bot uses (the import
 * is written in a transaction, read back, and rolled back unless `apply`). One transaction either way.
 */
export async function importResults(input: Buffer, opts: ImportOptions, deps: { db: Db; people: PeopleServices }): Promise<ImportReport> {
  const sha256 = createHash("sha256").update(input).digest("hex");
  if (opts.apply && opts.expectSha256 && opts.expectSha256 !== sha256) {
    throw new ResultFileError(
      "the file is not the one previewed: preview it again",
      "Tệp không phải tệp vừa xem trước: hãy xem trước lại.",
    );
  }
  const { people, db } = deps;
  const plan = await planImport(readRows(input), {
    resolve: (text) => people.resolver.resolve(text),
    units: people.units.all(),
    today: vnDate(opts.now),
    onProgress: opts.onProgress,
  });
  opts.onRead?.(plan);
  const { people: listed, figures, ...summary } = plan;
  const before = new Map(people.progress.report(opts.now).units.map((u) => [u.code, u]));

  const run = db.transaction((): ImportReport => {
    const importId = people.official.apply(
      { shape: plan.shape, fileName: opts.fileName, rows: plan.usable, figures, people: listed },
      opts.now,
    );
    const after = people.progress.report(opts.now).units;
    const covered = new Set(figures.map((f) => f.unitCode));
    const changes = after
      .filter((u) => covered.has(u.code))
      .map((u) => ({
        code: u.code,
        name: u.name,
        ward: u.ward,
        target: u.target,
        before: figuresOf(before.get(u.code)!),
        after: figuresOf(u),
      }));
    const matching =
      plan.shape === "person"
        ? changes.map((c) => ({
            code: c.code,
            name: c.name,
            summary: matchNames(people.official.peopleOf(c.code), people.completions.byUnit(c.code)),
          }))
        : [];
    const report = { ...summary, fileName: opts.fileName, sha256, changes, matching, applied: opts.apply, importId };
    if (!opts.apply) throw new DryRun({ ...report, importId: null });
    return report;
  });
  try {
    return run.immediate();
  } catch (err) {
    if (err instanceof DryRun) return err.report;
    throw err;
  }
}
