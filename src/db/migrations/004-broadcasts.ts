import type { Migration } from "./index.js";

const m: Migration = {
  name: "broadcasts: requests and per-target ledger (filled by the broadcast work)",
  sql: `SELECT 1;`,
};
export default m;
