import { join } from "node:path";
import { z } from "zod";
import { ContentError } from "../errors.js";
import { type Campaign, campaignVars } from "./campaign.js";
import { chatSection } from "./chat-texts.js";
import { type Lexicon, loadLexicon } from "./lexicon.js";
import { readYaml } from "./read-yaml.js";
import { placeholders } from "./template.js";

const text = z
  .string()
  .trim()
  .min(1, { error: "must not be empty" })
  .max(1200, { error: "too long for a phone screen (max 1200 characters)" });
const seed = z.string().regex(/^\d{3}$/, { error: 'a seed letter number such as "001"' });

export const entrySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: "lowercase words joined by -, e.g. thoi-gian" }),
  title: z.string().trim().min(1).max(60, { error: "keep titles short (max 60 characters)" }),
  ask: z.array(z.string().trim().min(2)).min(3, { error: "give at least 3 example phrasings" }),
  answer: text,
  before: text.optional(),
  after: text.optional(),
  links: z.array(z.string()).default([]),
  timeless: z.boolean().default(false),
  /**
   * Date (YYYY-MM-DD) of the latest letter the answer cites: before it, the answer is not given as if the
   * letter were out (its `before` text if any, else messages.notIssuedYet).
   */
  issued: z.iso.date().optional(),
  source: z.array(seed).min(1, { error: "name the seed letters the facts come from" }),
});

const faqSchema = z.strictObject({
  phases: z.strictObject({ before: text, after: text }),
  entries: z.array(entrySchema).min(1),
});

/** The menu: FAQ entries by id, listed numbered under the intro; a digit opens one. */
const helpSchema = z.strictObject({ intro: text, entries: z.array(z.string()).min(1).max(9), outro: text });

const messagesSchema = z.strictObject({
  greeting: text,
  thanks: text,
  goodbye: text,
  help: helpSchema,
  /** "bạn là người hay máy", "bot tên gì". */
  aboutBot: text.optional(),
  /** "bot ngu quá": a short polite answer, never sent on to the hotline. */
  insult: text.optional(),
  /** A question about something else entirely (weather, gold price, another public service). */
  offTopic: text.optional(),
  /** Said instead of an entry's answer while the letter it cites is not issued yet (see `issued`). */
  notIssuedYet: text.optional(),
  /** Greeting, thanks and menu once the campaign is over: they stop talking about taking part. */
  afterEnd: z
    .strictObject({ greeting: text.optional(), thanks: text.optional(), guide: text.optional(), help: helpSchema.optional() })
    .optional(),
  guide: text,
  fallback: text,
  /** An image, sticker, file, location... without text, 1:1: the bot reads text only. */
  textOnly: text,
  /** A completion report from someone chatting anonymously (no stable id to count it by). */
  anonymousReport: text,
  /** Sent when the bot failed to handle a message (a crash, a bug): an apology and where to get help. */
  sorry: text,
  suggest: z.strictObject({ intro: text, outro: text, also: text }),
  countdown: z.strictObject({ before: text, during: text, lastDay: text, after: z.string() }),
  linkLabels: z.record(z.string(), text),
  /** Completion, privacy, officer and reminder texts: checked by loadChatTexts (src/content/chat-texts.ts). */
  chat: chatSection,
});

export type FaqEntry = z.infer<typeof entrySchema>;
export type FaqFile = z.infer<typeof faqSchema>;
export type Messages = z.infer<typeof messagesSchema>;

export interface FaqContent {
  phases: FaqFile["phases"];
  entries: FaqEntry[];
  messages: Messages;
  /** The campaign's own words (lexicon.yaml): names, places, synonyms, shorthand. */
  lexicon: Lexicon;
}

export const FAQ_FILE = "faq.yaml";
export const MESSAGES_FILE = "messages.yaml";

/** Names a content text may use; {{countdown}} and {{days}} are computed when answering. */
export function templateNames(campaign: Campaign): Set<string> {
  return new Set([...Object.keys(campaignVars(campaign)), "countdown", "days"]);
}

/** What is wrong with one entry's links and placeholders ("<where>: ..."); empty when it is fine. */
export function entryProblems(e: Pick<FaqEntry, "links" | "answer" | "before" | "after">, where: string, campaign: Campaign): string[] {
  const problems: string[] = [];
  const names = templateNames(campaign);
  const linkNames = new Set([...Object.keys(campaign.links), "hotline"]);
  for (const l of e.links) if (!linkNames.has(l)) problems.push(`${where}: unknown link "${l}"`);
  for (const t of [e.answer, e.before, e.after]) {
    if (t) for (const p of placeholders(t)) if (!names.has(p)) problems.push(`${where}: unknown placeholder {{${p}}}`);
  }
  return problems;
}

/** Loads faq.yaml, messages.yaml and lexicon.yaml and cross-checks them with the campaign (ids, links, placeholders). */
export function loadFaqContent(contentDir: string, campaign: Campaign): FaqContent {
  const faqPath = join(contentDir, FAQ_FILE);
  const msgPath = join(contentDir, MESSAGES_FILE);
  const faq = readYaml(faqPath, faqSchema);
  const messages = readYaml(msgPath, messagesSchema);
  const problems: string[] = [];
  const names = templateNames(campaign);
  const linkNames = new Set([...Object.keys(campaign.links), "hotline"]);
  const checkText = (where: string, t: string) => {
    for (const p of placeholders(t)) if (!names.has(p)) problems.push(`${where}: unknown placeholder {{${p}}}`);
  };
  const seen = new Set<string>();
  for (const e of faq.entries) {
    const where = `${faqPath}: entry ${e.id}`;
    if (seen.has(e.id)) problems.push(`${where}: duplicate id`);
    seen.add(e.id);
    problems.push(...entryProblems(e, where, campaign));
  }
  checkText(`${faqPath}: phases`, faq.phases.before + faq.phases.after);
  for (const l of linkNames) if (!messages.linkLabels[l]) problems.push(`${msgPath}: linkLabels: no label for "${l}"`);
  const walk = (v: unknown, where: string): void => {
    if (typeof v === "string") checkText(where, v);
    else if (Array.isArray(v)) for (const [i, x] of v.entries()) walk(x, `${where}.${i}`);
    else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${where}.${k}`);
  };
  const { chat: _chat, ...faqMessages } = messages;
  walk(faqMessages, msgPath);
  for (const help of [messages.help, messages.afterEnd?.help]) {
    for (const id of help?.entries ?? []) if (!seen.has(id)) problems.push(`${msgPath}: help: no FAQ entry "${id}"`);
  }
  if (problems.length) throw new ContentError(problems);
  return { phases: faq.phases, entries: faq.entries, messages, lexicon: loadLexicon(contentDir) };
}
