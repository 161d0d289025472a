import { parseArgs } from "node:util";
import { loadCampaign } from "../content/campaign.js";
import { progressReport } from "../people/chat-texts.js";
import { elapsedShare, ProgressService } from "../people/progress-service.js";
import type { UnitProgress } from "../people/progress-types.js";
import type { CliGroup } from "./cli-kit.js";

const CSV_COLUMNS = ["code", "name", "kind", "ward", "base", "target", "completed", "ratio", "expectedByNow", "behind"] as const;

// A cell starting with one of these is run as a formula by spreadsheets (CSV injection).
function cell(v: unknown): string {
  let s = String(v);
  if (typeof v === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;

function csvRow(u: UnitProgress): string {
  const values = { ...u, ratio: round(u.ratio, 4), expectedByNow: round(u.expectedByNow, 2) };
  return CSV_COLUMNS.map((c) => cell(values[c])).join(",");
}

/** `report [--csv]`: progress per unit and ward, as text for people or CSV (contract field names) for sheets. */
export const reportCli: CliGroup = {
  name: "report",
  summary: "progress per unit and ward (text, or --csv)",
  usage: ["report [--csv] [--ward <name>]"],
  run(args, ctx) {
    const { values } = parseArgs({ args, options: { csv: { type: "boolean" }, ward: { type: "string" } } });
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
    ctx.out(progressReport(report, "all", elapsedShare(window, now), campaign.noun));
    return 0;
  },
};
