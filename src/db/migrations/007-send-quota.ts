import type { Migration } from "./index.js";

const m: Migration = {
  name: "send quota: what paid for each reply (Zalo's data.quota) and Zalo's quota/window refusals",
  sql: `
    ALTER TABLE outbox ADD COLUMN quota_type TEXT;
    ALTER TABLE outbox ADD COLUMN quota_remain INTEGER;
    ALTER TABLE outbox ADD COLUMN quota_total INTEGER;
    -- Zalo's code when it refused the reply for quota or window reasons (-211, -218, -230, -232).
    ALTER TABLE outbox ADD COLUMN refusal_code INTEGER;
    CREATE INDEX outbox_refused ON outbox(created_at) WHERE refusal_code IS NOT NULL;
  `,
};

export default m;
