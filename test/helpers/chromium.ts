import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

/** Debian's Chromium (apt-get install -y chromium); browser tests skip with a message without it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const HAS_CHROMIUM = existsSync(CHROMIUM);

export function warnIfNoChromium(test: string): void {
  if (!HAS_CHROMIUM) console.warn(`${test} skipped: ${CHROMIUM} not found (install it with: apt-get install -y chromium)`);
}

/** Headless Chromium with a phone viewport, Vietnamese locale and time zone, in a throwaway profile. */
export async function launchPhoneBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), "chromium-profile-"));
  const context = await chromium.launchPersistentContext(profile, {
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
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens the dashboard and signs in with the token. Returns the console errors and page errors seen from the
 * dashboard on (the sign-in form answers 401, which Chromium logs, so watching starts after it).
 */
export async function signInToDashboard(
  context: BrowserContext,
  baseUrl: string,
  token: string,
): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}/admin`);
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.getByLabel("Mã quản trị").fill(token);
  await Promise.all([
    page.waitForResponse((r) => r.url() === `${baseUrl}/admin` && r.status() === 200),
    page.getByRole("button", { name: "Đăng nhập" }).click(),
  ]);
  return { page, problems };
}
