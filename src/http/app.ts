import type { RequestListener } from "node:http";
import express, { type ErrorRequestHandler, type Express } from "express";
import type { Redis } from "ioredis";
import type { Config } from "../config.js";
import type { Db } from "../db/database.js";
import type { Alarms } from "../observability/alarms.js";
import type { Logger } from "../observability/logger.js";
import type { Services } from "../bot/services.js";
import { WEBHOOK_PATH, type WebhookHandler } from "../webhook/webhook-route.js";
import { healthRouter } from "./health-routes.js";
import { metricsRouter } from "../observability/metrics-route.js";

export interface AppDeps {
  config: Config;
  db: Db;
  redis: Redis | null;
  /** Asked for on the first /admin request (the edge of npm start answers webhooks without them). */
  services: () => Services | Promise<Services>;
  logger: Logger;
  /** POST /webhooks/zalo (webhook-route.ts); also mounted here for servers that do not use serveWithWebhook. */
  webhook: WebhookHandler;
  /** Raised alarms, named by /readyz and shown on the dashboard. */
  alarms: Alarms;
}

/** The HTTP surface: webhook, health, admin. Each router lives in its own file. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names: anyone can write that header.
  app.set("trust proxy", deps.config.TRUST_PROXY ?? false);
  app.post(WEBHOOK_PATH, (req, res) => deps.webhook(req, res));
  app.use(healthRouter(deps.db, deps.redis, deps.alarms));
  app.use(metricsRouter());
  app.use(lazyAdmin(deps));
  app.use((_req, res) => {
    res.status(404).json({ error: "not_found" });
  });
  app.use(errorHandler(deps.logger));
  return app;
}

/**
 * The HTTP server's request listener: Zalo's POSTs to the webhook path go straight to the webhook handler,
 * everything else to the express app. Express's routing, body parser and response helpers were about a fifth
 * of the edge's CPU per event in its --cpu-prof profile (bench:webhook); the webhook needs none of them.
 */
export function serveWithWebhook(app: Express, webhook: WebhookHandler): RequestListener {
  return (req, res) => {
    if (req.method === "POST" && (req.url === WEBHOOK_PATH || req.url?.startsWith(`${WEBHOOK_PATH}?`))) webhook(req, res);
    else app(req, res);
  };
}

/**
 * The admin routes and the dashboard (progress, results, broadcasts, the unanswered queue) load on the first
 * /admin request: their modules and the services behind them cost start-up time and memory a webhook edge
 * does not need. They mount on a sub-app (settings inherited from the app), behind the loader, in their order.
 */
function lazyAdmin(deps: AppDeps): Express {
  const admin = express();
  admin.disable("x-powered-by");
  let loaded: Promise<void> | undefined;
  const load = async () => {
    const { mountAdminRoutes } = await import("./admin-routes.js");
    mountAdminRoutes(admin, { ...deps, services: await deps.services() });
  };
  admin.use((req, _res, next) => {
    if (req.path !== "/admin" && !req.path.startsWith("/admin/")) return next();
    loaded ??= load();
    loaded.then(() => next(), next);
  });
  return admin;
}

function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const e = err as { status?: number; statusCode?: number; type?: string; message?: string };
    const status = e.status ?? e.statusCode ?? 500;
    if (e.type === "entity.too.large") {
      res.status(413).json({ error: "too_large", message: "body over 1 MiB" });
      return;
    }
    if (status >= 400 && status < 500) {
      res.status(status).json({ error: "bad_request", message: e.message ?? "bad request" });
      return;
    }
    logger.error({ err, path: req.path }, "unhandled error in request");
    if (!res.headersSent) res.status(500).json({ error: "internal", message: "internal error" });
  };
}
