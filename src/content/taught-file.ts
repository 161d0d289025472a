import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { z } from "zod";
import { ContentError } from "../errors.js";
import type { Campaign } from "./campaign.js";
import { entryProblems, entrySchema, type FaqEntry } from "./faq-content.js";
import { readYaml } from "./read-yaml.js";

export const TAUGHT_FILE = "taught.yaml";

const who = { taughtBy: z.string().trim().min(1).max(100), taughtAt: z.iso.datetime() };

/** A question officers attached to an existing entry. */
const phrasingSchema = z.strictObject({ entry: entrySchema.shape.id, ask: entrySchema.shape.ask.element, ...who });

/** What an officer types on the dashboard for a new entry: validated exactly like an entry of faq.yaml. */
export const newEntryInput = entrySchema.pick({ title: true, answer: true, links: true });

/** A new entry officers wrote: the facts are theirs (taughtBy), not a seed letter's. */
const taughtEntrySchema = newEntryInput.extend({
  id: entrySchema.shape.id,
  ask: z.array(entrySchema.shape.ask.element),
  ...who,
});

const taughtFileSchema = z.strictObject({
  phrasings: z.array(phrasingSchema).default([]),
  entries: z.array(taughtEntrySchema).default([]),
});

export type TaughtContent = z.infer<typeof taughtFileSchema>;
export type TaughtPhrasing = TaughtContent["phrasings"][number];
export type TaughtNewEntry = TaughtContent["entries"][number];

export const NO_TAUGHT: TaughtContent = { phrasings: [], entries: [] };

/** Cross-checks taught items against faq.yaml and the campaign: known entries, fresh ids, links, placeholders. */
export function taughtProblems(t: TaughtContent, base: readonly FaqEntry[], campaign: Campaign, where: string): string[] {
  const problems: string[] = [];
  const ids = new Set(base.map((e) => e.id));
  for (const e of t.entries) {
    if (ids.has(e.id)) problems.push(`${where}: entry ${e.id}: duplicate id`);
    ids.add(e.id);
    problems.push(...entryProblems(e, `${where}: entry ${e.id}`, campaign));
  }
  for (const p of t.phrasings) if (!ids.has(p.entry)) problems.push(`${where}: phrasing "${p.ask}": unknown entry "${p.entry}"`);
  return problems;
}

/** content/taught.yaml, written by `npm run cli -- content export`; none yet → nothing taught. */
export function loadTaughtFile(contentDir: string, base: readonly FaqEntry[], campaign: Campaign): TaughtContent {
  const path = join(contentDir, TAUGHT_FILE);
  if (!existsSync(path)) return NO_TAUGHT;
  const t = readYaml(path, taughtFileSchema);
  const problems = taughtProblems(t, base, campaign, path);
  if (problems.length) throw new ContentError(problems);
  return t;
}

const HEADER = `# Câu hỏi cán bộ đã dạy bot từ trang quản trị (mục "Câu hỏi chưa trả lời").
# Tệp này do lệnh \`npm run cli -- content export\` ghi ra; bot đọc nó khi khởi động, cùng faq.yaml.
# phrasings: cách hỏi mới của một mục đã có trong faq.yaml; entries: mục mới do cán bộ viết.
# Xem lại trước khi giữ cho năm sau: có thể chuyển vào faq.yaml (thêm "source" là văn bản gốc).
`;

export function writeTaughtFile(contentDir: string, t: TaughtContent): string {
  const path = join(contentDir, TAUGHT_FILE);
  writeFileSync(path, HEADER + stringify(t, { lineWidth: 0 }));
  return path;
}

/** Taught phrasings join their entries' `ask`; taught entries join the list (answered as written: timeless). */
export function applyTaught(base: readonly FaqEntry[], t: TaughtContent): FaqEntry[] {
  const extra = new Map<string, string[]>();
  for (const p of t.phrasings) extra.set(p.entry, [...(extra.get(p.entry) ?? []), p.ask]);
  const added: FaqEntry[] = t.entries.map((e) => ({
    id: e.id,
    title: e.title,
    ask: e.ask,
    answer: e.answer,
    links: e.links,
    timeless: true,
    source: [],
  }));
  return [...base, ...added].map((e) => {
    const more = extra.get(e.id)?.filter((a) => !e.ask.includes(a));
    return more?.length ? { ...e, ask: [...e.ask, ...more] } : e;
  });
}
