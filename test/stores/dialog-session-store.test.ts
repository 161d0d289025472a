import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/db/database.js";
import { DialogSessionStore } from "../../src/stores/dialog-session-store.js";

describe("dialog sessions", () => {
  it("prune removes only the steps that have expired, so an abandoned step does not linger", () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), "dialogs-")), "bot.db"));
    const store = new DialogSessionStore(db);
    store.set("user:1", "name", { tries: 0 }, 1_000);
    store.set("user:2", "unit", { name: "Nguyễn Văn A" }, 5_000);

    expect(store.prune(2_000)).toBe(1);
    const left = db.prepare("SELECT session_key FROM dialog_sessions").all() as Array<{ session_key: string }>;
    expect(left.map((r) => r.session_key)).toEqual(["user:2"]);
    db.close();
  });
});
