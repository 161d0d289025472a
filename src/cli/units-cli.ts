import { parseArgs } from "node:util";
import { parseUnitsCsv, UNIT_COLUMNS } from "../people/units-csv.js";
import { targetOf, UnitsStore } from "../people/units-store.js";
import { subcommands, table, UsageError, type CliContext, type CliGroup, readInputFile } from "./cli-kit.js";

function importUnits(args: string[], ctx: CliContext): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError("units import needs exactly one CSV file.");
  const file = positionals[0]!;
  const input = readInputFile(ctx, file);
  if (!input) return 1;
  const parsed = parseUnitsCsv(input);
  if (!parsed.ok) {
    for (const p of parsed.problems) ctx.err(`${file}:${p.line}: ${p.reason}`);
    ctx.err(`Nothing imported: ${parsed.problems.length} problem(s). Columns: ${UNIT_COLUMNS.join(",")}`);
    return 1;
  }
  const store = new UnitsStore(ctx.db());
  const { inserted, updated } = store.upsertAll(parsed.units, new Date());
  const wards = new Set(parsed.units.map((u) => u.ward));
  const target = parsed.units.reduce((n, u) => n + targetOf(u.base, u.targetRatio), 0);
  ctx.out(
    `Imported ${parsed.units.length} units from ${file} (${inserted} new, ${updated} updated) in ${wards.size} ward(s); total target ${target}.`,
  );
  return 0;
}

function listUnits(args: string[], ctx: CliContext): number {
  const { values } = parseArgs({ args, options: { ward: { type: "string" } } });
  const units = new UnitsStore(ctx.db()).all().filter((u) => !values.ward || u.ward === values.ward);
  if (units.length === 0) {
    ctx.out("No units. Import some with: npm run cli -- units import <file.csv>");
    return 0;
  }
  const rows = [["code", "kind", "ward", "base", "target", "group", "name"]];
  for (const u of units) {
    rows.push([u.code, u.kind, u.ward, String(u.base), String(u.target), u.zaloGroupId ?? "-", u.name]);
  }
  for (const line of table(rows)) ctx.out(line);
  return 0;
}

export const unitsCli: CliGroup = {
  name: "units",
  summary: "import and list units (agencies, schools, tổ dân phố)",
  usage: ["units import <file.csv>", "units list [--ward <name>]"],
  run: subcommands("units", { import: importUnits, list: listUnits }),
};
