import type { Db } from "../db/database.js";

/**
 * What stops an OA group (GMF) from receiving, as Zalo reported it (../shared/docs/zalo-platform.md §2, §6):
 * disabled (-237: the group's GMF asset lapsed; Zalo dissolves it later), not_owned (-403: not the OA's group),
 * package (-224: the OA's package has no GMF), member_limit (the asset's 10/50/100 members reached).
 */
export type GroupState = "disabled" | "not_owned" | "package" | "member_limit";

export interface GroupStateRow {
  groupId: string;
  state: GroupState;
  code: number | null;
  detail: string | null;
  reportedAt: number;
}

/** Zalo's error codes that say something about the group itself (phu-luc/ma-loi). */
const STATE_OF_CODE: Record<number, GroupState> = { [-237]: "disabled", [-403]: "not_owned", [-224]: "package" };

/** The group's state a send error code reveals, or null when the code says nothing about the group. */
export function groupStateOfCode(code: number): GroupState | null {
  return STATE_OF_CODE[code] ?? null;
}

/** The last state Zalo reported per group; a successful send clears it. */
export class GroupStateStore {
  private readonly s;

  constructor(db: Db) {
    this.s = {
      record: db.prepare(
        `INSERT INTO zalo_group_states (group_id, state, code, detail, reported_at) VALUES (@groupId, @state, @code, @detail, @at)
         ON CONFLICT(group_id) DO UPDATE SET state = excluded.state, code = excluded.code, detail = excluded.detail,
           reported_at = excluded.reported_at`,
      ),
      clear: db.prepare("DELETE FROM zalo_group_states WHERE group_id = ?"),
      all: db.prepare<[], { group_id: string; state: GroupState; code: number | null; detail: string | null; reported_at: number }>(
        "SELECT * FROM zalo_group_states",
      ),
    };
  }

  record(groupId: string, state: GroupState, at: number, detail: { code?: number; detail?: string } = {}): void {
    this.s.record.run({ groupId, state, code: detail.code ?? null, detail: detail.detail ?? null, at });
  }

  /** The group received a message: whatever was reported no longer holds. */
  clear(groupId: string): void {
    this.s.clear.run(groupId);
  }

  /** Every group with a reported state, by group id. */
  all(): Map<string, GroupStateRow> {
    return new Map(
      this.s.all
        .all()
        .map((r) => [r.group_id, { groupId: r.group_id, state: r.state, code: r.code, detail: r.detail, reportedAt: r.reported_at }]),
    );
  }
}
