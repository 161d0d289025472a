import { Router } from "express";
import type { CampaignLabel } from "../../content/campaign.js";
import { authenticateAdmin } from "../admin-auth.js";
import type { DashboardData } from "./dashboard-data.js";
import { renderDashboard } from "./dashboard-page.js";
import { renderDisabledPage, renderLoginPage } from "./login-page.js";
import { parseSort } from "./progress-sort.js";

export interface DashboardRoutesDeps {
  adminToken: string | undefined;
  data: DashboardData;
  campaign: CampaignLabel;
}

/** GET /admin: the dashboard when signed in, else the sign-in form (401). */
export function dashboardRouter(d: DashboardRoutesDeps): Router {
  const router = Router();
  router.get("/admin", async (req, res) => {
    if (!d.adminToken) {
      res.status(503).type("html").send(renderDisabledPage());
      return;
    }
    const auth = authenticateAdmin(req, d.adminToken);
    if (!auth) {
      res.status(401).type("html").send(renderLoginPage(d.campaign));
      return;
    }
    const [progress, daily, broadcasts, unanswered, takeovers, quality, taught] = await Promise.all([
      d.data.progress(),
      d.data.completionsByDay(),
      d.data.broadcasts(20),
      d.data.unanswered(50),
      d.data.takeovers(),
      d.data.quality(),
      d.data.taught(20),
    ]);
    const page = renderDashboard({
      campaign: d.campaign,
      progress,
      daily,
      broadcasts,
      unanswered,
      alerts: d.data.alerts?.() ?? [],
      takeovers,
      quality,
      taught,
      matching: d.data.matching?.() ?? new Map(),
      groupStates: d.data.groupStates?.() ?? new Map(),
      sort: parseSort(req.query.sort),
      csrfToken: auth.kind === "session" ? auth.session.csrfToken : null,
    });
    res.type("html").send(page);
  });
  return router;
}
