import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/db/database.js";
import { UnansweredStore } from "../../src/stores/unanswered-store.js";

let dir: string;
let db: Db;

afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("UnansweredStore", () => {
  it("counts questions by normalised text and conversation kind, most asked first", () => {
    dir = mkdtempSync(join(tmpdir(), "unanswered-"));
    db = openDatabase(join(dir, "bot.db"));
    const store = new UnansweredStore(db);
    const at = (h: number) => new Date(Date.UTC(2025, 9, 20, h));
    store.record({ key: "gia vang", text: "Giá vàng?", conversationKind: "user", conversationId: "u-1", userId: "u-1", at: at(1) });
    store.record({ key: "bong da", text: "bóng đá", conversationKind: "user", conversationId: "u-1", userId: "u-1", at: at(2) });
    store.record({ key: "gia vang", text: "gia vang", conversationKind: "user", conversationId: "u-1", userId: "u-1", at: at(3) });
    store.record({ key: "gia vang", text: "giá vàng", conversationKind: "group", conversationId: "g-1", userId: "u-2", at: at(4) });
    const list = store.list(10);
    expect(list.map((q) => [q.key, q.conversationKind, q.count])).toEqual([
      ["gia vang", "user", 2],
      ["gia vang", "group", 1],
      ["bong da", "user", 1],
    ]);
    expect(list[0]).toMatchObject({ text: "gia vang", firstSeenAt: at(1).toISOString(), lastSeenAt: at(3).toISOString() });
  });

  it("masks phone numbers in the sample it keeps", () => {
    dir = mkdtempSync(join(tmpdir(), "unanswered-"));
    db = openDatabase(join(dir, "bot.db"));
    const store = new UnansweredStore(db);
    store.record({
      key: "goi lai 0912345678",
      text: "gọi lại cho tôi 0912345678",
      conversationKind: "user",
      conversationId: "u-1",
      userId: "u-1",
      at: new Date(),
    });
    expect(store.list(1)[0]!.text).not.toContain("0912345678");
    // Nor in the grouping key, its index, or the per-ask record.
    const stored = db.prepare("SELECT key || sample AS s FROM unanswered_questions UNION ALL SELECT text FROM unanswered_asks").all() as {
      s: string;
    }[];
    expect(stored.map((r) => r.s).join(" ")).not.toMatch(/0912345678|345678/);
  });
});
