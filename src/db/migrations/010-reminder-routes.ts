import type { Migration } from "./index.js";

/** 1:1 interactions that open Zalo's 7-day window for /message/cs (a message, "Nhắn tin", follow, a form). */
const INTERACTION = `(event_name LIKE 'user\\_send\\_%' ESCAPE '\\' OR event_name IN ('follow','user_click_chatnow','user_submit_info'))`;

const m: Migration = {
  name: "reminder routes: a unit without an OA group is reminded through its officers (1:1) or listed to copy; group states",
  sql: `
    -- Which way each reminder went: the unit's OA group, 1:1 to one of the unit's officers, or listed on the
    -- dashboard for an officer to copy. group_id is the target's key: the group id, 'o:<unit>:<officer id>'
    -- for an officer, '-:<unit>' for a unit nothing is sent to.
    ALTER TABLE broadcast_targets ADD COLUMN route TEXT NOT NULL DEFAULT 'group' CHECK (route IN ('group','officer','copy'));
    -- The officer's Zalo user id (route 'officer').
    ALTER TABLE broadcast_targets ADD COLUMN recipient_id TEXT;
    -- Why this route, as the planner decided it: JSON {code, ...}; texts in content/messages.yaml.
    ALTER TABLE broadcast_targets ADD COLUMN route_reason TEXT;
    CREATE INDEX broadcast_targets_recipient ON broadcast_targets(recipient_id) WHERE recipient_id IS NOT NULL;

    -- When each officer last wrote to the OA 1:1: Zalo lets the OA write to them for 7 days after. Kept here
    -- because the inbox is pruned after 3 days; filled by a trigger on the inbox, so no writer has to know.
    ALTER TABLE officers ADD COLUMN last_message_at INTEGER;
    UPDATE officers SET last_message_at = (
      SELECT MAX(received_at) FROM inbox
      WHERE inbox.user_id = officers.zalo_user_id AND conversation_key = 'user:' || officers.zalo_user_id AND ${INTERACTION}
    );
    CREATE TRIGGER inbox_officer_interaction AFTER INSERT ON inbox
      WHEN NEW.user_id IS NOT NULL AND NEW.conversation_key = 'user:' || NEW.user_id
        AND (NEW.event_name LIKE 'user\\_send\\_%' ESCAPE '\\' OR NEW.event_name IN ('follow','user_click_chatnow','user_submit_info'))
    BEGIN
      UPDATE officers SET last_message_at = MAX(COALESCE(last_message_at, 0), NEW.received_at) WHERE zalo_user_id = NEW.user_id;
    END;

    -- What Zalo last said about an OA group that stops it from receiving: disabled (-237, the GMF asset lapsed),
    -- not the OA's (-403), the OA's package has no GMF (-224), full (the asset's member limit reached).
    -- Cleared by the next successful send to the group.
    CREATE TABLE zalo_group_states (
      group_id    TEXT PRIMARY KEY,
      state       TEXT NOT NULL CHECK (state IN ('disabled','not_owned','package','member_limit')),
      code        INTEGER,
      detail      TEXT,
      reported_at INTEGER NOT NULL
    );
  `,
};

export default m;
