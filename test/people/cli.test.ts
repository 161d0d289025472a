import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { userText } from "../helpers/zalo-events.js";
import { EXAMPLE_CSV } from "./people-harness.js";

let bot: TestBot;
beforeAll(async () => {
  bot = await startTestBot({ BOT_NOW: "2025-10-27T12:00:00+07:00" });
});
afterAll(async () => {
  await bot.close();
});

/** `npm run cli -- ...` against the running bot's SQLite file, as a separate process. */
const cli = (...args: string[]) => runCli({ DATABASE_PATH: bot.config.DATABASE_PATH, BOT_NOW: "2025-10-27T12:00:00+07:00" }, ...args);

async function ask(user: string, text: string): Promise<string> {
  await bot.post(userText(user, text));
  await bot.settle();
  return bot.rt.outbox.recent().filter((r) => r.recipient_id === user)[0]?.text ?? "";
}

// Each test spawns up to four CLI processes (~1.5 s of CPU each): room for a busy shared machine.
describe("npm run cli against a running bot (no restart)", { timeout: 90_000 }, () => {
  it("a bad CSV is reported by line and writes nothing", async () => {
    const bad = join(bot.dir, "bad.csv");
    writeFileSync(bad, "code,name,kind,ward,base,target_ratio,zalo_group_id,aliases\nA,Tổ 1,residential,W,10,,,\nB,Tổ 2,house,W,10,,,\n");
    const r = await cli("units", "import", bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("bad.csv:3: kind");
    expect(r.stderr).toContain("Nothing imported");
    expect(bot.rt.services.people.units.count()).toBe(0);
  });

  it("units import is seen by the running bot at the next message", async () => {
    const before = await ask("resident-1", "#xong Nguyễn Văn An, tổ 5");
    expect(before).toContain("chưa được cập nhật");
    const r = await cli("units", "import", EXAMPLE_CSV);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Imported 25 units");
    const again = await cli("units", "import", EXAMPLE_CSV);
    expect(again.stdout).toContain("0 new, 25 updated");
    const after = await ask("resident-1", "#xong Nguyễn Văn An, tổ 5");
    expect(after).toContain("ghi nhận");
  });

  it("officers add is seen by the running bot at the next message", async () => {
    expect(await ask("8000000000000000009", "#baocao")).toContain("Xin lỗi");
    const r = await cli("officers", "add", "8000000000000000009", "--units", "AD-TDP05,AD-TDP06");
    expect(r.code).toBe(0);
    expect(await ask("8000000000000000009", "#baocao")).toContain("Tổ dân phố số 5 (AD-TDP05): 1/188");
    expect((await cli("officers", "add", "8000000000000000009", "--units", "NOPE")).code).toBe(1);
    expect((await cli("officers", "add", "8000000000000000009")).code).toBe(2);
    expect((await cli("officers", "list")).stdout).toContain("AD-TDP05,AD-TDP06");
    // A Zalo user id is digits (the webhook's sender.id): a name or a phone-like typo is refused, nothing written.
    const typo = await cli("officers", "add", "nguyen-van-an", "--all");
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("is not a Zalo user id");
  });

  it("report --csv prints the contract's fields per unit", async () => {
    const r = await cli("report", "--csv");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("code,name,kind,ward,base,target,completed,ratio,expectedByNow,behind");
    expect(lines).toHaveLength(26);
    expect(lines.find((l) => l.startsWith("AD-TDP05,"))).toMatch(
      /^AD-TDP05,Tổ dân phố số 5,residential,An Dương,268,188,1,0\.0053,\d+(\.\d+)?,true$/,
    );
    expect((await cli("report")).stdout).toContain("Phường/xã An Dương");
    expect((await cli("nope")).code).toBe(2);
  });
});
