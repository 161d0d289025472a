import express, { Router } from "express";
import { z } from "zod";
import type { Db } from "../../db/database.js";
import { ResultFileError } from "../../errors.js";
import type { PeopleServices } from "../../people/people-services.js";
import { vnDate } from "../../shared/vietnam-time.js";
import { progressWorkbook } from "../../results/progress-workbook.js";
import { workbookInput } from "../../results/report-data.js";
import { importResults, type ImportReport } from "../../results/results-import.js";
import { describeReason, whereOf } from "../../results/row-problems.js";
import { requireAdmin } from "../admin-auth.js";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
/** An .xlsx of 100,000 people is ~3 MB; a CSV of them ~5 MB. */
const MAX_UPLOAD = "25mb";
/** Problems listed in the preview (the count says how many more). */
const MAX_PROBLEMS_SHOWN = 500;

export interface ResultsRoutesDeps {
  adminToken: string | undefined;
  db: Db;
  people: PeopleServices;
  now: () => Date;
}

const importQuery = z.object({
  name: z.string().max(200).default("upload"),
  apply: z.literal("1").optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/** The import report for the page: problems described in Vietnamese, at most MAX_PROBLEMS_SHOWN of them. */
function forPage(r: ImportReport) {
  return {
    ...r,
    problemCount: r.problems.length,
    problems: r.problems.slice(0, MAX_PROBLEMS_SHOWN).map((p) => ({ where: whereOf(p), reason: describeReason(p.reason, "vi") })),
  };
}

/**
 * POST /admin/results/import (the file as the body; ?apply=1&sha256=… after the preview: only the file
 * previewed is written), GET /admin/export/progress.xlsx, and the upload's script.
 */
export function adminResultsRouter(d: ResultsRoutesDeps): Router {
  const router = Router();
  const guard = requireAdmin(d.adminToken);

  router.post("/admin/results/import", guard, express.raw({ type: () => true, limit: MAX_UPLOAD }), async (req, res) => {
    const q = importQuery.safeParse(req.query);
    if (!q.success || (q.data.apply && !q.data.sha256)) {
      res.status(400).json({ error: "bad_request", message: "Yêu cầu không hợp lệ: xem trước tệp rồi mới xác nhận." });
      return;
    }
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    if (body.length === 0) {
      res.status(400).json({ error: "bad_request", message: "Tệp rỗng." });
      return;
    }
    try {
      const report = await importResults(
        body,
        { fileName: q.data.name, apply: q.data.apply === "1", now: d.now(), expectSha256: q.data.sha256 },
        { db: d.db, people: d.people },
      );
      res.json(forPage(report));
    } catch (err) {
      if (!(err instanceof ResultFileError)) throw err;
      res.status(422).json({ error: "bad_file", message: err.vi });
    }
  });

  router.get("/admin/export/progress.xlsx", guard, async (_req, res) => {
    const now = d.now();
    const buf = await progressWorkbook(workbookInput(d.people, now));
    res
      .type(XLSX_TYPE)
      .set("Content-Disposition", `attachment; filename="tien-do-${vnDate(now)}.xlsx"`)
      .send(buf);
  });
  return router;
}
