import { readdirSync, readFileSync } from "node:fs";
import { Router } from "express";
import { requireAdmin } from "../admin-auth.js";

const DIR = new URL("./assets/", import.meta.url);
/** The dashboard's scripts (ES modules: dashboard.js, results.js and the admin-common.js they import), read once. */
const SCRIPTS = new Map(
  readdirSync(DIR)
    .filter((name) => name.endsWith(".js"))
    .map((name) => [name, readFileSync(new URL(name, DIR), "utf8")]),
);

/** GET /admin/assets/<name>.js for signed-in officers; any other name falls through (404). */
export function adminAssetsRouter(adminToken: string | undefined): Router {
  const router = Router();
  router.get("/admin/assets/:name", requireAdmin(adminToken), (req, res, next) => {
    const script = SCRIPTS.get(String(req.params.name));
    if (script === undefined) return next();
    res.type("application/javascript; charset=utf-8").send(script);
  });
  return router;
}
