import { z } from "zod";
import type { ZaloHttp } from "./zalo-http.js";

/**
 * GET /v3.0/oa/group/getgroup?group_id= (developers.zalo.me nhom-chat-gmf/quan-ly/get_group_info):
 * data.group_info {group_id, name, status "enabled"/"disabled", total_member, max_member, …} and
 * data.asset_info {asset_type "gmf10"/"gmf50"/"gmf100", …}.
 */
const groupInfoSchema = z.looseObject({
  group_info: z.looseObject({
    status: z.string().optional(),
    total_member: z.coerce.number().optional(),
    max_member: z.coerce.number().optional(),
  }),
  asset_info: z.looseObject({ asset_type: z.string().optional() }).optional(),
});

export interface GroupInfo {
  status: string | null;
  totalMember: number | null;
  maxMember: number | null;
  /** The GMF asset: gmf10, gmf50 or gmf100 (its member limit). */
  assetType: string | null;
}

/** Reads one OA group's status and size; null when Zalo answers an unexpected shape. Throws Zalo's errors. */
export type GroupInfoReader = (groupId: string) => Promise<GroupInfo | null>;

export function groupInfoReader(http: ZaloHttp): GroupInfoReader {
  return async (groupId) => {
    const { data } = await http.request({
      call: "group/getgroup",
      method: "GET",
      path: "/v3.0/oa/group/getgroup",
      params: { group_id: groupId },
      lane: "system",
    });
    const parsed = groupInfoSchema.safeParse(data);
    if (!parsed.success) return null;
    const { group_info: g, asset_info: a } = parsed.data;
    return {
      status: g.status ?? null,
      totalMember: g.total_member ?? null,
      maxMember: g.max_member ?? null,
      assetType: a?.asset_type ?? null,
    };
  };
}
