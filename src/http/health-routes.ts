import { Router } from "express";
import type { Redis } from "ioredis";
import { isDbHealthy, type Db } from "../db/database.js";
import { isRedisHealthy } from "../redis/redis-connection.js";

/** GET /healthz: the process answers. GET /readyz: SQLite and Redis both work, else 503 naming the broken one. */
export function healthRouter(db: Db, redis: Redis | null): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  router.get("/readyz", async (_req, res) => {
    const sqlite = isDbHealthy(db);
    const redisOk = await isRedisHealthy(redis);
    const failing = [...(sqlite ? [] : ["sqlite"]), ...(redisOk ? [] : ["redis"])];
    if (failing.length === 0) {
      res.json({ status: "ready", sqlite: "ok", redis: "ok" });
      return;
    }
    res.status(503).json({
      status: "not_ready",
      failing,
      sqlite: sqlite ? "ok" : "down",
      redis: redisOk ? "ok" : "down",
      message: `${failing.join(" and ")} not working`,
    });
  });
  return router;
}
