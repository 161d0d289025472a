import { describe, expect, it } from "vitest";
import { broadcastsSection } from "../../src/http/admin/broadcasts-section.js";

describe("broadcasts on the dashboard (issue 14 §5)", () => {
  it("are named by when, scope and who asked, not an id; 'Đã gửi x/y nhóm' counts groups and says how many units have none", () => {
    const out = String(
      broadcastsSection([
        {
          id: "b-7f3a9c",
          status: "done",
          createdAt: "2025-11-01T02:30:00.000Z",
          scope: "đơn vị chậm tiến độ",
          requestedBy: "cán bộ Nguyễn Văn An qua Zalo",
          total: 29,
          sent: 3,
          failed: 0,
          skipped: 4,
          groups: 3,
          withoutGroup: 4,
          failures: [],
        },
      ]),
    );
    expect(out).toMatch(/Nhắc nhở [^<]*2025[^<]* · đơn vị chậm tiến độ · do cán bộ Nguyễn Văn An qua Zalo/);
    expect(out.replace(/data-broadcast-id="[^"]+"/, "")).not.toContain("b-7f3a9c");
    expect(out).toMatch(/Đã gửi <b data-field="sent">3<\/b>\/<span data-field="groups">3<\/span> nhóm/);
    expect(out).toContain('<span data-field="withoutGroup">4</span> đơn vị chưa có nhóm Zalo');
  });
});
