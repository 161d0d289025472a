import express, { type ErrorRequestHandler, type Express } from "express";
import type { Redis } from "ioredis";
import type { Config } from "../config.js";
import type { Db } from "../db/database.js";
import type { Alarms } from "../observability/alarms.js";
import type { Logger } from "../observability/logger.js";
import type { Services } from "../bot/services.js";
import { webhookRouter, type WebhookOptions } from "../webhook/webhook-route.js";
import { healthRouter } from "./health-routes.js";
import { buildDashboardData } from "./admin/build-dashboard-data.js";
import { mountAdmin } from "./admin/mount-admin.js";
import { campaignLabel } from "../content/campaign.js";
import { adminProgressRouter } from "./admin-progress-route.js";
import { adminResultsRouter } from "./admin/results-routes.js";
import { adminBroadcastsRouter } from "./admin-broadcasts-route.js";
import { adminUnansweredRouter } from "./admin-unanswered-route.js";
import { metricsRouter } from "../observability/metrics-route.js";

export interface AppDeps {
  config: Config;
  db: Db;
  redis: Redis | null;
  services: Services;
  logger: Logger;
  webhook: Omit<WebhookOptions, "logger">;
  /** Raised alarms, named by /readyz and shown on the dashboard. */
  alarms: Alarms;
}

/** The HTTP surface: webhook, health, admin. Each router lives in its own file. */
export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  // X-Forwarded-For is believed only from the proxies TRUST_PROXY names: anyone can write that header.
  app.set("trust proxy", deps.config.TRUST_PROXY ?? false);
  app.use(webhookRouter({ ...deps.webhook, logger: deps.logger }));
  app.use(healthRouter(deps.db, deps.redis, deps.alarms));
  app.use(metricsRouter());
  // Admin routes (progress, broadcasts, dashboard) mount below; the dashboard first (headers, session sign-in).
  mountAdmin(app, {
    adminToken: deps.config.ADMIN_TOKEN,
    db: deps.db,
    logger: deps.logger,
    data: buildDashboardData({ db: deps.db, services: deps.services, clock: deps.services.clock, alarms: deps.alarms }),
    now: () => deps.services.clock.now(),
    campaign: campaignLabel(deps.services.faq.campaign),
  });
  app.use(
    adminProgressRouter({
      adminToken: deps.config.ADMIN_TOKEN,
      progress: deps.services.people.progress,
      now: () => deps.services.clock.now(),
    }),
  );
  app.use(
    adminResultsRouter({
      adminToken: deps.config.ADMIN_TOKEN,
      db: deps.db,
      people: deps.services.people,
      now: () => deps.services.clock.now(),
    }),
  );
  app.use(adminBroadcastsRouter({ adminToken: deps.config.ADMIN_TOKEN, broadcasts: deps.services.broadcasts }));
  app.use(adminUnansweredRouter({ adminToken: deps.config.ADMIN_TOKEN, loop: deps.services.loop, now: () => deps.services.clock.now() }));

  app.use((_req, res) => {
    res.status(404).json({ error: "not_found" });
  });
  app.use(errorHandler(deps.logger));
  return app;
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
