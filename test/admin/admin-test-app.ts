import type { Server } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import express from "express";
import { openDatabase, type Db } from "../../src/db/database.js";
import { requireAdmin } from "../../src/http/admin-auth.js";
import type { DashboardData } from "../../src/http/admin/dashboard-data.js";
import { mountAdmin } from "../../src/http/admin/mount-admin.js";
import { silentLogger } from "../../src/observability/logger.js";
import type { ProgressReport } from "../../src/people/progress-types.js";

export const ADMIN_TOKEN = "test-admin-token-123456";
export const TEST_CAMPAIGN = { title: "Cuộc thi “Thử nghiệm”", noun: "cuộc thi" };

export function sampleProgress(): ProgressReport {
  return {
    asOf: "2025-11-01T03:00:00.000Z",
    units: [
      {
        code: "TDP1",
        name: "Tổ dân phố 1",
        kind: "residential",
        ward: "Phường An Dương",
        base: 100,
        target: 70,
        completed: 60,
        reported: 60,
        official: null,
        officialAsOf: null,
        ratio: 60 / 70,
        expectedByNow: 35,
        behind: false,
        zaloGroupId: "g1",
      },
      {
        code: "TDP2",
        name: "Tổ dân phố 2",
        kind: "residential",
        ward: "Phường An Dương",
        base: 100,
        target: 70,
        completed: 5,
        reported: 5,
        official: null,
        officialAsOf: null,
        ratio: 5 / 70,
        expectedByNow: 35,
        behind: true,
        zaloGroupId: "g2",
      },
      {
        code: "THCS",
        name: "Trường THCS Thiên Hương",
        kind: "agency",
        ward: "Phường Thiên Hương",
        base: 40,
        target: 40,
        completed: 30,
        reported: 30,
        official: null,
        officialAsOf: null,
        ratio: 0.75,
        expectedByNow: 20,
        behind: false,
        zaloGroupId: null,
      },
    ],
    wards: [
      {
        ward: "Phường An Dương",
        base: 200,
        target: 140,
        completed: 65,
        reported: 65,
        official: null,
        ratio: 65 / 140,
        expectedByNow: 70,
        behind: true,
        units: 2,
      },
      {
        ward: "Phường Thiên Hương",
        base: 40,
        target: 40,
        completed: 30,
        reported: 30,
        official: null,
        ratio: 0.75,
        expectedByNow: 20,
        behind: false,
        units: 1,
      },
    ],
  };
}

export function fakeData(over: Partial<DashboardData> = {}): DashboardData {
  return {
    progress: () => sampleProgress(),
    completionsByDay: () => [
      { day: "2025-10-29", count: 20 },
      { day: "2025-10-31", count: 50 },
      { day: "2025-11-01", count: 25 },
    ],
    broadcasts: () => [],
    unanswered: () => [
      {
        id: 1,
        text: "thi lại được không?",
        count: 3,
        lastAskedAt: "2025-11-01T02:00:00.000Z",
        askedIn: [{ kind: "user", id: "u1", label: "1:1", count: 3, lastAskedAt: "2025-11-01T02:00:00.000Z" }],
        suggestions: [{ id: "thi-lai", title: "Thi lại" }],
        state: "new",
      },
    ],
    takeovers: () => [],
    quality: () => [],
    taught: () => [],
    ...over,
  };
}

export interface AdminTestApp {
  url: string;
  db: Db;
  dir: string;
  /** Bodies received by the stand-in POST /admin/broadcasts. */
  posted: unknown[];
  close(remove?: boolean): Promise<void>;
}

/**
 * The dashboard mounted on a bare express app (port 0, SQLite in a tmp dir), plus a stand-in
 * POST /admin/broadcasts guarded like the real one, to exercise cookie + CSRF on a state change.
 */
export async function startAdminApp(
  o: { adminToken?: string | undefined; data?: DashboardData; dir?: string } = {},
): Promise<AdminTestApp> {
  const dir = o.dir ?? mkdtempSync(join(tmpdir(), "admin-test-"));
  const db = openDatabase(join(dir, "bot.db"));
  const adminToken = "adminToken" in o ? o.adminToken : ADMIN_TOKEN;
  const app = express();
  app.set("trust proxy", "loopback");
  mountAdmin(app, {
    adminToken,
    db,
    logger: silentLogger,
    data: o.data ?? fakeData(),
    now: () => new Date("2025-11-01T03:00:00Z"),
    campaign: TEST_CAMPAIGN,
  });
  const posted: unknown[] = [];
  app.post("/admin/broadcasts", requireAdmin(adminToken), express.json(), (req, res) => {
    posted.push(req.body);
    res.status(202).json({ id: "b1", targets: 1, skipped: [] });
  });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, "127.0.0.1", () => resolve(s));
  });
  const addr = server.address();
  const url = `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
  return {
    url,
    db,
    dir,
    posted,
    async close(remove = true) {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      db.close();
      if (remove) rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Signs in through the form; returns the cookie header value and the page's CSRF token. */
export async function signIn(url: string, token = ADMIN_TOKEN): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${url}/admin/login`, {
    method: "POST",
    body: new URLSearchParams({ token }),
    redirect: "manual",
  });
  if (res.status !== 303) throw new Error(`sign-in failed: ${res.status}`);
  const cookie = res.headers.getSetCookie()[0]!.split(";")[0]!;
  const page = await (await fetch(`${url}/admin`, { headers: { cookie } })).text();
  const csrf = /<meta name="csrf-token" content="([^"]+)">/.exec(page)?.[1];
  if (!csrf) throw new Error("no CSRF token on the dashboard");
  return { cookie, csrf };
}
