import type { Express } from "express";
import type { Services } from "../bot/services.js";
import type { Config } from "../config.js";
import { campaignLabel } from "../content/campaign.js";
import type { Db } from "../db/database.js";
import type { Alarms } from "../observability/alarms.js";
import type { Logger } from "../observability/logger.js";
import { adminBroadcastsRouter } from "./admin-broadcasts-route.js";
import { adminProgressRouter } from "./admin-progress-route.js";
import { adminUnansweredRouter } from "./admin-unanswered-route.js";
import { buildDashboardData } from "./admin/build-dashboard-data.js";
import { mountAdmin } from "./admin/mount-admin.js";
import { adminResultsRouter } from "./admin/results-routes.js";

export interface AdminDeps {
  config: Config;
  db: Db;
  services: Services;
  logger: Logger;
  alarms: Alarms;
}

/** Every /admin route (progress, results, broadcasts, the unanswered queue, the dashboard first) on `app`. */
export function mountAdminRoutes(app: Express, deps: AdminDeps): void {
  const now = () => deps.services.clock.now();
  mountAdmin(app, {
    adminToken: deps.config.ADMIN_TOKEN,
    db: deps.db,
    logger: deps.logger,
    data: buildDashboardData({ db: deps.db, services: deps.services, clock: deps.services.clock, alarms: deps.alarms }),
    now,
    campaign: campaignLabel(deps.services.faq.campaign),
  });
  app.use(adminProgressRouter({ adminToken: deps.config.ADMIN_TOKEN, progress: deps.services.people.progress, now }));
  app.use(adminResultsRouter({ adminToken: deps.config.ADMIN_TOKEN, db: deps.db, people: deps.services.people, now }));
  app.use(adminBroadcastsRouter({ adminToken: deps.config.ADMIN_TOKEN, broadcasts: deps.services.broadcasts }));
  app.use(adminUnansweredRouter({ adminToken: deps.config.ADMIN_TOKEN, loop: deps.services.loop, now }));
}
