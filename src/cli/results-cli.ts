import { basename } from "node:path";
import { parseArgs } from "node:util";
import { ResultFileError } from "../errors.js";
import type { ImportReport, UnitFigures } from "../results/results-import.js";
import { describeReason, whereOf } from "../results/row-problems.js";
import { cliPeople, subcommands, table, UsageError, type CliContext, type CliGroup, readInputFile } from "./cli-kit.js";

const int = (n: number) => n.toLocaleString("en-US");
const dmy = (day: string | null) => (day ? day.split("-").reverse().join("/") : "");
const official = (f: UnitFigures) => (f.official === null ? "-" : `${int(f.official)} (${dmy(f.officialAsOf)})`);

/** The import's report as lines of text (English, like the rest of the CLI; problems name line and reason). */
function reportLines(r: ImportReport, file: string, seconds: number): string[] {
  const lines = [
    `Read ${int(r.rowsRead)} rows from ${file} (per ${r.shape}) in ${seconds.toFixed(1)} s: ${int(r.usable)} ${r.shape === "person" ? "people" : "units"} usable, ${int(r.problems.length)} row(s) not used.`,
  ];
  if (r.problems.length) {
    lines.push("Rows not used:");
    for (const p of r.problems) lines.push(`  ${file}:${whereOf(p)}: ${describeReason(p.reason, "en")}`);
  }
  if (r.ignoredColumns.length) lines.push(`Columns ignored: ${r.ignoredColumns.join(", ")}`);
  if (r.skippedSheets.length) lines.push(`Sheets without a header row (not read): ${r.skippedSheets.join(", ")}`);
  lines.push(`Units (${r.changes.length}): official (as of), completed and behind, before → after`);
  const rows = [["code", "official", "completed", "behind", "name"]];
  for (const c of r.changes) {
    rows.push([
      c.code,
      `${official(c.before)} → ${official(c.after)}`,
      `${int(c.before.completed)} → ${int(c.after.completed)}/${int(c.target)}`,
      `${c.before.behind ? "yes" : "no"} → ${c.after.behind ? "yes" : "no"}`,
      c.name,
    ]);
  }
  lines.push(...table(rows).map((l) => `  ${l}`));
  if (r.matching.length) {
    lines.push("Chat reports against the official list (names compared without marks and case):");
    for (const m of r.matching) {
      const s = m.summary;
      lines.push(`  ${m.code}: ${int(s.confirmed)} confirmed, ${int(s.chatOnly)} in chat only, ${int(s.officialOnly)} on the list only`);
      for (const n of s.near) lines.push(`    check: "${n.chat}" (chat) looks like "${n.official}" (list); not merged`);
    }
  }
  return lines;
}

async function importCmd(args: string[], ctx: CliContext): Promise<number> {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: { apply: { type: "boolean" } } });
  if (positionals.length !== 1) throw new UsageError("results import needs exactly one file (.csv or .xlsx).");
  const file = positionals[0]!;
  const input = readInputFile(ctx, file);
  if (!input) return 1;
  const db = ctx.db();
  const people = cliPeople(ctx);
  // Loaded here so that other commands do not pay for the import pipeline.
  const { importResults } = await import("../results/results-import.js");
  const started = performance.now();
  const rate = (n: number) => int(Math.round(n / ((performance.now() - started) / 1000)));
  ctx.out(`Reading ${file}…`);
  try {
    const report = await importResults(
      input,
      {
        fileName: basename(file),
        apply: values.apply === true,
        now: ctx.clock().now(),
        onProgress: (n) => ctx.out(`  ${int(n)} rows read (${rate(n)} rows/s)`),
        onRead: (plan) =>
          ctx.out(`  ${int(plan.rowsRead)} rows read, ${values.apply ? "writing" : "checking"} ${int(plan.figures.length)} unit(s)…`),
      },
      { db, people },
    );
    for (const line of reportLines(report, file, (performance.now() - started) / 1000)) ctx.out(line);
    ctx.out(
      report.applied
        ? `Imported (import #${report.importId}): ${report.changes.length} unit(s) now use these official figures. ${rate(report.rowsRead)} rows/s.`
        : "Dry run: nothing written. Run again with --apply to import.",
    );
    return 0;
  } catch (err) {
    if (!(err instanceof ResultFileError)) throw err;
    ctx.err(`${file}: ${err.message}`);
    ctx.err("Nothing imported.");
    return 1;
  }
}

function clearCmd(args: string[], ctx: CliContext): number {
  const { values } = parseArgs({ args, options: { units: { type: "string" }, all: { type: "boolean" } } });
  if (!values.all && !values.units) throw new UsageError("results clear needs --all or --units CODE,CODE.");
  const people = cliPeople(ctx);
  const codes = values.all
    ? null
    : values
        .units!.split(",")
        .map((c) => c.trim().toUpperCase())
        .filter(Boolean);
  const n = people.official.clear(codes);
  ctx.out(`Removed the official results of ${n} unit(s); they count chat reports again.`);
  return 0;
}

export const resultsCli: CliGroup = {
  name: "results",
  summary: "import official results (per unit or per person) from CSV or .xlsx",
  usage: ["results import <file.csv|file.xlsx> [--apply]", "results clear --all | --units CODE,CODE"],
  run: subcommands("results", { import: importCmd, clear: clearCmd }),
};
