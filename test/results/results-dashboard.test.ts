import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../helpers/test-runtime.js";
import { chatReport, day, NOW, seedUnits, workbook } from "./results-harness.js";

const ADMIN_TOKEN = "results-dashboard-token-1";

let bot: TestBot;
let session: { cookie: string; csrf: string };
beforeAll(async () => {
  bot = await startTestBot({ BOT_NOW: NOW.toISOString(), ADMIN_TOKEN });
  const people = bot.rt.services.people;
  seedUnits(people);
  chatReport(people, "Nguyễn Văn An", "TDP-A", "2025-10-20T09:00");
  chatReport(people, "Phạm Minh An", "TDP-A", "2025-10-21T09:00");
  const login = await fetch(`${bot.url}/admin/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ token: ADMIN_TOKEN }),
  });
  const body = (await login.json()) as { csrfToken: string };
  session = { cookie: login.headers.getSetCookie()[0]!.split(";")[0]!, csrf: body.csrfToken };
});
afterAll(async () => {
  await bot.close();
});

const upload = (file: Buffer, query: string, headers: Record<string, string> = { "x-csrf-token": session.csrf }) =>
  fetch(`${bot.url}/admin/results/import?name=ds.xlsx${query}`, {
    method: "POST",
    headers: { cookie: session.cookie, "content-type": "application/octet-stream", ...headers },
    body: new Uint8Array(file),
  });

async function listFile(names: string[]): Promise<Buffer> {
  return workbook({
    "Danh sách": [
      ["Họ và tên", "Tổ dân phố", "Ngày hoàn thành"],
      ...names.map((n) => [n, "Tổ 1", day("2025-10-30")]),
      ["Lê Văn Tám", "Tổ 99", day("2025-10-30")],
    ],
  });
}

describe("dashboard: official results upload with a confirm step", () => {
  it("previews (nothing written), needs the CSRF token, and confirms only the file previewed", async () => {
    const file = await listFile(["Nguyễn Văn An", "Phạm Minh Anh", "Trần Thị Bình"]);
    expect((await upload(file, "", {})).status).toBe(403);

    const preview = await upload(file, "");
    expect(preview.status).toBe(200);
    const r = (await preview.json()) as {
      sha256: string;
      applied: boolean;
      problemCount: number;
      problems: { where: string; reason: string }[];
      matching: { code: string; summary: { confirmed: number; chatOnly: number; officialOnly: number; near: unknown[] } }[];
    };
    expect(r.applied).toBe(false);
    expect(r.problems).toEqual([{ where: "Danh sách:5", reason: expect.stringMatching(/^không có đơn vị "Tổ 99"/) }]);
    expect(r.matching[0]!.summary).toEqual({
      confirmed: 1,
      chatOnly: 1,
      officialOnly: 2,
      near: [{ chat: "Phạm Minh An", official: "Phạm Minh Anh" }],
    });
    expect(bot.rt.services.people.official.figures().size).toBe(0);

    const other = await listFile(["Nguyễn Văn An"]);
    const wrong = await upload(other, `&apply=1&sha256=${r.sha256}`);
    expect(wrong.status).toBe(422);
    expect(((await wrong.json()) as { message: string }).message).toContain("xem trước lại");
    expect(bot.rt.services.people.official.figures().size).toBe(0);

    const confirm = await upload(file, `&apply=1&sha256=${r.sha256}`);
    expect(confirm.status).toBe(200);
    expect(((await confirm.json()) as { applied: boolean }).applied).toBe(true);
    expect(bot.rt.services.people.official.figures().get("TDP-A")).toMatchObject({ completed: 3, asOf: "2025-10-30" });
  });

  it("shows per unit the sources, the confirmed / chat-only / official-only counts and the rule", async () => {
    const page = await (await fetch(`${bot.url}/admin`, { headers: { cookie: session.cookie } })).text();
    const unit = /<li class="unit[^"]*" data-unit="TDP-A"[\s\S]*?<\/li>/.exec(page)![0];
    expect(unit).toContain("Báo qua Zalo: 2 · chính thức: 3 (đến 30/10/2025)");
    expect(unit).toMatch(
      /<span data-field="confirmed">1<\/span> khớp · <span data-field="chat-only">1<\/span> chỉ báo qua Zalo · <span data-field="official-only">2<\/span> chỉ có trong danh sách/,
    );
    expect(page).toContain('id="completed-rule">Số hoàn thành = số chính thức');
    expect(page).toContain('id="results-file"');
    expect(page).toContain('href="/admin/export/progress.xlsx"');
  });

  it("refuses a file it cannot read with a Vietnamese message", async () => {
    const res = await upload(Buffer.from("a,b\n1,2\n"), "");
    expect(res.status).toBe(422);
    expect(((await res.json()) as { message: string }).message).toContain("Không tìm thấy dòng tiêu đề");
  });
});
