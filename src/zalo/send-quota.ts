import { z } from "zod";

/**
 * What paid for a 1:1 send, as Zalo returns it in `data.quota` (official-account/tin-nhan/tin-tu-van/
 * gui-tin-tu-van-dang-van-ban): "reply" = the free replies within 48 h of the user's last message (remain of
 * total, 8), "sub_quota" = the OA package's allowance (with expired_date), "purchase_quota"/"reward_quota" =
 * bought or rewarded packages. No block = a paid message. Numbers arrive as strings.
 */
export interface SendQuota {
  type: string;
  remain: number | null;
  total: number | null;
  expiredDate: string | null;
}

const count = z.union([z.string(), z.number()]).transform((v) => (Number.isFinite(Number(v)) ? Number(v) : null));
const quotaSchema = z.looseObject({
  quota_type: z.string(),
  remain: count.optional(),
  total: count.optional(),
  expired_date: z.string().optional(),
});

export function parseQuota(data: unknown): SendQuota | null {
  if (!data || typeof data !== "object") return null;
  const q = quotaSchema.safeParse((data as { quota?: unknown }).quota);
  if (!q.success) return null;
  return { type: q.data.quota_type, remain: q.data.remain ?? null, total: q.data.total ?? null, expiredDate: q.data.expired_date ?? null };
}
