import express, { Router } from "express";
import { z } from "zod";
import { BroadcastUnavailableError } from "../broadcasts/broadcast-queue.js";
import { BroadcastMessageError, type BroadcastService } from "../broadcasts/broadcast-service.js";
import { requireAdmin } from "./admin-auth.js";

const bodySchema = z.strictObject({
  scope: z.union([
    z.literal("behind"),
    z.literal("all"),
    z.strictObject({ units: z.array(z.string().trim().min(1).max(64)).min(1).max(5000) }),
  ]),
  message: z.string().trim().min(1).max(1500).optional(),
  dryRun: z.boolean().optional(),
  force: z.boolean().optional(),
});

const expressJson = express.json({ limit: "256kb" });

/** POST /admin/broadcasts, GET /admin/broadcasts[/:id] (contract.md). */
export function adminBroadcastsRouter(d: { adminToken: string | undefined; broadcasts: BroadcastService }): Router {
  const router = Router();
  const guard = requireAdmin(d.adminToken);

  router.post("/admin/broadcasts", guard, expressJson, async (req, res) => {
    const parsed = bodySchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: "invalid_request", message: z.prettifyError(parsed.error) });
      return;
    }
    const { scope, message, dryRun, force } = parsed.data;
    try {
      if (dryRun) {
        res.status(200).json({ dryRun: true, ...d.broadcasts.preview({ scope, message, force, requestedBy: "admin" }) });
        return;
      }
      const r = await d.broadcasts.request({ scope, message, force, requestedBy: "admin" });
      res.status(202).json(r);
    } catch (err) {
      if (err instanceof BroadcastMessageError) {
        res.status(400).json({ error: "invalid_message", message: err.message });
        return;
      }
      if (err instanceof BroadcastUnavailableError) {
        res.status(503).set("Retry-After", "30").json({
          error: "queue_unavailable",
          message: "Hàng đợi nhắc nhở tạm thời không hoạt động (Redis). Vui lòng thử lại sau; chưa có tin nào được xếp hàng.",
        });
        return;
      }
      throw err;
    }
  });

  router.get("/admin/broadcasts", guard, (req, res) => {
    const limit = Math.min(100, Math.max(1, Number(req.query.limit) || 20));
    res.set("Cache-Control", "no-store").json({ broadcasts: d.broadcasts.list(limit) });
  });

  router.get("/admin/broadcasts/:id", guard, (req, res) => {
    const r = d.broadcasts.report(String(req.params.id));
    if (!r) {
      res.status(404).json({ error: "not_found", message: "no such broadcast" });
      return;
    }
    res.set("Cache-Control", "no-store").json(r);
  });
  return router;
}
