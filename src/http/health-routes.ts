import { Router } from "express";
import type { Redis } from "ioredis";
import { isDbHealthy, type Db } from "../db/database.js";
import type { Alarms } from "../observability/alarms.js";
import { isRedisHealthy } from "../redis/redis-connection.js";

/**
 * GET /healthz: the process answers. GET /readyz: SQLite and Redis both work, else 503 naming the broken one.
 * Raised alarms (e.g. a wrong ZALO_OA_SECRET_KEY) are named in the body without turning it not-ready:
 * traffic keeps flowing while someone fixes them.
 */
export function healthRouter(db: Db, redis: Redis | null, alarms?: Alarms): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const sqlite = isDbHealthy(db);
    const redisOk = await isRedisHealthy(redis);
    const raised = (alarms?.list() ?? []).map((a) => ({ name: a.name, message: a.message, since: new Date(a.since).toISOString() }));
    const failing = [...(sqlite ? [] : ["sqlite"]), ...(redisOk ? [] : ["redis"])];
    if (failing.length === 0) {
      res.json({ status: "ready", sqlite: "ok", redis: "ok", alarms: raised });
      return;
    }
    res.status(503).json({
      status: "not_ready",
      failing,
      sqlite: sqlite ? "ok" : "down",
      redis: redisOk ? "ok" : "down",
      message: `${failing.join(" and ")} not working`,
      alarms: raised,
    });
  });
  return router;
}
