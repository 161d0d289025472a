import { Router, type Response } from "express";
import { z } from "zod";
import { requireAdmin } from "../admin-auth.js";
import { toCsv } from "./csv.js";
import type { DashboardData } from "./dashboard-data.js";
import { vnDate } from "../../shared/vietnam-time.js";
import { STATE_LABELS } from "./unanswered-section.js";

export interface AdminDataRoutesDeps {
  adminToken: string | undefined;
  data: DashboardData;
  now: () => Date;
}

const limitQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });
const unansweredQuery = limitQuery.extend({ state: z.enum(["new", "answered", "taught", "dismissed"]).optional() });

function sendCsv(res: Response, name: string, body: string): void {
  res.type("text/csv; charset=utf-8").set("Content-Disposition", `attachment; filename="${name}"`).send(body);
}

/** JSON the dashboard shows (unanswered questions, completions per day) and the CSV exports. */
export function adminDataRouter(d: AdminDataRoutesDeps): Router {
  const router = Router();
  const guard = requireAdmin(d.adminToken);

  router.get("/admin/unanswered", guard, async (req, res) => {
    const q = unansweredQuery.safeParse(req.query);
    if (!q.success) {
      res.status(400).json({ error: "bad_request", message: z.prettifyError(q.error) });
      return;
    }
    res.json({ items: await d.data.unanswered(q.data.limit, q.data.state) });
  });

  router.get("/admin/completions/daily", guard, async (_req, res) => {
    const days = await d.data.completionsByDay();
    let total = 0;
    const withTotals = days.map((x) => {
      total += x.count;
      return { ...x, total };
    });
    res.json({ days: withTotals, total });
  });

  router.get("/admin/export/progress.csv", guard, async (_req, res) => {
    const report = await d.data.progress();
    const rows = report.units.map((u) => [
      u.ward,
      u.code,
      u.name,
      u.kind,
      u.base,
      u.target,
      u.completed,
      Math.round(u.ratio * 1000) / 10,
      Math.ceil(u.expectedByNow),
      u.behind ? "chậm" : "đạt",
    ]);
    const header = ["Phường/xã", "Mã", "Đơn vị", "Loại", "Cơ sở", "Chỉ tiêu", "Đã hoàn thành", "Tỉ lệ (%)", "Cần đạt đến nay", "Tiến độ"];
    sendCsv(res, `tien-do-${vnDate(d.now())}.csv`, toCsv(header, rows));
  });

  router.get("/admin/export/unanswered.csv", guard, async (_req, res) => {
    const list = await d.data.unanswered(10_000);
    const rows = list.map((q) => [
      q.text,
      q.count,
      q.lastAskedAt,
      [...new Set(q.askedIn.map((a) => a.label))].join(", "),
      STATE_LABELS[q.state],
    ]);
    sendCsv(res, `cau-hoi-chua-tra-loi-${vnDate(d.now())}.csv`, toCsv(["Câu hỏi", "Số lần", "Lần cuối", "Hỏi trong", "Trạng thái"], rows));
  });

  return router;
}
