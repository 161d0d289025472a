import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../src/content/campaign.js";
import { lexiconWords, loadLexicon } from "../../src/content/lexicon.js";

/**
 * The engine knows Vietnamese; the content knows the campaign. No campaign word of either pack (the
 * contest in content/, the fictional drive in test/fixtures/health-book) may appear in src/ or handlers/:
 * names, slogans, platforms, places and site names from each lexicon, and from each campaign.yaml the
 * names, organiser, platform, apps, link hosts and hotline.
 */
const PACKS = ["content", "test/fixtures/health-book"];
const CODE_DIRS = ["src", "handlers"];

function campaignWords(dir: string): string[] {
  const lex = loadLexicon(dir).file;
  const c = loadCampaign(dir);
  const phrases = [
    ...Object.keys(lex.names),
    ...lex.places,
    ...lex.words,
    c.name,
    c.shortName,
    c.organiser.name,
    ...(c.platform ? [c.platform.name] : []),
    ...Object.values(c.file.apps ?? {}).map((a) => a.name),
  ];
  // Shared platforms (a Zalo group, a Google document) are not the campaign's own.
  const hosts = Object.values(c.links)
    .map((u) => new URL(u).hostname.replace(/^www\./, ""))
    .filter((h) => !/(^|\.)(zalo\.me|google\.com|youtube\.com|facebook\.com)$/.test(h));
  // The host's own name ("onetouch.mic.gov.vn" → "onetouch"), unless it is a shared platform (zalo, google).
  const sites = hosts.map((h) => h.split(".")[0]!).filter((s) => !["zalo", "docs", "drive", "www"].includes(s));
  const paths = Object.values(c.links).flatMap((u) => new URL(u).pathname.split("/").filter((p) => p.length >= 6 && !/^[a-z-]+$/.test(p)));
  return [...phrases.map((p) => lexiconWords(p).join(" ")), ...hosts, ...sites, ...paths, c.hotline.display, c.hotline.digits];
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const foldText = (s: string) =>
  s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/gi, "d")
    .toLowerCase();

describe("no campaign words in code", () => {
  const words = [...new Set(PACKS.flatMap(campaignWords))].filter((w) => w.trim());

  it("derives a word list from both packs", () => {
    expect(words).toContain("an duong");
    expect(words).toContain("one touch");
    expect(words).toContain("lac mai");
    expect(words).toContain("0904540490");
    expect(words.length).toBeGreaterThan(20);
  });

  it("finds none of them in src/ or handlers/", () => {
    const patterns = words.map((w) => {
      const spaced = w.split(" ").map(escapeRegex).join("[\\s_\\-–,.]*");
      return { w, re: new RegExp(`(?<![a-z0-9])${spaced}(?![a-z0-9])`, "i") };
    });
    const found: string[] = [];
    for (const file of CODE_DIRS.flatMap(files)) {
      const lines = readFileSync(file, "utf8").split("\n");
      lines.forEach((line, i) => {
        const folded = foldText(line);
        for (const { w, re } of patterns) if (re.test(folded) || re.test(line)) found.push(`${file}:${i + 1}: "${w}"`);
      });
    }
    expect(found).toEqual([]);
  });
});
