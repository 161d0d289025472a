import type { Migration } from "./index.js";

const m: Migration = {
  name: "people: units, officers, completions (filled by the completions work)",
  sql: `SELECT 1;`,
};
export default m;
