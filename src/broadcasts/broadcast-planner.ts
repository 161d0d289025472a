import type { ChatTexts } from "../content/chat-texts.js";
import type { UnitProgress } from "../people/progress-types.js";

/** Which units a reminder goes to: the ones behind pace, all, or a list of unit codes. */
export type BroadcastScope = "behind" | "all" | { units: string[] };

export interface PlannedTarget {
  unit: UnitProgress;
  groupId: string;
}

export interface SkippedUnit {
  unit: string;
  unitName: string;
  groupId: string | null;
  reason: string;
}

export interface Plan {
  targets: PlannedTarget[];
  skipped: SkippedUnit[];
}

export interface PlanInput {
  scope: BroadcastScope;
  units: UnitProgress[];
  /** Officer's rights: only these unit codes (null = all). */
  allowed: Set<string> | null;
  force: boolean;
  now: number;
  cooldownMs: number;
  lastSentAt: (groupId: string) => number | null;
  /** The unfinished broadcast that still has to send to this group, if any (force does not override it). */
  pendingIn: (groupId: string) => string | null;
  /** The reasons' wording (content/messages.yaml `chat.broadcast.skip*`). */
  texts: ChatTexts;
}

/** Pure planning: targets (one per group) and the units left out, each with a reason an officer can read. */
export function planBroadcast(p: PlanInput): Plan {
  const t = p.texts;
  const byCode = new Map(p.units.map((u) => [u.code, u]));
  const skipped: SkippedUnit[] = [];
  let chosen: UnitProgress[];
  if (p.scope === "behind") chosen = p.units.filter((u) => u.behind);
  else if (p.scope === "all") chosen = p.units;
  else {
    chosen = [];
    for (const code of new Set(p.scope.units)) {
      const u = byCode.get(code) ?? p.units.find((x) => x.code.toLowerCase() === code.toLowerCase());
      if (u) chosen.push(u);
      else skipped.push({ unit: code, unitName: code, groupId: null, reason: t.say("broadcast.skipUnknown") });
    }
  }
  const targets: PlannedTarget[] = [];
  const groupOwner = new Map<string, string>();
  for (const u of chosen) {
    const skip = (reason: string) => skipped.push({ unit: u.code, unitName: u.name, groupId: u.zaloGroupId, reason });
    if (p.allowed && !p.allowed.has(u.code)) {
      if (typeof p.scope === "object") skip(t.say("broadcast.skipNoRight"));
      continue;
    }
    if (!u.zaloGroupId) {
      skip(t.say("broadcast.skipNoGroup"));
      continue;
    }
    const owner = groupOwner.get(u.zaloGroupId);
    if (owner) {
      skip(t.say("broadcast.skipSharedGroup", { code: owner }));
      continue;
    }
    // Two overlapping requests would otherwise both pass the cooldown before either has sent.
    const pending = p.pendingIn(u.zaloGroupId);
    if (pending) {
      skip(t.say("broadcast.skipPending", { id: pending }));
      continue;
    }
    const last = p.lastSentAt(u.zaloGroupId);
    if (!p.force && last !== null && p.now - last < p.cooldownMs) {
      skip(t.say("broadcast.skipCooldown", { hours: Math.round(p.cooldownMs / 3600_000) }));
      continue;
    }
    groupOwner.set(u.zaloGroupId, u.code);
    targets.push({ unit: u, groupId: u.zaloGroupId });
  }
  return { targets, skipped };
}

export function describeScope(t: ChatTexts, scope: BroadcastScope): string {
  if (scope === "behind") return t.say("broadcast.scopeBehind");
  if (scope === "all") return t.say("broadcast.scopeAll");
  return t.say("broadcast.scopeUnits", { codes: scope.units.join(", ") });
}
