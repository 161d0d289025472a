import type { Db } from "../db/database.js";
import { NAME_PLACEHOLDER, type Person } from "../shared/personal-data.js";
import { replaceName } from "../text/name-mention.js";

/** A new entry an officer wrote on the dashboard (validated like content/faq.yaml before it gets here). */
export interface TaughtEntry {
  title: string;
  answer: string;
  links: string[];
}

export interface TaughtItem {
  id: number;
  /** phrasing: `phrasing` is a new way to ask entry `entryId`; entry: a new entry with that id. */
  kind: "phrasing" | "entry";
  entryId: string;
  phrasing: string;
  entry: TaughtEntry | null;
  unansweredId: number | null;
  taughtBy: string;
  taughtAt: string;
  undoneAt: string | null;
  undoneBy: string | null;
}

interface Row {
  id: number;
  kind: "phrasing" | "entry";
  entry_id: string;
  phrasing: string;
  entry: string | null;
  unanswered_id: number | null;
  taught_by: string;
  taught_at: number;
  undone_at: number | null;
  undone_by: string | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function toItem(r: Row): TaughtItem {
  return {
    id: r.id,
    kind: r.kind,
    entryId: r.entry_id,
    phrasing: r.phrasing,
    entry: r.entry ? (JSON.parse(r.entry) as TaughtEntry) : null,
    unansweredId: r.unanswered_id,
    taughtBy: r.taught_by,
    taughtAt: iso(r.taught_at)!,
    undoneAt: iso(r.undone_at),
    undoneBy: r.undone_by,
  };
}

/** What officers taught from the dashboard, with who and when; undo keeps the row (undone_at). */
export class TaughtStore {
  private readonly insertStmt;
  private readonly allStmt;
  private readonly recentStmt;
  private readonly getStmt;
  private readonly undoStmt;
  private readonly perDayStmt;
  private readonly entryIdsStmt;
  private readonly versionStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare(
      `INSERT INTO taught_items (kind, entry_id, phrasing, entry, unanswered_id, quoted_user, taught_by, taught_at)
       VALUES (@kind, @entryId, @phrasing, @entry, @unansweredId, @quotedUser, @taughtBy, @taughtAt)`,
    );
    this.allStmt = db.prepare<[], Row>("SELECT * FROM taught_items ORDER BY id");
    this.recentStmt = db.prepare<[number], Row>("SELECT * FROM taught_items ORDER BY id DESC LIMIT ?");
    this.getStmt = db.prepare<[number], Row>("SELECT * FROM taught_items WHERE id = ?");
    this.undoStmt = db.prepare("UPDATE taught_items SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL");
    this.perDayStmt = db.prepare<[number], { at: number }>("SELECT taught_at AS at FROM taught_items WHERE taught_at >= ?");
    this.entryIdsStmt = db.prepare<[], { entry_id: string }>("SELECT DISTINCT entry_id FROM taught_items WHERE kind = 'entry'");
    // Read per question (teach-service refresh): prepared once.
    this.versionStmt = db.prepare<[], { v: string }>(
      "SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) || ':' || COUNT(undone_at) || ':' || COALESCE(SUM(length(phrasing)), 0) AS v FROM taught_items",
    );
  }

  add(t: {
    kind: "phrasing" | "entry";
    entryId: string;
    phrasing: string;
    entry?: TaughtEntry;
    unansweredId: number | null;
    quotedUser: string | null;
    taughtBy: string;
    at: Date;
  }): TaughtItem {
    const id = Number(
      this.insertStmt.run({
        kind: t.kind,
        entryId: t.entryId,
        phrasing: t.phrasing,
        entry: t.entry ? JSON.stringify(t.entry) : null,
        unansweredId: t.unansweredId,
        quotedUser: t.quotedUser,
        taughtBy: t.taughtBy,
        taughtAt: t.at.getTime(),
      }).lastInsertRowid,
    );
    return this.get(id)!;
  }

  get(id: number): TaughtItem | null {
    const r = this.getStmt.get(id);
    return r ? toItem(r) : null;
  }

  /** Every item, undone ones included, oldest first (the order they are merged into the content). */
  all(): TaughtItem[] {
    return this.allStmt.all().map(toItem);
  }

  recent(limit = 20): TaughtItem[] {
    return this.recentStmt.all(limit).map(toItem);
  }

  /** Changes whenever anything is taught, undone or erased (other threads and processes rebuild on it). */
  version(): string {
    return this.versionStmt.get()!.v;
  }

  /** Ids ever given to taught entries (also undone ones: an id is never reused). */
  entryIds(): Set<string> {
    return new Set(this.entryIdsStmt.all().map((r) => r.entry_id));
  }

  /** False when already undone or unknown. */
  undo(id: number, by: string, at: Date): boolean {
    return this.undoStmt.run(at.getTime(), by, id).changes === 1;
  }

  /** When each item was taught since `since` (ms), for the per-day counts. */
  taughtSince(since: number): Date[] {
    return this.perDayStmt.all(since).map((r) => new Date(r.at));
  }

  /**
   * #xoa / user_withdraw: phrasings quoting the person's words are undone and their text erased; their name in
   * other phrasings is replaced. Returns how many items changed (the FAQ is rebuilt when any did).
   */
  forget(p: Person, at: Date): number {
    this.db
      .prepare(
        "UPDATE taught_items SET undone_at = ?, undone_by = '#xoa' WHERE quoted_user = ? AND undone_at IS NULL AND kind = 'phrasing'",
      )
      .run(at.getTime(), p.id);
    // A new entry keeps its officer-written title and answer; only the quoted question goes.
    let n = this.db
      .prepare(
        "UPDATE taught_items SET phrasing = CASE WHEN kind = 'entry' THEN '' ELSE '(đã xoá)' END, quoted_user = NULL WHERE quoted_user = ?",
      )
      .run(p.id).changes;
    const mentions = this.db.prepare<{ name: string }, { id: number; phrasing: string }>(
      "SELECT id, phrasing FROM taught_items WHERE mentions_name(phrasing, @name)",
    );
    const set = this.db.prepare("UPDATE taught_items SET phrasing = ? WHERE id = ?");
    for (const name of p.names) {
      for (const r of mentions.all({ name })) {
        set.run(replaceName(r.phrasing, name, NAME_PLACEHOLDER), r.id);
        n++;
      }
    }
    return n;
  }
}
