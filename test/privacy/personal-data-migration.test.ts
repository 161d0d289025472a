import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { migrate } from "../../src/db/database.js";
import { migrations } from "../../src/db/migrations/index.js";

describe("migration 006 on a database written before it", () => {
  it("fills inbox.user_id from stored bodies and masks phone numbers in unanswered keys", () => {
    const db = new Database(":memory:");
    const v = migrations.findIndex((m) => m.name.startsWith("personal data"));
    for (const m of migrations.slice(0, v)) db.exec(m.sql);
    db.pragma(`user_version = ${v}`);
    const insert = db.prepare(
      "INSERT INTO inbox (dedupe_key, event_name, conversation_key, body, status, received_at) VALUES (?, ?, ?, ?, 'done', 0)",
    );
    insert.run("a", "user_send_text", "user:u1", JSON.stringify({ sender: { id: "u1" }, message: { text: "hi" } }));
    insert.run("b", "follow", "user:u2", JSON.stringify({ follower: { id: "u2" } }));
    insert.run("c", "oa_send_text", "none", JSON.stringify({ sender: { id: "oa" }, recipient: { id: "u3" } }));
    const q = db.prepare(
      "INSERT INTO unanswered_questions (key, conversation_kind, sample, count, first_seen, last_seen) VALUES (?, 'user', ?, ?, 0, ?)",
    );
    q.run("goi 0912345678", "gọi 0912345678", 2, 1);
    q.run("goi 0987654321", "gọi 0987654321", 1, 2);
    migrate(db);
    expect(db.prepare("SELECT dedupe_key, user_id FROM inbox ORDER BY id").all()).toEqual([
      { dedupe_key: "a", user_id: "u1" },
      { dedupe_key: "b", user_id: "u2" },
      { dedupe_key: "c", user_id: "u3" },
    ]);
    expect(db.prepare("SELECT key, sample, count FROM unanswered_questions").all()).toEqual([
      { key: "goi sdt_an", sample: "gọi 091*****78", count: 3 },
    ]);
  });
});
