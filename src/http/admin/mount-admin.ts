import type { Express } from "express";
import type { CampaignLabel } from "../../content/campaign.js";
import type { Db } from "../../db/database.js";
import type { Logger } from "../../observability/logger.js";
import { enableAdminSessions, requireAdmin } from "../admin-auth.js";
import { adminDataRouter } from "./admin-data-routes.js";
import { adminAssetsRouter } from "./assets-routes.js";
import { AdminSessionStore } from "./admin-session-store.js";
import { ADMIN_CSS_HASH } from "./admin-styles.js";
import type { DashboardData } from "./dashboard-data.js";
import { dashboardRouter } from "./dashboard-routes.js";
import { loginRouter } from "./login-routes.js";
import { securityHeaders } from "./security-headers.js";

export interface AdminMountDeps {
  adminToken: string | undefined;
  db: Db;
  logger: Logger;
  data: DashboardData;
  now: () => Date;
  /** Names the campaign on the pages (from content/campaign.yaml). */
  campaign: CampaignLabel;
}

// Only these answer without credentials: the page shows the sign-in form itself, login checks the token.
const PUBLIC = new Set(["GET /", "HEAD /", "POST /login", "POST /logout"]);

/**
 * The dashboard: security headers and an auth guard on every /admin path (so no admin route is ever
 * left open, whoever mounts it), session sign-in (which every requireAdmin guard of this app then
 * accepts), the page, its JSON and CSV. Mount before other /admin routers.
 */
export function mountAdmin(app: Express, d: AdminMountDeps): void {
  const sessions = new AdminSessionStore(d.db);
  enableAdminSessions(app, sessions);
  app.use("/admin", securityHeaders([ADMIN_CSS_HASH]));
  const guard = requireAdmin(d.adminToken);
  app.use("/admin", (req, res, next) => (PUBLIC.has(`${req.method} ${req.path}`) ? next() : guard(req, res, next)));
  app.use(loginRouter({ adminToken: d.adminToken, sessions, logger: d.logger, campaign: d.campaign }));
  app.use(adminAssetsRouter(d.adminToken));
  app.use(dashboardRouter({ adminToken: d.adminToken, data: d.data, campaign: d.campaign }));
  app.use(adminDataRouter({ adminToken: d.adminToken, data: d.data, now: d.now }));
}
