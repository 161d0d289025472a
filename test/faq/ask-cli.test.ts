import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { createPeopleServices } from "../../src/people/people-services.js";
import { importExample, WINDOW } from "../people/people-harness.js";

const tsx = ["node_modules/.bin/tsx", "src/cli/ask.ts"];

describe("npm run ask", () => {
  it("prints one JSON line per question, same order, nothing else on stdout", () => {
    const input = ['{"text":"bài thi có mấy câu"}', '{"text":"cảm ơn nhé"}', '{"text":"giá xăng hôm nay"}'].join("\n");
    const run = spawnSync(tsx[0]!, [tsx[1]!, "--jsonl"], {
      input,
      encoding: "utf8",
      env: { ...process.env, BOT_NOW: "2025-10-20T10:00:00+07:00", LOG_LEVEL: "" },
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines).toHaveLength(3);
    const out = lines.map((l) => JSON.parse(l) as { text: string; intent: string | null; reply: string });
    expect(out[0]).toMatchObject({ text: "bài thi có mấy câu", intent: "so-cau-hoi" });
    expect(out[0]!.reply).toContain("20 câu");
    expect(out[1]!.intent).toBe("thanks");
    expect(out[2]).toMatchObject({ intent: null });
    // another topic: the bot says what it knows, not the contest's hotline
    expect(out[2]!.reply).toMatch(/chỉ trả lời về/);
  }, 30_000);

  it("prints the reply text for one question, after the end with the phase line", () => {
    const run = spawnSync(tsx[0]!, [tsx[1]!, "giải nhất bao nhiêu tiền"], {
      encoding: "utf8",
      env: { ...process.env, BOT_NOW: "2026-02-01T10:00:00+07:00", LOG_LEVEL: "" },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Cuộc thi đã kết thúc ngày 11\/11\/2025\.\n/);
    expect(run.stdout).toContain("5.000.000");
  }, 30_000);

  it("uses a copy of DATABASE_PATH's database: imported units are there, each line is a new user, the real file is untouched", () => {
    const dir = mkdtempSync(join(tmpdir(), "ask-db-"));
    try {
      const path = join(dir, "bot.db");
      const db = openDatabase(path);
      importExample(createPeopleServices(db, WINDOW));
      db.close();
      const before = readFileSync(path);
      const input = ['{"text":"#xong Nguyễn Văn An, tổ 5"}', '{"text":"#xong Nguyễn Văn An, tổ 5"}'].join("\n");
      const run = spawnSync(tsx[0]!, [tsx[1]!, "--jsonl"], {
        input,
        encoding: "utf8",
        env: { ...process.env, DATABASE_PATH: path, BOT_NOW: "2025-10-20T10:00:00+07:00", LOG_LEVEL: "" },
      });
      expect(run.status, run.stderr).toBe(0);
      const out = run.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { intent: string | null; reply: string });
      for (const o of out) {
        expect(o.intent).toBe("completion");
        expect(o.reply).toContain("Đã ghi nhận bạn hoàn thành cuộc thi: Nguyễn Văn An – Tổ dân phố số 5");
      }
      expect(readFileSync(path).equals(before)).toBe(true);
      const check = openDatabase(path);
      expect(check.prepare("SELECT COUNT(*) AS n FROM completions").get()).toEqual({ n: 0 });
      check.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
