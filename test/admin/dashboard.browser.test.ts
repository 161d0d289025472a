import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, startAdminApp, type AdminTestApp } from "./admin-test-app.js";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const HAS_CHROMIUM = existsSync(CHROMIUM);
const ARTIFACTS = join(process.cwd(), "test-artifacts");

if (!HAS_CHROMIUM) {
  console.warn(`dashboard browser test skipped: ${CHROMIUM} not found (install it with: apt-get install -y chromium)`);
}

describe.skipIf(!HAS_CHROMIUM)(`dashboard in headless Chromium (${CHROMIUM})`, () => {
  let app: AdminTestApp;
  let context: BrowserContext;
  let profile: string;

  beforeAll(async () => {
    app = await startAdminApp();
    profile = mkdtempSync(join(tmpdir(), "chromium-profile-"));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 390, height: 844 },
      locale: "vi-VN",
      timezoneId: "Asia/Ho_Chi_Minh",
    });
  });

  afterAll(async () => {
    await context?.close();
    await app?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  it("signs in, sees the behind unit highlighted, previews a reminder and sends it", async () => {
    const page = await context.newPage();
    // The sign-in form answers 401, which Chromium logs; watch for errors from the dashboard on.
    await page.goto(`${app.url}/admin`);
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(m.text());
    });
    page.on("pageerror", (e) => problems.push(e.message));
    await page.getByLabel("Mã quản trị").fill(ADMIN_TOKEN);
    await Promise.all([page.waitForResponse((r) => r.url() === `${app.url}/admin` && r.status() === 200), page.getByRole("button", { name: "Đăng nhập" }).click()]);

    const behind = page.locator('[data-unit="TDP2"]');
    await expect.poll(() => behind.getAttribute("class")).toContain("behind");
    expect(await behind.textContent()).toContain("Chậm tiến độ");
    const onTrack = page.locator('[data-unit="TDP1"]');
    const bg = (l: typeof behind) => l.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await bg(behind)).not.toBe(await bg(onTrack));

    // Single column on a phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

    await page.getByRole("button", { name: "Xem trước tin nhắn" }).click();
    const preview = page.locator("#reminder-messages li").first();
    await preview.waitFor();
    expect(await preview.textContent()).toContain("Tổ dân phố 2 mới đạt 5/70 người.");
    expect(app.posted.at(-1)).toEqual({ scope: "behind", dryRun: true });

    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "dashboard.png"), fullPage: true });

    await page.getByRole("button", { name: /Xác nhận gửi/ }).click();
    await page.locator("#reminder-status", { hasText: "Đã xếp lịch gửi tới 1 nhóm" }).waitFor();
    expect(app.posted.at(-1)).toEqual({ scope: "behind" });
    // The new broadcast appears and its live status is polled until done.
    await page.locator('[data-broadcast-id="b1"] [data-field="status"]', { hasText: "Đã xong" }).waitFor({ timeout: 10_000 });

    expect(problems).toEqual([]);
  });
});
