/**
 * Every SQLite table, classified for personal-data erasure (#xoa, user_withdraw). One line per table.
 * test/privacy/personal-data-registry.test.ts walks sqlite_master and fails for a table missing here; for a
 * personal table it checks, after a scenario that puts a person everywhere and their erasure, that `holds`
 * (a WHERE clause; @id = their Zalo user id, @name = their name; mentions_name() is registered on every
 * connection) matches no row. Adding a table: add its line, and if it is personal, make its store a
 * PersonalDataOwner listed in src/bot/build-services.ts and add a step to the test's scenario.
 */
export type TableRule = { personal: true; holds: string; erasedBy: string; keptOnRequest?: string } | { personal: false; reason: string };

const personal = (erasedBy: string, holds: string, keptOnRequest?: string): TableRule => ({
  personal: true,
  holds,
  erasedBy,
  keptOnRequest,
});
const notPersonal = (reason: string): TableRule => ({ personal: false, reason });

export const TABLES: Record<string, TableRule> = {
  inbox: personal(
    "inbox/transcript-store.ts: own events deleted, names in others' scrubbed",
    "user_id = @id OR mentions_name(json_extract(body, '$.message.text'), @name)",
  ),
  outbox: personal(
    "inbox/transcript-store.ts: replies to them deleted, group replies replaced, names scrubbed",
    "(recipient_kind = 'user' AND recipient_id = @id) OR mentions_name(text, @name)",
  ),
  dialog_sessions: personal(
    "stores/dialog-session-store.ts: every step of the sender",
    "substr(session_key, -length(@id) - 1) = ':' || @id",
  ),
  unanswered_questions: personal(
    "stores/unanswered-store.ts: counts recomputed without them, names scrubbed",
    "mentions_name(sample, @name) OR mentions_name(key, @name)",
  ),
  unanswered_asks: personal(
    "stores/unanswered-store.ts: their asks deleted, names in others' scrubbed",
    "user_id = @id OR mentions_name(text, @name)",
  ),
  taught_items: personal(
    "loop/teach-service.ts: phrasings in their words undone and erased (the FAQ rebuilt), their name in others' replaced",
    "quoted_user = @id OR mentions_name(phrasing, @name)",
  ),
  unanswered_reply_targets: personal(
    "stores/unanswered-reply-store.ts: no longer listed as a recipient of an officer's reply",
    "kind = 'user' AND recipient_id = @id",
  ),
  human_takeovers: personal("stores/takeover-store.ts: the hold on their chat released", "user_id = @id"),
  unanswered_replies: notPersonal("officers' reply texts to a question; who received them is in unanswered_reply_targets"),
  faq_outcomes_daily: notPersonal("per-day counts of answered, suggested and fallen-back questions"),
  unanswered_digests: notPersonal("days the officers' digest went out, with a count"),
  completions: personal("people/people-services.ts: the completion record", "zalo_user_id = @id"),
  officers: personal(
    "people/people-services.ts: officer rights on user_withdraw",
    "zalo_user_id = @id",
    "granted by the ward, not given by the person; the #xoa reply says so",
  ),
  officer_units: personal("people/people-services.ts: cascades from officers", "zalo_user_id = @id", "as officers"),
  broadcasts: personal(
    "broadcasts/broadcast-store.ts: requester and summary recipient anonymised",
    "requested_by = 'zalo:' || @id OR notify = 'user:' || @id",
  ),
  official_people: personal(
    "people/people-services.ts: their name on their unit's official list masked (row and count kept: the ward's record)",
    "mentions_name(full_name, @name)",
  ),
  official_results: notPersonal("official counts per unit, imported by officers"),
  result_imports: notPersonal("when an official-results file was imported: shape, file name, row count"),
  broadcast_targets: personal(
    "broadcasts/broadcast-store.ts: a reminder sent 1:1 to an officer keeps its row without their id",
    "recipient_id = @id OR group_id LIKE 'o:%:' || @id",
  ),
  zalo_group_states: notPersonal("what Zalo reported about the OA's groups (-237 disabled, -403, -224): group ids and codes"),
  units: notPersonal("units of the ward (agencies, tổ dân phố) and their OA group ids"),
  people_version: notPersonal("a change counter"),
  zalo_tokens: notPersonal("the OA's own API tokens"),
  admin_sessions: notPersonal("dashboard sessions: hashed ids, no Zalo user"),
};
