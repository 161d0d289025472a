import { loadReminderTemplate } from "../broadcasts/reminder-template.js";
import { loadCampaign } from "../content/campaign.js";
import { loadChatTexts } from "../content/chat-texts.js";
import { loadFaqContent, templateNames } from "../content/faq-content.js";
import { applyTaught, loadTaughtFile } from "../content/taught-file.js";
import { ContentError } from "../errors.js";
import { findCollisions } from "../faq/content-report.js";
import { FaqEngine } from "../faq/faq-engine.js";

/**
 * npm run content:check [-- <content dir>] [--strict]
 * Validates content/ as the bot does at start-up (campaign, FAQ, messages and chat texts, lexicon, reminder template,
 * one {{placeholder}} syntax throughout), then reports phrasings that collide: duplicates across
 * entries (an error), phrasings answered by another entry or not confidently, and lexicon words that
 * mean a word no FAQ phrasing uses (warnings; errors with --strict). Exit code 0 when the content is usable.
 */
function main(argv: string[]): number {
  const strict = argv.includes("--strict");
  const dir = argv.find((a) => !a.startsWith("--")) ?? process.env.CONTENT_DIR ?? "./content";
  let engine: FaqEngine;
  try {
    const campaign = loadCampaign(dir);
    const content = loadFaqContent(dir, campaign);
    engine = new FaqEngine(campaign, content);
    // What officers taught and exported (content/taught.yaml) is checked with the rest.
    engine.replaceEntries(applyTaught(content.entries, loadTaughtFile(dir, content.entries, campaign)));
    loadReminderTemplate(dir, templateNames(campaign));
    loadChatTexts(dir, campaign);
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
  // A synonym or name read as words no phrasing uses helps no question: a typo, or a word the FAQ dropped.
  const { phrases, places } = engine.content.lexicon;
  const unused = phrases.filter(
    ([, to]) => !places.includes(to) && engine.analyse(to).readings[0]!.terms.some((t) => !t.includes("_") && !engine.index.knows(t)),
  );
  for (const [from, to] of unused) console.log(`LEXICON    "${from}" → "${to}": no FAQ phrasing uses "${to}"`);
  console.log(
    `${dup.length} duplicate(s), ${crossed.length} collision(s), ${weak.length} weak phrasing(s), ${unused.length} unused lexicon word(s).`,
  );
  return dup.length > 0 || (strict && crossed.length + weak.length + unused.length > 0) ? 1 : 0;
}

process.exitCode = main(process.argv.slice(2));
