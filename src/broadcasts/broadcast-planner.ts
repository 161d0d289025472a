import type { ChatTexts } from "../content/chat-texts.js";
import type { UnitProgress } from "../people/progress-types.js";
import { insideCsWindow } from "../zalo/cs-window.js";

/** Which units a reminder goes to: the ones behind pace, all, or a list of unit codes. */
export type BroadcastScope = "behind" | "all" | { units: string[] };

/**
 * Which way a unit's reminder goes: into its OA group; 1:1 to one of its officers, who forwards it to the unit's
 * own Zalo group (an OA posts only in groups it owns); or nowhere, listed on the dashboard for an officer to copy.
 */
export type ReminderRoute = "group" | "officer" | "copy";

/** Why the route was chosen; the texts are in content/templates/reminder.yaml (`reasons`). */
export type RouteReason =
  | { code: "group" }
  /** No OA group; the officer wrote to the OA 1:1 within Zalo's 7 days, so the OA may write back. */
  | { code: "officerInWindow"; lastMessageAt: number }
  /** No OA group and no officer registered for the unit itself (officers add … --units). */
  | { code: "noOfficer" }
  /** No OA group; the unit's officers last wrote to the OA more than 7 days ago, or never. */
  | { code: "officerOutsideWindow"; lastMessageAt: number | null };

/** An officer of one unit (granted with --units, not an all-units officer) and their last 1:1 message to the OA. */
export interface UnitOfficer {
  id: string;
  name: string | null;
  lastMessageAt: number | null;
}

export interface PlannedTarget {
  unit: UnitProgress;
  route: "group" | "officer";
  /** The target's ledger key: the group id, or officerTargetKey(unit, officer). */
  key: string;
  /** Route "group": the OA group. */
  groupId: string | null;
  /** Route "officer": who gets it 1:1. */
  officer: UnitOfficer | null;
  reason: RouteReason;
}

/** A unit behind with no way to reach it: its text is listed for an officer to copy. */
export interface PlannedCopy {
  unit: UnitProgress;
  reason: RouteReason;
}

/** Ledger key of a reminder sent 1:1 to one of a unit's officers. */
export function officerTargetKey(unitCode: string, officerId: string): string {
  return `o:${unitCode}:${officerId}`;
}

export interface SkippedUnit {
  unit: string;
  unitName: string;
  groupId: string | null;
  reason: string;
}

export interface Plan {
  targets: PlannedTarget[];
  copies: PlannedCopy[];
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
  /** The unit's own officers, for a unit without an OA group; absent = none (every such unit is listed to copy). */
  officersOf?: (unitCode: string) => UnitOfficer[];
}

/**
 * Pure planning: targets (one per group, or one per officer of a unit without an OA group), the units only an
 * officer can reach by hand (copies), and the units left out, each with the route's or the skip's reason.
 */
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
  const copies: PlannedCopy[] = [];
  const groupOwner = new Map<string, string>();
  // Sending again too soon, or while another broadcast still has to send there, is skipped per target key.
  const held = (key: string): string | null => {
    const pending = p.pendingIn(key);
    if (pending) return t.say("broadcast.skipPending", { id: pending });
    const last = p.lastSentAt(key);
    if (!p.force && last !== null && p.now - last < p.cooldownMs) {
      return t.say("broadcast.skipCooldown", { hours: Math.round(p.cooldownMs / 3600_000) });
    }
    return null;
  };
  for (const u of chosen) {
    const skip = (reason: string) => skipped.push({ unit: u.code, unitName: u.name, groupId: u.zaloGroupId, reason });
    if (p.allowed && !p.allowed.has(u.code)) {
      if (typeof p.scope === "object") skip(t.say("broadcast.skipNoRight"));
      continue;
    }
    if (!u.zaloGroupId) {
      const officers = p.officersOf?.(u.code) ?? [];
      const reachable = officers.filter((o) => insideCsWindow(o.lastMessageAt, p.now));
      if (reachable.length === 0) {
        const last = officers.reduce<number | null>(
          (m, o) => (o.lastMessageAt !== null && (m === null || o.lastMessageAt > m) ? o.lastMessageAt : m),
          null,
        );
        copies.push({
          unit: u,
          reason: officers.length === 0 ? { code: "noOfficer" } : { code: "officerOutsideWindow", lastMessageAt: last },
        });
        continue;
      }
      for (const o of reachable) {
        const key = officerTargetKey(u.code, o.id);
        const why = held(key);
        if (why) skip(why);
        else
          targets.push({
            unit: u,
            route: "officer",
            key,
            groupId: null,
            officer: o,
            reason: { code: "officerInWindow", lastMessageAt: o.lastMessageAt! },
          });
      }
      continue;
    }
    const owner = groupOwner.get(u.zaloGroupId);
    if (owner) {
      skip(t.say("broadcast.skipSharedGroup", { code: owner }));
      continue;
    }
    // Two overlapping requests would otherwise both pass the cooldown before either has sent.
    const why = held(u.zaloGroupId);
    if (why) {
      skip(why);
      continue;
    }
    groupOwner.set(u.zaloGroupId, u.code);
    targets.push({ unit: u, route: "group", key: u.zaloGroupId, groupId: u.zaloGroupId, officer: null, reason: { code: "group" } });
  }
  return { targets, copies, skipped };
}

export function describeScope(t: ChatTexts, scope: BroadcastScope): string {
  if (scope === "behind") return t.say("broadcast.scopeBehind");
  if (scope === "all") return t.say("broadcast.scopeAll");
  return t.say("broadcast.scopeUnits", { codes: scope.units.join(", ") });
}
