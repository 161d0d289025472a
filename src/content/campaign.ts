import { join } from "node:path";
import { z } from "zod";
import type { CampaignWindow } from "../shared/campaign-window.js";
import { readYaml } from "./read-yaml.js";

const seed = z.string().regex(/^\d{3}$/, { error: 'a seed letter number such as "001"' });
const sources = z.array(seed).min(1, { error: "name at least one seed letter" });
const url = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const instant = z.iso.datetime({ offset: true, error: "ISO 8601 with offset, e.g. 2025-10-11T00:00:00+07:00" });
const day = z.string().regex(/^\d{2}\/\d{2}\/\d{4}$/, { error: "dd/mm/yyyy" });

/** A name chosen in content (a link, an app): letters and digits, starting lowercase, e.g. "supportGroup". */
const name = z.string().regex(/^[a-z][A-Za-z0-9]*$/, { error: "a name of letters and digits such as supportGroup" });

const campaignSchema = z.strictObject({
  campaign: z.strictObject({
    /** The full name, as the letters write it. */
    name: z.string().min(1),
    /** For titles (dashboard, reminders). */
    shortName: z.string().min(1),
    /** What residents call it: "cuộc thi", "chiến dịch", "khóa học". */
    noun: z.string().min(1),
    year: z.number().int(),
    source: sources,
  }),
  organiser: z.strictObject({
    name: z.string().min(1),
    dispatch: z.string().min(1),
    source: sources,
    note: z.string().optional(),
  }),
  platform: z.strictObject({ name: z.string().min(1), home: url, source: sources }).optional(),
  dates: z
    .strictObject({
      start: instant,
      end: instant,
      launch: day,
      wardStart: day.optional(),
      endDay: day,
      source: sources,
      note: z.string().optional(),
    })
    .refine((d) => new Date(d.start) < new Date(d.end), { error: "start must be before end" }),
  targets: z.strictObject({
    agency: z.number().gt(0).max(1),
    residential: z.number().gt(0).max(1),
    source: sources,
  }),
  hotline: z.strictObject({
    display: z.string().regex(/^0[\d ]{9,12}$/, { error: "a phone number such as 0901 234 567" }),
    source: sources,
  }),
  /** Named links (course, guide, supportGroup, …): content uses them as {{links.NAME}}. */
  links: z
    .object({ source: z.record(name, sources).default({}), note: z.string().optional() })
    .catchall(url)
    .superRefine((l, ctx) => {
      for (const k of Object.keys(l)) {
        if (k !== "source" && k !== "note" && !name.safeParse(k).success)
          ctx.addIssue({ code: "custom", path: [k], message: "a name of letters and digits such as supportGroup" });
      }
      for (const k of Object.keys(l.source)) {
        if (!(k in l) || k === "source" || k === "note")
          ctx.addIssue({ code: "custom", path: ["source", k], message: `no link named "${k}"` });
      }
    }),
  // Sections only some campaigns have: a contest's exam, prizes, share step and certificate; apps.
  topics: z.strictObject({ items: z.array(z.string().min(1)).min(1), source: sources }).optional(),
  exam: z.strictObject({ questions: z.number().int().positive(), random: z.boolean(), source: sources }).optional(),
  share: z.strictObject({ name: z.string().min(1), source: sources }).optional(),
  certificate: z.strictObject({ button: z.string().min(1), source: sources }).optional(),
  validity: z
    .strictObject({
      conditions: z.array(z.string().min(1)).min(1),
      oneAccount: z.boolean(),
      source: sources,
    })
    .optional(),
  prizes: z
    .strictObject({
      community: z.strictObject({
        count: z.number().int().positive(),
        amount: z.number().int().positive(),
        extra: z.string(),
        criterion: z.string(),
      }),
      individual: z
        .array(z.strictObject({ rank: z.string(), count: z.number().int().positive(), amount: z.number().int().positive() }))
        .min(1),
      source: sources,
    })
    .optional(),
  apps: z.record(name, z.strictObject({ name: z.string(), platforms: z.array(z.string()).min(1), source: sources })).optional(),
});

export type CampaignFile = z.infer<typeof campaignSchema>;

/**
 * The campaign facts the code uses (pace, reminders, titles, placeholders). Facts only some campaigns
 * have (a contest's exam and prizes) stay in `file` and reach residents through the FAQ's texts.
 */
export interface Campaign {
  name: string;
  shortName: string;
  /** What residents call it: "cuộc thi", "chiến dịch". */
  noun: string;
  organiser: { name: string; dispatch: string };
  platform: { name: string; home: string } | null;
  /** Pace and reminders, e.g. 11/10/2025 00:00 → 11/11/2025 23:59:59, Asia/Ho_Chi_Minh. */
  window: CampaignWindow;
  /** Display dates, dd/mm/yyyy; wardStart only when some ward counts from another day. */
  dates: { launch: string; wardStart?: string; end: string };
  /** Share of base that must take part: agencies (staff) and residential units (households). */
  targets: { agency: number; residential: number };
  hotline: { display: string; digits: string };
  /** Named links, e.g. course, guide, supportGroup. */
  links: Record<string, string>;
  /** The parsed file, with each fact's seed sources and notes. */
  file: CampaignFile;
}

export const CAMPAIGN_FILE = "campaign.yaml";

/** Loads and validates content/campaign.yaml; throws ContentError listing every problem. */
export function loadCampaign(contentDir: string): Campaign {
  const f = readYaml(join(contentDir, CAMPAIGN_FILE), campaignSchema);
  const { source: _source, note: _note, ...links } = f.links;
  return {
    name: f.campaign.name,
    shortName: f.campaign.shortName,
    noun: f.campaign.noun,
    organiser: { name: f.organiser.name, dispatch: f.organiser.dispatch },
    platform: f.platform ? { name: f.platform.name, home: f.platform.home } : null,
    window: { start: new Date(f.dates.start), end: new Date(f.dates.end) },
    dates: { launch: f.dates.launch, ...(f.dates.wardStart ? { wardStart: f.dates.wardStart } : {}), end: f.dates.endDay },
    targets: { agency: f.targets.agency, residential: f.targets.residential },
    hotline: { display: f.hotline.display, digits: f.hotline.display.replace(/\D/g, "") },
    links: links as Record<string, string>,
    file: f,
  };
}

/** The campaign's facts as content placeholders: {{name}}, {{hotline}}, {{links.guide}}, {{dates.end}}, … */
export function campaignVars(c: Campaign): Record<string, string> {
  const vars: Record<string, string> = {
    name: c.name,
    shortName: c.shortName,
    noun: c.noun,
    hotline: c.hotline.display,
    "organiser.name": c.organiser.name,
    "organiser.dispatch": c.organiser.dispatch,
    "dates.launch": c.dates.launch,
    "dates.end": c.dates.end,
  };
  if (c.dates.wardStart) vars["dates.wardStart"] = c.dates.wardStart;
  if (c.platform) {
    vars["platform.name"] = c.platform.name;
    vars["platform.home"] = c.platform.home;
  }
  for (const [k, v] of Object.entries(c.links)) vars[`links.${k}`] = v;
  return vars;
}

/** How pages and texts name the campaign: "Chiến dịch “Sổ sức khỏe”" (noun + short name), and its noun. */
export interface CampaignLabel {
  title: string;
  noun: string;
}

export function campaignLabel(c: Campaign): CampaignLabel {
  return { title: `${c.noun.charAt(0).toLocaleUpperCase("vi")}${c.noun.slice(1)} “${c.shortName}”`, noun: c.noun };
}
