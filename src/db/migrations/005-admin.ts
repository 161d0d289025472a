import type { Migration } from "./index.js";

const m: Migration = {
  name: "admin: dashboard sign-in sessions",
  sql: `
    CREATE TABLE admin_sessions (
      -- sha256 of the cookie value: the session id itself never touches disk
      id_hash           TEXT PRIMARY KEY,
      csrf_token        TEXT NOT NULL,
      -- sha256 of ADMIN_TOKEN at sign-in: changing the token signs everyone out
      token_fingerprint TEXT NOT NULL,
      created_at        INTEGER NOT NULL,
      expires_at        INTEGER NOT NULL
    );
    CREATE INDEX admin_sessions_expiry ON admin_sessions(expires_at);
  `,
};
export default m;
