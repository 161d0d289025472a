import type { Services } from "../../bot/services.js";
import type { Clock } from "../../clock.js";
import type { Db } from "../../db/database.js";
import type { Alarms } from "../../observability/alarms.js";
import { OutboxStore } from "../../inbox/outbox-store.js";
import { matchNames } from "../../people/person-matching.js";
import type { DashboardData } from "./dashboard-data.js";
import { sendRefusalAlert } from "./send-refusal-alert.js";
import { GroupStateStore } from "../../stores/group-state-store.js";

export interface DashboardDataDeps {
  db: Db;
  services: Services;
  clock: Clock;
  alarms?: Alarms;
}

/** Reads each part of the dashboard from the feature that owns it. */
export function buildDashboardData(d: DashboardDataDeps): DashboardData {
  const outbox = new OutboxStore(d.db);
  const groupStates = new GroupStateStore(d.db);
  const requester = (by: string): string => {
    if (by === "admin") return "bảng điều khiển";
    if (by === "cli") return "dòng lệnh";
    if (by === "daily") return "tự động hằng ngày";
    const id = by.startsWith("zalo:") ? by.slice(5) : null;
    const name = id ? d.services.people.officers.rightsOf(id)?.name : null;
    return name ? `cán bộ ${name} qua Zalo` : "cán bộ qua Zalo";
  };
  const { people } = d.services;
  return {
    matching: () => {
      const out = new Map<string, ReturnType<typeof matchNames>>();
      for (const [code, keys] of people.official.nameKeysByUnit()) {
        out.set(
          code,
          matchNames(
            keys.map((nameKey) => ({ nameKey })),
            people.completions.byUnit(code),
            0,
          ),
        );
      }
      return out;
    },
    progress: () => d.services.people.progress.report(d.clock.now()),
    completionsByDay: () => d.services.people.completions.perDay(),
    broadcasts: (limit) =>
      d.services.broadcasts.list(limit).map((b) => ({
        id: b.id,
        status: b.status,
        createdAt: b.createdAt,
        scope: b.scope,
        total: b.total,
        sent: b.sent,
        failed: b.failed,
        skipped: b.leftOut, // the units to copy are counted apart
        requestedBy: requester(b.requestedBy),
        groups: b.targets.filter((t) => t.groupId !== null && t.status !== "skipped").length,
        withoutGroup: b.targets.filter((t) => t.groupId === null).length,
        failures: b.targets.filter((t) => t.status === "failed").map((t) => ({ unit: t.unitName, groupId: t.groupId, error: t.error })),
        sentGroups: b.sentGroups,
        sentOfficers: b.sentOfficers,
        copy: b.copy,
        copies: b.targets.filter((t) => t.text !== null).map((t) => ({ unit: t.unitName, reason: t.reason, text: t.text! })),
        officerRoutes: b.targets
          .filter((t) => t.route === "officer")
          .map((t) => ({ unit: t.unitName, route: t.routeLabel, status: t.status, reason: t.reason })),
      })),
    groupStates: () => {
      const states = groupStates.all();
      const out = new Map<string, string>();
      for (const u of people.units.all()) {
        const s = u.zaloGroupId ? states.get(u.zaloGroupId) : undefined;
        if (s) out.set(u.code, d.services.broadcasts.groupStateText(s.state));
      }
      return out;
    },
    alerts: () => {
      const refusals = sendRefusalAlert(outbox, Date.now());
      return [...(d.alarms?.list() ?? []).map((a) => ({ message: a.message })), ...(refusals ? [refusals] : [])];
    },
    unanswered: (limit, state) => d.services.loop.queue.list(limit, state),
    takeovers: () => d.services.loop.takeover.active(d.clock.now()),
    quality: () => d.services.loop.quality(d.clock.now()),
    taught: (limit) => d.services.loop.teach.recent(limit),
  };
}
