import { afterEach, describe, expect, it } from "vitest";
import { fakeData, signIn, startAdminApp, type AdminTestApp } from "./admin-test-app.js";

let app: AdminTestApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

function unitOrder(page: string): string[] {
  return [...page.matchAll(/data-unit="([^"]+)"/g)].map((m) => m[1]!);
}

describe("dashboard page", () => {
  it("highlights behind units with a label, not colour alone, and puts them first", async () => {
    app = await startAdminApp();
    const { cookie } = await signIn(app.url);
    const page = await (await fetch(`${app.url}/admin`, { headers: { cookie } })).text();
    expect(page).toMatch(/<li class="unit behind" data-unit="TDP2" data-behind="true">[\s\S]*?Chậm tiến độ/);
    expect(page).toMatch(/<li class="unit" data-unit="TDP1" data-behind="false">[\s\S]*?Đúng tiến độ/);
    expect(page).toContain("1</b>/3 đơn vị đang chậm tiến độ");
    expect(unitOrder(page)).toEqual(["TDP2", "TDP1", "THCS"]);
    expect(page).toContain('name="viewport"');
    expect(page).toContain('lang="vi"');
  });

  it("sorts by name or by ratio on request", async () => {
    app = await startAdminApp();
    const { cookie } = await signIn(app.url);
    const byName = await (await fetch(`${app.url}/admin?sort=name`, { headers: { cookie } })).text();
    expect(unitOrder(byName)).toEqual(["TDP1", "TDP2", "THCS"]);
    const byRatio = await (await fetch(`${app.url}/admin?sort=ratio`, { headers: { cookie } })).text();
    // Wards by ratio (An Dương 46% before Thiên Hương 75%), units by ratio inside.
    expect(unitOrder(byRatio)).toEqual(["TDP2", "TDP1", "THCS"]);
    expect(byRatio).toContain('href="/admin?sort=ratio#tien-do" aria-current="true"');
  });

  it("draws the completions chart, the pace mark and the unanswered questions", async () => {
    app = await startAdminApp();
    const { cookie } = await signIn(app.url);
    const page = await (await fetch(`${app.url}/admin`, { headers: { cookie } })).text();
    expect(page).toContain('<svg class="chart"');
    expect(page).toContain("Tổng: <b>95</b>");
    // Three days drawn, the missing 30/10 as an empty column.
    expect(page).toContain("<title>30/10: 0</title>");
    // TDP2: 5 of 70 done, 35 expected by now → pace mark at 50%.
    expect(page).toMatch(/data-unit="TDP2"[\s\S]*?<line x1="50.00"/);
    expect(page).toContain("thi lại được không?");
  });

  it("says so when there are no units yet", async () => {
    app = await startAdminApp({
      data: fakeData({ progress: () => ({ asOf: "2025-11-01T03:00:00Z", units: [], wards: [] }), completionsByDay: () => [] }),
    });
    const { cookie } = await signIn(app.url);
    const page = await (await fetch(`${app.url}/admin`, { headers: { cookie } })).text();
    expect(page).toContain("Chưa có đơn vị nào");
    expect(page).toContain("Chưa có ai báo hoàn thành.");
  });
});

describe("CSV exports and JSON", () => {
  it("exports progress per unit as a spreadsheet file", async () => {
    app = await startAdminApp();
    const { cookie } = await signIn(app.url);
    const res = await fetch(`${app.url}/admin/export/progress.csv`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="tien-do-2025-11-01.csv"');
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Phường/xã,Mã,Đơn vị,Loại,Cơ sở,Chỉ tiêu,Đã hoàn thành,Tỉ lệ (%),Cần đạt đến nay,Tiến độ");
    expect(lines).toContain("Phường An Dương,TDP2,Tổ dân phố 2,residential,100,70,5,7.1,35,chậm");
  });

  it("exports unanswered questions and serves completions per day as JSON", async () => {
    app = await startAdminApp();
    const { cookie } = await signIn(app.url);
    const csv = await (await fetch(`${app.url}/admin/export/unanswered.csv`, { headers: { cookie } })).text();
    expect(csv).toContain("thi lại được không?,3,2025-11-01T02:00:00.000Z,1:1");
    const daily = await (await fetch(`${app.url}/admin/completions/daily`, { headers: { cookie } })).json();
    expect(daily).toEqual({
      days: [
        { day: "2025-10-29", count: 20, total: 20 },
        { day: "2025-10-31", count: 50, total: 70 },
        { day: "2025-11-01", count: 25, total: 95 },
      ],
      total: 95,
    });
  });
});
