import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadCampaign } from "../content/campaign.js";
import { loadChatTexts } from "../content/chat-texts.js";
import { progressReport } from "../people/chat-texts.js";
import { elapsedShare, ProgressService } from "../people/progress-service.js";
import type { UnitProgress } from "../people/progress-types.js";
import { neutraliseFormula } from "../text/spreadsheet-cell.js";
import { type CliContext, type CliGroup, cliPeople } from "./cli-kit.js";

const CSV_COLUMNS = ["code", "name", "kind", "ward", "base", "target", "completed", "ratio", "expectedByNow", "behind"] as const;

function cell(v: unknown): string {
  const s = typeof v === "string" ? neutraliseFormula(v) : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function csvRow(u: UnitProgress): string {
  const values = { ...u, ratio: round(u.ratio, 4), expectedByNow: round(u.expectedByNow, 2) };
  return CSV_COLUMNS.map((c) => cell(values[c])).join(",");
}

/** `report --xlsx FILE`: the workbook officers hand to the ward (whole, per ward, names reported in chat). */
async function writeWorkbook(file: string, ward: string | undefined, ctx: CliContext): Promise<number> {
  // Loaded here: exceljs and the workbook code are only for this command.
  const { progressWorkbook } = await import("../results/progress-workbook.js");
  const { workbookInput } = await import("../results/report-data.js");
  const people = cliPeople(ctx);
  const input = workbookInput(people, ctx.clock().now(), ward);
  try {
    writeFileSync(file, await progressWorkbook(input));
  } catch (err) {
    ctx.err(`Cannot write ${file}: ${(err as Error).message}`);
    return 1;
  }
  const behind = input.report.units.filter((u) => u.behind).length;
  ctx.out(
    `Wrote ${file}: ${input.report.wards.length} ward sheet(s) and the whole, ${input.report.units.length} units (${behind} behind), ${input.chatNames.length} names reported in chat.`,
  );
  return 0;
}

/**
 * `report [--csv | --xlsx FILE]`: progress per unit and ward, as text for people, CSV (contract field names)
 * for sheets, or the formatted workbook.
 */
export const reportCli: CliGroup = {
  name: "report",
  summary: "progress per unit and ward (text, --csv, or an Excel workbook with --xlsx FILE)",
  usage: ["report [--csv | --xlsx <file.xlsx>] [--ward <name>]"],
  run(args, ctx) {
    const { values } = parseArgs({
      args,
      options: { csv: { type: "boolean" }, xlsx: { type: "string" }, ward: { type: "string" } },
    });
    if (values.xlsx !== undefined) return writeWorkbook(values.xlsx, values.ward, ctx);
    const config = ctx.config();
    const campaign = loadCampaign(config.CONTENT_DIR);
    const { window } = campaign;
    const now = ctx.clock().now();
    const report = new ProgressService(ctx.db(), window).report(now);
    if (values.ward) {
      report.units = report.units.filter((u) => u.ward === values.ward);
      report.wards = report.wards.filter((w) => w.ward === values.ward);
    }
    if (values.csv) {
      ctx.out(CSV_COLUMNS.join(","));
      for (const u of report.units) ctx.out(csvRow(u));
      return 0;
    }
    ctx.out(progressReport(loadChatTexts(config.CONTENT_DIR, campaign), report, "all", elapsedShare(window, now)));
    return 0;
  },
};
