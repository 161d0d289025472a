import { join } from "node:path";
import { z } from "zod";
import type { CampaignWindow } from "../shared/campaign-window.js";
import { readYaml } from "./read-yaml.js";

const seed = z.string().regex(/^\d{3}$/, { error: 'a seed letter number such as "001"' });
const sources = z.array(seed).min(1, { error: "name at least one seed letter" });
const url = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" });
const instant = z.iso.datetime({ offset: true, error: "ISO 8601 with offset, e.g. 2025-10-11T00:00:00+07:00" });
const day = z.string().regex(/^\d{2}\/\d{2}\/\d{4}$/, { error: "dd/mm/yyyy" });

const linkNames = ["course", "supportGroup", "guide", "video", "bandoso", "binhDanHocVuSo", "aiCourses", "mediaKit"] as const;

const campaignSchema = z.strictObject({
  contest: z.strictObject({ name: z.string().min(1), year: z.number().int(), source: sources }),
  organiser: z.strictObject({
    name: z.string().min(1),
    dispatch: z.string().min(1),
    source: sources,
    note: z.string().optional(),
  }),
  platform: z.strictObject({ name: z.string().min(1), home: url, source: sources }),
  dates: z
    .strictObject({
      start: instant,
      end: instant,
      launch: day,
      wardStart: day,
      endDay: day,
      source: sources,
      note: z.string().optional(),
    })
    .refine((d) => new Date(d.start) < new Date(d.end), { error: "start must be before end" }),
  topics: z.strictObject({ items: z.array(z.string().min(1)).min(1), source: sources }),
  exam: z.strictObject({ questions: z.number().int().positive(), random: z.boolean(), source: sources }),
  share: z.strictObject({ name: z.string().min(1), source: sources }),
  certificate: z.strictObject({ button: z.string().min(1), source: sources }),
  validity: z.strictObject({
    conditions: z.array(z.string().min(1)).min(1),
    oneAccount: z.boolean(),
    source: sources,
  }),
  prizes: z.strictObject({
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
  }),
  targets: z.strictObject({
    agency: z.number().gt(0).max(1),
    residential: z.number().gt(0).max(1),
    source: sources,
  }),
  hotline: z.strictObject({
    display: z.string().regex(/^0[\d ]{9,12}$/, { error: "a phone number such as 0904 540 490" }),
    source: sources,
  }),
  links: z.strictObject({
    course: url,
    supportGroup: url,
    guide: url,
    video: url,
    bandoso: url,
    binhDanHocVuSo: url,
    aiCourses: url,
    mediaKit: url,
    source: z.partialRecord(z.enum(linkNames), sources),
    note: z.string().optional(),
  }),
  apps: z.strictObject({
    smartHaiPhong: z.strictObject({ name: z.string(), platforms: z.array(z.string()).min(1), source: sources }),
  }),
});

export type CampaignFile = z.infer<typeof campaignSchema>;
export type LinkName = (typeof linkNames)[number];

/** The campaign facts the bot and other features use (pace, reminders, FAQ answers). */
export interface Campaign {
  name: string;
  organiser: { name: string; dispatch: string };
  platform: { name: string; home: string };
  /** Pace and reminders: 11/10/2025 00:00 → 11/11/2025 23:59:59, Asia/Ho_Chi_Minh. */
  window: CampaignWindow;
  /** Display dates, dd/mm/yyyy. */
  dates: { launch: string; wardStart: string; end: string };
  topics: string[];
  examQuestions: number;
  shareName: string;
  certificateButton: string;
  validity: string[];
  oneAccount: boolean;
  prizes: CampaignFile["prizes"];
  /** Share of base that must take part: agencies (staff) and residential units (households). */
  targets: { agency: number; residential: number };
  hotline: { display: string; digits: string };
  links: Record<LinkName, string>;
  smartHaiPhong: { name: string; platforms: string[] };
  /** The parsed file, with each fact's seed sources and notes. */
  file: CampaignFile;
}

export const CAMPAIGN_FILE = "campaign.yaml";

/** Loads and validates content/campaign.yaml; throws ContentError listing every problem. */
export function loadCampaign(contentDir: string): Campaign {
  const f = readYaml(join(contentDir, CAMPAIGN_FILE), campaignSchema);
  const links = Object.fromEntries(linkNames.map((n) => [n, f.links[n]])) as Record<LinkName, string>;
  return {
    name: f.contest.name,
    organiser: { name: f.organiser.name, dispatch: f.organiser.dispatch },
    platform: { name: f.platform.name, home: f.platform.home },
    window: { start: new Date(f.dates.start), end: new Date(f.dates.end) },
    dates: { launch: f.dates.launch, wardStart: f.dates.wardStart, end: f.dates.endDay },
    topics: f.topics.items,
    examQuestions: f.exam.questions,
    shareName: f.share.name,
    certificateButton: f.certificate.button,
    validity: f.validity.conditions,
    oneAccount: f.validity.oneAccount,
    prizes: f.prizes,
    targets: { agency: f.targets.agency, residential: f.targets.residential },
    hotline: { display: f.hotline.display, digits: f.hotline.display.replace(/\D/g, "") },
    links,
    smartHaiPhong: { name: f.apps.smartHaiPhong.name, platforms: f.apps.smartHaiPhong.platforms },
    file: f,
  };
}
