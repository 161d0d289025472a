import type { Services } from "../../bot/services.js";
import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";
import type { DashboardData } from "./dashboard-data.js";

export interface DashboardDataDeps {
  db: Db;
  services: Services;
  clock: Clock;
}

/** Reads each part of the dashboard from the feature that owns it. */
export function buildDashboardData(d: DashboardDataDeps): DashboardData {
  return {
    progress: () => d.services.people.progress.report(d.clock.now()),
    completionsByDay: () => d.services.people.completions.perDay(),
    broadcasts: () => [],
    unanswered: (limit) =>
      d.services.unanswered
        .list(limit)
        .map((q) => ({ text: q.text, count: q.count, lastSeenAt: q.lastSeenAt, inGroup: q.conversationKind === "group" })),
  };
}
