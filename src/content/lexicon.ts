import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { ContentError } from "../errors.js";
import { fold } from "../text/fold.js";
import { readYaml } from "./read-yaml.js";

/** Folded words of a phrase, punctuation dropped: "Sổ sức khỏe – Y tế" → ["so","suc","khoe","y","te"]. */
export function lexiconWords(phrase: string): string[] {
  return markedWords(phrase).map(fold);
}

/** The words of a phrase as written, marks kept: "Đề thi" → ["đề", "thi"]. */
function markedWords(phrase: string): string[] {
  return phrase
    .normalize("NFC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}_%]+/gu, " ")
    .split(" ")
    .filter(Boolean);
}

const phrase = z.string().trim().min(1, { error: "must not be empty" });
const rewrites = z.record(phrase, z.string());

/** What a person says to report they finished the campaign (see src/people/completion-intent.ts). */
const reportsSchema = z.strictObject({
  /** What they did, before "xong" ("thi xong", "làm bài xong"). */
  actions: z.array(phrase).default([]),
  /** The whole of the campaign, after "hoàn thành" ("hoàn thành cuộc thi"). */
  whole: z.array(phrase).default([]),
  /** A part that is not the whole ("học xong chuyên đề 1"), unless every part and the whole are named. */
  parts: z.array(phrase).default([]),
  /** What they got at the end ("nhận chứng nhận rồi"). */
  proof: z.array(phrase).default([]),
});

const lexiconSchema = z.strictObject({
  names: rewrites.default({}),
  places: z.array(phrase).default([]),
  synonyms: rewrites.default({}),
  otherTopics: z.array(phrase).default([]),
  shorthand: z.record(phrase, z.union([phrase, z.array(phrase).min(2)])).default({}),
  words: z.array(phrase).default([]),
  ignore: z.array(phrase).default([]),
  reports: reportsSchema.default({ actions: [], whole: [], parts: [], proof: [] }),
});
export type LexiconFile = z.infer<typeof lexiconSchema>;

/**
 * The campaign's own vocabulary, ready for the analyser (src/nlp/normalise.ts `CampaignWords`) and the
 * FAQ index: what the engine knows of this campaign beyond general Vietnamese.
 */
export interface Lexicon {
  /** Folded rewrites, from names, places, synonyms and other topics. */
  /** Folded phrase, what it becomes, and the phrase as written (its marks tell "đề thi" from "để thi"). */
  phrases: Array<readonly [string, string, string]>;
  shorthand: Record<string, string | string[]>;
  /** Tokens taken as typed: the file's `words` and one token per place. */
  known: string[];
  /** One token per place ("phuong bac" → "phuongbac"): a question naming only places asks no FAQ topic. */
  places: string[];
  /** Folded names of the campaign and its platforms (`names` and `words`): a message naming one is about it. */
  names: string[];
  /** Folded phrases of the `reports` section: how people say they finished this campaign. */
  reports: ReportWords;
  /** The file as written, for checks that need the officers' spelling (e.g. the no-campaign-words test). */
  file: LexiconFile;
}

export interface ReportWords {
  actions: string[];
  whole: string[];
  parts: string[];
  proof: string[];
}

export const LEXICON_FILE = "lexicon.yaml";

/** One token for a multi-word name: "phuong bac" → "phuongbac". */
const joined = (words: string[]) => words.join("");

/** Loads content/lexicon.yaml (optional: no file, no campaign words); throws ContentError when invalid. */
export function loadLexicon(contentDir: string): Lexicon {
  const path = join(contentDir, LEXICON_FILE);
  const file: LexiconFile = existsSync(path) ? readYaml(path, lexiconSchema) : lexiconSchema.parse({});
  const problems: string[] = [];
  const phrases: Array<readonly [string, string, string]> = [];
  const seen = new Map<string, string>();
  const addRule = (section: string, from: string, to: string) => {
    const words = lexiconWords(from);
    const key = words.join(" ");
    if (!key) return problems.push(`${path}: ${section}: "${from}" has no letters`);
    if (seen.has(key)) return problems.push(`${path}: ${section}: "${from}" is already in ${seen.get(key)}`);
    seen.set(key, section);
    phrases.push([key, to, markedWords(from).join(" ")]);
  };
  const places: string[] = [];
  for (const place of file.places) {
    const token = joined(lexiconWords(place));
    places.push(token);
    if (lexiconWords(place).length > 1) addRule("places", place, token);
  }
  for (const [from, to] of Object.entries(file.names)) addRule("names", from, lexiconWords(to).join(" "));
  for (const [from, to] of Object.entries(file.synonyms)) {
    const target = lexiconWords(to).join(" ");
    if (!target) problems.push(`${path}: synonyms: "${from}" needs a word to mean`);
    else addRule("synonyms", from, target);
  }
  // Words that say nothing in this campaign ("thi" typed for "thì" where there is no exam).
  for (const w of file.ignore) addRule("ignore", w, "");
  // "thi công chức" is another exam: one token of its own, so its words do not read as the campaign's.
  for (const t of file.otherTopics) addRule("otherTopics", t, lexiconWords(t).join("_"));
  const shorthand: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(file.shorthand)) {
    if (/\s/.test(k.trim())) problems.push(`${path}: shorthand: "${k}" must be one word`);
    shorthand[k.trim().normalize("NFC").toLowerCase()] = typeof v === "string" ? v : [...v];
  }
  const known = [...file.words.flatMap(lexiconWords), ...places];
  const foldAll = (list: string[]) => list.map((p) => lexiconWords(p).join(" ")).filter(Boolean);
  const r = file.reports;
  const reports = { actions: foldAll(r.actions), whole: foldAll(r.whole), parts: foldAll(r.parts), proof: foldAll(r.proof) };
  if (problems.length) throw new ContentError(problems);
  const names = foldAll([...Object.keys(file.names), ...file.words]);
  return { phrases, shorthand, known, places, names, reports, file };
}
