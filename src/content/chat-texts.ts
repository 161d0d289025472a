import { join } from "node:path";
import { z } from "zod";
import { ContentError } from "../errors.js";
import { type Campaign, campaignVars } from "./campaign.js";
import { readYaml } from "./read-yaml.js";
import { placeholders, render, type TemplateVars } from "./template.js";

/**
 * The `chat:` section of content/messages.yaml: every sentence the bot sends in chat outside the FAQ
 * (completion reports, #toi/#xoa/#huy, officer commands, #nhacnho, reminder skip reasons, the digest).
 * Each text may use the campaign's placeholders ({{noun}}, {{hotline}}, {{links.NAME}}, ...) and the
 * values listed here for it, filled by the code that sends it.
 */
const SPEC = {
  faq: {
    pickNumber: ["count"],
  },
  completion: {
    syntax: [],
    exampleName: [],
    or: [],
    askName: ["unit"],
    askNameNoUnit: [],
    askUnit: ["fullName"],
    askUnitExamples: ["fullName", "examples"],
    nameNotLetters: ["example"],
    nameTooLong: [],
    nameTooShort: ["example"],
    nameUnknown: ["example"],
    unitWithWard: ["unit", "ward"],
    oneUnitChoice: [],
    unitChoices: [],
    choiceHint: [],
    chooseNumber: ["count"],
    unitNotFound: ["typed"],
    unitNotFoundExamples: ["typed", "examples"],
    tooManyUnits: ["count"],
    noUnitsYet: [],
    noUnitsAfterEnd: [],
    gaveUp: ["syntax"],
    recorded: ["fullName", "unit"],
    updated: ["fullName", "unit"],
    alreadyRecorded: ["fullName", "unit", "syntax"],
    afterEnd: ["syntax"],
    afterEndNote: [],
  },
  privacy: {
    held: ["fullName", "unit", "date"],
    nothingHeld: ["syntax"],
    officerAll: [],
    officerUnits: ["units"],
    officerNoUnits: [],
    heldFooter: [],
    deletedHead: [],
    deletedCompletion: [],
    deletedMessages: ["messages", "replies"],
    deletedGroupReplies: ["count"],
    deletedQuestions: ["count"],
    deletedMentions: ["count"],
    deletedSteps: ["count"],
    deletedRequests: ["count"],
    deletedOfficial: [],
    deletedOther: ["count"],
    nothingLeft: [],
    officerKept: [],
    cancelled: [],
    nothingToCancel: [],
  },
  officer: {
    notOfficer: [],
    notYourUnit: ["unit", "code"],
    linkNeedsGroup: [],
    linkNeedsCode: [],
    unknownUnit: ["typed"],
    groupTaken: ["unit", "code"],
    linked: ["unit", "code"],
    relinked: ["unit", "code", "previous"],
    reportNoUnits: [],
    reportHead: ["date", "share"],
    reportWard: ["ward", "completed", "target", "ratio"],
    reportWardBehind: ["ward", "completed", "target", "ratio"],
    reportUnit: ["unit", "code", "completed", "target", "ratio"],
    reportUnitBehind: ["unit", "code", "completed", "target", "ratio", "expected"],
    reportSomeBehind: ["behind", "count"],
    reportAllOnPace: [],
  },
  broadcast: {
    tryLater: [],
    unknownUnit: ["typed"],
    nothingToSend: [],
    willSend: ["count", "groups", "officers"],
    unitLine: ["unit", "route"],
    more: ["count"],
    skippedSome: ["count", "unit", "reason"],
    copiesSome: ["count", "unit", "reason"],
    confirmHint: [],
    cancelled: [],
    queued: ["count", "id"],
    ended: ["opens", "deadline"],
    notStarted: ["opens", "deadline"],
    tooLong: ["unit", "length", "max"],
    failed: [],
    uncertain: [],
    resent: [],
    scopeBehind: [],
    scopeAll: [],
    scopeUnits: ["codes"],
    skipNoGroup: [],
    skipCooldown: ["hours"],
    skipUnknown: [],
    skipNoRight: [],
    skipSharedGroup: ["code"],
    skipPending: ["id"],
  },
  digest: {
    text: ["count", "where"],
    refusals: ["total", "window", "quota", "where"],
    noDashboardUrl: [],
  },
} as const satisfies Record<string, Record<string, readonly string[]>>;

type Spec = typeof SPEC;
type Section = keyof Spec;
/** "completion.askName", "broadcast.skipCooldown", ... */
export type ChatKey = { [S in Section]: `${S}.${keyof Spec[S] & string}` }[Section];
type VarNames<K extends ChatKey> = K extends `${infer S extends Section}.${infer N}`
  ? N extends keyof Spec[S]
    ? Spec[S][N] extends readonly (infer V)[]
      ? V & string
      : never
    : never
  : never;
/** The values a text needs, by name; none for a text without its own placeholders. */
export type ChatVars<K extends ChatKey> = [VarNames<K>] extends [never] ? [] : [vars: Readonly<Record<VarNames<K>, string | number>>];

const line = z.string().min(1, { error: "must not be empty" }).max(1200, { error: "too long for a phone screen" });
const chatSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(SPEC).map(([section, keys]) => [section, z.strictObject(Object.fromEntries(Object.keys(keys).map((k) => [k, line])))]),
  ) as { [S in Section]: z.ZodObject<{ [K in keyof Spec[S]]: typeof line }> },
);
export type ChatTextsFile = z.infer<typeof chatSchema>;

/** What loadFaqContent's schema accepts for `chat:` (this module checks it). */
export const chatSection = z.unknown();

const fileSchema = z.looseObject({ chat: chatSchema });

/** The chat texts, campaign placeholders filled in; `say(key, vars)` fills the rest. */
export class ChatTexts {
  constructor(
    private readonly texts: ChatTextsFile,
    private readonly vars: TemplateVars,
  ) {}

  say<K extends ChatKey>(key: K, ...vars: ChatVars<K>): string {
    const [section, name] = key.split(".") as [Section, string];
    const text = (this.texts[section] as Record<string, string>)[name]!;
    const own = Object.fromEntries(Object.entries(vars[0] ?? {}).map(([k, v]) => [k, String(v)]));
    return render(text, { ...this.vars, ...own });
  }
}

/** Reads `chat:` from messages.yaml; a missing text or an unknown placeholder is a ContentError (file, key). */
export function loadChatTexts(contentDir: string, campaign: Campaign): ChatTexts {
  const path = join(contentDir, "messages.yaml");
  const { chat } = readYaml(path, fileSchema);
  const vars = campaignVars(campaign);
  const problems: string[] = [];
  for (const [section, keys] of Object.entries(SPEC)) {
    for (const [key, own] of Object.entries(keys)) {
      const text = (chat[section as Section] as Record<string, string>)[key]!;
      for (const p of placeholders(text)) {
        if (!(p in vars) && !(own as readonly string[]).includes(p)) {
          problems.push(`${path}: chat.${section}.${key}: unknown placeholder {{${p}}}`);
        }
      }
    }
  }
  if (problems.length) throw new ContentError(problems);
  return new ChatTexts(chat, vars);
}
