import type { Migration } from "./index.js";

const m: Migration = {
  name: "faq: unanswered questions (filled by the FAQ work)",
  sql: `SELECT 1;`,
};
export default m;
