import { loadCampaign } from "../content/campaign.js";
import { loadFaqContent } from "../content/faq-content.js";
import { ContentError } from "../errors.js";
import { findCollisions } from "../faq/content-report.js";
import { FaqEngine } from "../faq/faq-engine.js";

/**
 * npm run content:check [-- <content dir>] [--strict]
 * Validates content/ as the bot does at start-up, then reports phrasings that collide: duplicates
 * across entries (an error), phrasings answered by another entry or not confidently (warnings;
 * errors with --strict). Exit code 0 when the content is usable.
 */
function main(argv: string[]): number {
  const strict = argv.includes("--strict");
  const dir = argv.find((a) => !a.startsWith("--")) ?? process.env.CONTENT_DIR ?? "./content";
  let engine: FaqEngine;
  try {
    const campaign = loadCampaign(dir);
    engine = new FaqEngine(campaign, loadFaqContent(dir, campaign));
  } catch (err) {
    if (!(err instanceof ContentError)) throw err;
    console.log(err.message);
    return 1;
  }
  const entries = engine.content.entries;
  const phrasings = entries.reduce((n, e) => n + e.ask.length, 0);
  console.log(`${dir}: ${entries.length} FAQ entries, ${phrasings} example phrasings: valid.`);
  const collisions = findCollisions(entries, engine.index);
  const dup = collisions.filter((c) => c.kind === "duplicate");
  const crossed = collisions.filter((c) => c.kind === "crossed");
  const weak = collisions.filter((c) => c.kind === "weak");
  for (const c of dup) console.log(`DUPLICATE  ${c.entry}: "${c.phrasing}" is also a phrasing of ${c.other}`);
  for (const c of crossed) console.log(`COLLISION  ${c.entry}: "${c.phrasing}" is answered by ${c.other}`);
  for (const c of weak) {
    console.log(`WEAK       ${c.entry}: "${c.phrasing}" ${c.other ? `offers a choice (${c.other})` : "falls back"}`);
  }
  console.log(`${dup.length} duplicate(s), ${crossed.length} collision(s), ${weak.length} weak phrasing(s).`);
  return dup.length > 0 || (strict && crossed.length + weak.length > 0) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
