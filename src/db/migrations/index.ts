import core from "./001-core.js";
import faq from "./002-faq.js";
import people from "./003-people.js";
import broadcasts from "./004-broadcasts.js";
import admin from "./005-admin.js";
import personalData from "./006-personal-data.js";
import sendQuota from "./007-send-quota.js";
import type { Db } from "../database.js";
import loop from "./008-loop.js";
import officialResults from "./009-official-results.js";
import reminderRoutes from "./010-reminder-routes.js";

export interface Migration {
  name: string;
  sql: string;
  /** Data changes SQL cannot express, run after `sql` in the same transaction. */
  after?: (db: Db) => void;
}

/**
 * Ordered schema changes; PRAGMA user_version counts how many are applied.
 * Append only: never edit one that has shipped, add a new file instead.
 */
export const migrations: Migration[] = [
  core,
  faq,
  people,
  broadcasts,
  admin,
  personalData,
  sendQuota,
  loop,
  officialResults,
  reminderRoutes,
];
