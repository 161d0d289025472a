import { readFileSync } from "node:fs";
import { askOnce, type OfflineBot } from "../../src/cli/offline-bot.js";

/**
 * Question sets scored the way ../shared/eval/score-faq.mjs scores them: faq and completion cases pass
 * when something answered, the reply fits a phone (≤ 1,500 characters) and every `expect` group has one
 * alternative in it; smalltalk when something answered; oos when nothing did (the fallback). No case
 * passes with a `forbid` string in its reply. Matching folds case and diacritics.
 */
export interface Case {
  text: string;
  kind?: "faq" | "completion" | "smalltalk" | "oos";
  expect?: string[][];
  forbid?: string[];
}

export const fold = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/(\d)[\s.,]+(?=\d)/g, "$1")
    .replace(/\s+/g, " ");

export function loadCases(file: string): Case[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Case);
}

export function passes(c: Case, intent: string | null, reply: string): boolean {
  const kind = c.kind ?? "faq";
  const folded = fold(reply);
  const holds = (c.expect ?? []).every((g) => g.some((alt) => folded.includes(fold(alt))));
  let ok: boolean;
  if (kind === "oos") ok = intent === null;
  else if (kind === "smalltalk") ok = intent !== null && reply.trim() !== "" && holds;
  else ok = intent !== null && reply.length <= 1500 && holds;
  return ok && !(c.forbid ?? []).some((bad) => folded.includes(fold(bad)));
}

let user = 0;

/** Asks every case, each from a new user; returns the share passed and the misses, one line each. */
export async function scoreCases(ob: OfflineBot, cases: Case[]): Promise<{ score: number; misses: string[] }> {
  const misses: string[] = [];
  for (const c of cases) {
    const { intent, reply } = await askOnce(ob, String(8_000_000_000_000_000_000n + BigInt(++user)), c.text);
    if (!passes(c, intent, reply)) misses.push(`${c.kind ?? "faq"}: ${c.text} → ${intent}: ${reply.slice(0, 120).replace(/\n/g, " | ")}`);
  }
  return { score: 1 - misses.length / cases.length, misses };
}
