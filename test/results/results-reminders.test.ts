import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { userText } from "../helpers/zalo-events.js";
import { chatReport, NOW, seedUnits } from "./results-harness.js";

const ADMIN_TOKEN = "results-admin-token-1234";

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ BOT_NOW: NOW.toISOString(), ADMIN_TOKEN });
  const people = bot.rt.services.people;
  seedUnits(people);
  people.officers.grant("officer-1", { all: true }, new Date());
  chatReport(people, "Nguyễn Văn An", "TDP-A", "2025-10-20T09:00");
});

/** What the officer reads back after sending `text` 1:1. */
async function ask(text: string): Promise<string> {
  await bot.post(userText("officer-1", text));
  await bot.settle();
  return bot.rt.outbox.recent().filter((r) => r.recipient_id === "officer-1")[0]?.text ?? "";
}
afterAll(async () => {
  await bot.close();
});

/** `npm run cli -- ...` as a separate process on the running bot's SQLite file. */
const cli = (...args: string[]) => runCli({ DATABASE_PATH: bot.config.DATABASE_PATH, BOT_NOW: NOW.toISOString() }, ...args);

async function progressOf(code: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${bot.url}/admin/progress`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  const body = (await res.json()) as { units: Record<string, unknown>[] };
  return body.units.find((u) => u.code === code)!;
}

async function behindPreview(): Promise<string[]> {
  const res = await fetch(`${bot.url}/admin/broadcasts`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
    body: JSON.stringify({ scope: "behind", dryRun: true }),
  });
  const body = (await res.json()) as { messages: { unit: string }[] };
  return body.messages.map((m) => m.unit);
}

describe("a unit on target by its official count is not behind and gets no reminder", () => {
  it("before the import, TDP-A (1 chat report of 70) is behind and would be reminded", async () => {
    expect(await progressOf("TDP-A")).toMatchObject({ completed: 1, reported: 1, official: null, officialAsOf: null, behind: true });
    expect(await behindPreview()).toContain("TDP-A");
    expect(await ask("#nhacnho")).toContain("- TDP-A");
    await ask("#huy");
  });

  it("a dry run (no --apply) reports and changes nothing; a bad file exits non-zero", async () => {
    const file = join(bot.dir, "official.csv");
    writeFileSync(file, "Đơn vị,Số người hoàn thành,Ngày\nTổ dân phố số 1,60,31/10/2025\nTổ 7,3,31/10/2025\n");
    const dry = await cli("results", "import", file);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/official\.csv:3: unknown unit "Tổ 7"/);
    expect(dry.stdout).toMatch(/TDP-A\s+- → 60 \(31\/10\/2025\)\s+1 → 60\/70\s+yes → no/);
    expect(dry.stdout).toContain("Dry run: nothing written");
    expect(await progressOf("TDP-A")).toMatchObject({ official: null, behind: true });

    writeFileSync(join(bot.dir, "bad.csv"), "ho,ten\na,b\n");
    const bad = await cli("results", "import", join(bot.dir, "bad.csv"), "--apply");
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("no header row found");
  }, 90_000);

  it("after --apply, GET /admin/progress, scope behind and #nhacnho all use the official count", async () => {
    const r = await cli("results", "import", join(bot.dir, "official.csv"), "--apply");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Imported \(import #\d+\): 1 unit/);
    expect(await progressOf("TDP-A")).toMatchObject({
      completed: 60,
      reported: 1,
      official: 60,
      officialAsOf: "2025-10-31",
      behind: false,
    });
    const behind = await behindPreview();
    expect(behind).not.toContain("TDP-A");
    expect(behind).toContain("TDP-B");
    const nhacnho = await ask("#nhacnho");
    expect(nhacnho).not.toContain("TDP-A");
    expect(nhacnho).toContain("- TDP-B");
    await ask("#huy");
  }, 60_000);
});
