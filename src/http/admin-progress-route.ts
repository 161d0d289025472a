import { Router } from "express";
import type { ProgressReport } from "../people/progress-types.js";
import { requireAdmin } from "./admin-auth.js";

export interface AdminProgressDeps {
  adminToken: string | undefined;
  progress: { report(now: Date): ProgressReport };
  now: () => Date;
}

/** GET /admin/progress → {"asOf", "units": [...], "wards": [...]} (contract.md). */
export function adminProgressRouter(d: AdminProgressDeps): Router {
  const router = Router();
  router.get("/admin/progress", requireAdmin(d.adminToken), (_req, res) => {
    res.set("Cache-Control", "no-store").json(d.progress.report(d.now()));
  });
  return router;
}
