import { loadCampaign } from "../content/campaign.js";
import { loadFaqContent } from "../content/faq-content.js";
import { loadTaughtFile, taughtProblems, writeTaughtFile } from "../content/taught-file.js";
import { combineTaught } from "../loop/taught-merge.js";
import { TaughtStore } from "../stores/taught-store.js";
import { UsageError, type CliContext, type CliGroup } from "./cli-kit.js";

/** Writes what officers taught (SQLite, plus what the file already had) into content/taught.yaml. */
function exportTaught(ctx: CliContext): number {
  const dir = ctx.config().CONTENT_DIR;
  const campaign = loadCampaign(dir);
  const base = loadFaqContent(dir, campaign).entries;
  const taught = combineTaught(loadTaughtFile(dir, base, campaign), new TaughtStore(ctx.db()).all());
  const problems = taughtProblems(taught, base, campaign, "taught");
  if (problems.length) {
    for (const p of problems) ctx.err(p);
    ctx.err("Nothing written.");
    return 1;
  }
  const path = writeTaughtFile(dir, taught);
  ctx.out(
    `Wrote ${path}: ${taught.phrasings.length} taught phrasing(s), ${taught.entries.length} new entr${taught.entries.length === 1 ? "y" : "ies"}.`,
  );
  ctx.out("Check it with: npm run content:check");
  return 0;
}

export const contentCli: CliGroup = {
  name: "content",
  summary: "write what officers taught on the dashboard into the content files",
  usage: ["content export"],
  run(args, ctx) {
    const [cmd, ...rest] = args;
    if (cmd !== "export" || rest.length > 0) throw new UsageError("Usage: content export");
    return exportTaught(ctx);
  },
};
