import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/http/admin/csv.js";
import { renderDashboard } from "../../src/http/admin/dashboard-page.js";
import { escapeHtml, html, trusted } from "../../src/http/admin/html.js";
import { sampleProgress } from "./admin-test-app.js";

const EVIL = `<script>alert("x")</script><img src=x onerror='alert(1)'>`;

describe("HTML escaping", () => {
  it("escapes every character that can break out of text or a quoted attribute", () => {
    expect(escapeHtml(`<a href="x" title='y'>&\`</a>`)).toBe("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;");
  });

  it("escapes interpolated values but keeps our own markup and nested templates", () => {
    const name = `Tổ 1 "A" <b>`;
    const out = html`<li title="${name}">${name}${html`<i>${"&"}</i>`}${[1, null, false, undefined, "<"]}${trusted("<br>")}</li>`;
    expect(out.value).toBe('<li title="Tổ 1 &quot;A&quot; &lt;b&gt;">Tổ 1 &quot;A&quot; &lt;b&gt;<i>&amp;</i>1&lt;<br></li>');
  });

  it("renders residents' and officers' text on the dashboard as text, never as markup", () => {
    const progress = sampleProgress();
    progress.units[1]!.name = EVIL;
    progress.units[1]!.code = `"><script>1</script>`;
    progress.wards[0]!.ward = EVIL;
    progress.units[0]!.ward = EVIL;
    progress.units[1]!.ward = EVIL;
    const page = renderDashboard({
      campaign: { title: "Cuộc thi “Thử nghiệm”", noun: "cuộc thi" },
      progress,
      daily: [{ day: "2025-11-01", count: 3 }],
      broadcasts: [
        {
          id: `b"1`,
          status: "running",
          createdAt: null,
          scope: EVIL,
          total: 2,
          sent: 1,
          failed: 1,
          skipped: 0,
          failures: [{ unit: EVIL, groupId: "g", error: EVIL }],
        },
      ],
      unanswered: [
        {
          id: 1,
          text: EVIL,
          count: 2,
          lastAskedAt: "2025-11-01T02:00:00.000Z",
          askedIn: [{ kind: "group", id: "g", label: EVIL, count: 2, lastAskedAt: "2025-11-01T02:00:00.000Z" }],
          suggestions: [{ id: `e"1`, title: EVIL }],
          state: "new",
        },
      ],
      takeovers: [
        {
          userId: EVIL,
          adminId: "a",
          startedAt: "2025-11-01T02:00:00.000Z",
          lastReplyAt: "2025-11-01T02:00:00.000Z",
          heldUntil: "2025-11-01T03:00:00.000Z",
          dropped: 1,
        },
      ],
      quality: [{ day: "2025-11-01", answered: 1, suggested: 0, fallback: 2, taught: 1 }],
      taught: [
        {
          id: 1,
          kind: "phrasing",
          entryId: "thi-lai",
          phrasing: EVIL,
          entry: null,
          unansweredId: 1,
          taughtBy: EVIL,
          taughtAt: "2025-11-01T02:00:00.000Z",
          undoneAt: null,
          undoneBy: null,
        },
      ],
      sort: "behind",
      csrfToken: `tok"en`,
    });
    expect(page).not.toContain("<script>alert");
    expect(page).not.toContain("<img");
    expect(page).not.toContain("<script>1");
    expect(page).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(page).toContain('content="tok&quot;en"');
    expect(page).toContain('data-broadcast-id="b&quot;1"');
    // The only script tags are our own external files.
    expect(page.match(/<script/g)).toHaveLength(2);
    expect(page).toContain('<script type="module" src="/admin/assets/dashboard.js"></script>');
    expect(page).toContain('<script type="module" src="/admin/assets/results.js"></script>');
    // No inline style attributes or handlers (the CSP would block them), and none smuggled in by data.
    const tags = page.replace(/"[^"]*"/g, '""').match(/<[a-z][^>]*>/g) ?? [];
    expect(tags.filter((t) => /\s(style|on[a-z]+)=/.test(t))).toEqual([]);
  });
});

describe("CSV export cells", () => {
  it("quotes separators, quotes and line breaks", () => {
    expect(csvCell('Tổ 1, "Bắc"')).toBe('"Tổ 1, ""Bắc"""');
    expect(csvCell("dòng 1\ndòng 2")).toBe('"dòng 1\ndòng 2"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(-3)).toBe("-3");
  });

  it("defuses text that a spreadsheet would run as a formula", () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell("+84 912")).toBe("'+84 912");
    expect(csvCell("@cmd")).toBe("'@cmd");
    expect(csvCell("-1+1")).toBe("'-1+1");
  });

  it("writes UTF-8 with a BOM and CRLF so Excel shows Vietnamese", () => {
    expect(toCsv(["Mã", "Tên"], [["A", "Tổ dân phố"]])).toBe("\uFEFFMã,Tên\r\nA,Tổ dân phố\r\n");
  });
});
