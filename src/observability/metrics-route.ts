import { Router } from "express";
import { registry, renderMetrics } from "./metrics.js";

/**
 * GET /metrics in Prometheus text format. Open without auth, as scrapers expect: it holds counts only
 * (no names, ids, texts or tokens). Restrict it at the reverse proxy if the port is public.
 */
export function metricsRouter(): Router {
  const router = Router();
  router.get("/metrics", async (_req, res) => {
    const body = await renderMetrics();
    res.set("Content-Type", registry.contentType).set("Cache-Control", "no-store").send(body);
  });
  return router;
}
