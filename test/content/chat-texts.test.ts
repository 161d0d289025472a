import { cpSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCampaign } from "../../src/content/campaign.js";
import { loadChatTexts } from "../../src/content/chat-texts.js";
import { ContentError } from "../../src/errors.js";

const campaign = loadCampaign("content");

function problemsWith(edit: (messages: string) => string): string {
  const dir = mkdtempSync(join(tmpdir(), "chat-texts-"));
  cpSync("content", dir, { recursive: true });
  writeFileSync(join(dir, "messages.yaml"), edit(readFileSync("content/messages.yaml", "utf8")));
  try {
    loadChatTexts(dir, campaign);
  } catch (err) {
    expect(err).toBeInstanceOf(ContentError);
    return (err as ContentError).problems.join("\n");
  }
  throw new Error("expected a ContentError");
}

describe("content/messages.yaml chat texts", () => {
  it("fills the campaign's placeholders and the values the code passes", () => {
    const t = loadChatTexts("content", campaign);
    expect(t.say("completion.recorded", { fullName: "Nguyễn Văn An", unit: "Tổ dân phố số 5" })).toBe(
      `Đã ghi nhận bạn hoàn thành ${campaign.noun}: Nguyễn Văn An – Tổ dân phố số 5. Cảm ơn bạn! Gõ #toi để xem lại, #xoa nếu muốn xoá.`,
    );
    expect(t.say("broadcast.skipCooldown", { hours: 12 })).toBe("đã được nhắc trong 12 giờ qua");
  });

  it.each(["content", "test/fixtures/health-book"])("%s has every chat text, with known placeholders only", (pack) => {
    expect(() => loadChatTexts(pack, loadCampaign(pack))).not.toThrow();
  });

  it("names a placeholder the text cannot use, and a missing text", () => {
    expect(
      problemsWith((m) =>
        m.replace('askName: "Chúc mừng bạn! Để ghi nhận cho {{unit}}', 'askName: "Chúc mừng {{fullName}}! Để ghi nhận cho {{unit}}'),
      ),
    ).toMatch(/chat\.completion\.askName: unknown placeholder \{\{fullName\}\}/);
    expect(problemsWith((m) => m.replace(/\n {4}skipNoGroup: .*/, ""))).toMatch(/skipNoGroup/);
  });
});
