import { ZaloApiError } from "../errors.js";
import type { Logger } from "../observability/logger.js";
import { type GroupState, type GroupStateStore, groupStateOfCode } from "../stores/group-state-store.js";
import type { GroupInfo, GroupInfoReader } from "../zalo/group-info.js";

/** What a group's info says stops it: disabled (its GMF asset lapsed), or full (its asset's member limit). */
export function groupStateOfInfo(info: GroupInfo): GroupState | null {
  if (info.status === "disabled") return "disabled";
  if (info.totalMember !== null && info.maxMember !== null && info.maxMember > 0 && info.totalMember >= info.maxMember)
    return "member_limit";
  return null;
}

/**
 * Reads each linked OA group's info from Zalo (an OA package holds one to three groups, so this is a few calls
 * from the API budget's "system" lane) and keeps what stops a group — disabled (-237's cause), full, not the
 * OA's — for the dashboard's unit rows; a group that is fine has its state cleared. Returns how many were read.
 */
export async function checkGroups(d: {
  groupIds: string[];
  read: GroupInfoReader;
  states: GroupStateStore;
  logger: Logger;
}): Promise<number> {
  let read = 0;
  for (const groupId of new Set(d.groupIds)) {
    try {
      const info = await d.read(groupId);
      read++;
      if (!info) continue;
      const state = groupStateOfInfo(info);
      const size = info.totalMember !== null && info.maxMember !== null ? `${info.totalMember}/${info.maxMember}` : null;
      const detail = [size, info.assetType].filter(Boolean).join(" ") || undefined;
      if (state) d.states.record(groupId, state, Date.now(), { detail });
      else d.states.clear(groupId);
    } catch (err) {
      const state = err instanceof ZaloApiError ? groupStateOfCode(err.code) : null;
      if (state) d.states.record(groupId, state, Date.now(), { code: (err as ZaloApiError).code, detail: (err as ZaloApiError).reason });
      else d.logger.warn({ groupId, err: (err as Error).message }, "group info not read");
    }
  }
  return read;
}
