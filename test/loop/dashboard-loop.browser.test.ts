import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHROMIUM, HAS_CHROMIUM, launchPhoneBrowser, signInToDashboard, warnIfNoChromium } from "../helpers/chromium.js";
import { userText } from "../helpers/zalo-events.js";
import { ADMIN_TOKEN, DURING, ENTRY, REWORDED, UNCOVERED, deliveredTo, startLoopWorld, type LoopWorld } from "./loop-harness.js";

const ARTIFACTS = join(process.cwd(), "test-artifacts");
const RESIDENT_A = "7300000000000000001";
const RESIDENT_B = "7300000000000000002";

warnIfNoChromium("unanswered-questions browser test");

describe.skipIf(!HAS_CHROMIUM)(`teaching the bot from the dashboard in headless Chromium (${CHROMIUM})`, () => {
  let world: LoopWorld;
  let browser: Awaited<ReturnType<typeof launchPhoneBrowser>>;

  beforeAll(async () => {
    world = await startLoopWorld();
    browser = await launchPhoneBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await world?.close();
  });

  it("signs in, opens the question, teaches it with one click on the bot's guess, and the next resident is answered", async () => {
    const { bot, fake } = world;
    await bot.post(userText(RESIDENT_A, UNCOVERED));
    await bot.settle();

    const { page, problems } = await signInToDashboard(browser.context, bot.url, ADMIN_TOKEN);

    // The question is in "Câu hỏi chưa trả lời", new, asked once 1:1.
    const item = page.locator("#question-list [data-question-id]", { hasText: UNCOVERED });
    expect(await item.getAttribute("data-state")).toBe("new");
    expect(await item.textContent()).toContain("hỏi trong: 1:1");

    // Open it and click the bot's guess: taught, with the CSRF token the page carries.
    await item.getByText("Xử lý câu hỏi này").click();
    const guess = item.locator(`[data-action="teach-entry"][data-entry-id="${ENTRY}"]`);
    expect(await guess.textContent()).toBe("Mỗi người một tài khoản");
    await guess.click();
    await item.locator('[data-field="status"]', { hasText: "Đã dạy bot" }).waitFor();
    expect(await item.locator('[data-field="status"]').textContent()).toContain("“Mỗi người một tài khoản”");
    expect(await item.locator('[data-field="state"]').textContent()).toBe("Đã dạy bot");
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, "dashboard-teach.png"), fullPage: true });

    // A resident asking in other words is answered from that entry, from the next message on.
    await bot.post(userText(RESIDENT_B, REWORDED));
    await bot.settle();
    const faq = bot.rt.services.faq;
    expect(deliveredTo(fake, RESIDENT_B)).toEqual([faq.answer(faq.entry(ENTRY)!, new Date(DURING))]);

    // After a reload: the state, the taught item (with undo) and today's figures.
    await page.reload();
    expect(await page.locator("#question-list [data-question-id]", { hasText: UNCOVERED }).getAttribute("data-state")).toBe("taught");
    expect(await page.locator("#da-day").textContent()).toContain(`→ mục ${ENTRY}`);
    const today = page.locator("#chat-luong tbody tr").last();
    expect(await today.locator("td").allTextContents()).toEqual(["20/10", "1", "0", "1", "1"]);
    // Single column on a phone: nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(problems).toEqual([]);
  });
});
