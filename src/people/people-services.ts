import type { Db } from "../db/database.js";
import type { ErasureReason, Person } from "../shared/personal-data.js";
import { CompletionsStore } from "./completions-store.js";
import { OfficialResultsStore } from "./official-results-store.js";
import { OfficersStore } from "./officers-store.js";
import { nameKey } from "./person-name.js";
import { ProgressService } from "./progress-service.js";
import type { CampaignWindow } from "../shared/campaign-window.js";
import { UnitResolver } from "./unit-resolver.js";
import { UnitsStore } from "./units-store.js";

/**
 * Units, officers, completion reports and progress, as handlers, the CLI, broadcasts and the dashboard use them:
 * - `units.byGroupId(groupId)`, `units.byCode(code)`, `resolver.resolve(text)`
 * - `officers.isOfficer(id)`, `officers.canManage(id, code)`, `officers.rightsOf(id)`
 * - `progress.report(now)` (contract.md GET /admin/progress; each unit says whether it is behind pace)
 * - `completions.perDay()` for the dashboard's chart
 * - `official`: official results imported by officers (progress counts them, see COMPLETED_RULE)
 * Nothing here caches units or officers without a freshness check: the CLI writes to the same file.
 */
export interface PeopleServices {
  units: UnitsStore;
  resolver: UnitResolver;
  officers: OfficersStore;
  completions: CompletionsStore;
  official: OfficialResultsStore;
  progress: ProgressService;
  /** The name on the person's completion and officer record, read before erasure. */
  namesOf(userId: string): string[];
  /**
   * Deletes the completion and masks the same name on the official list of that unit (the only link the bot has
   * between a Zalo account and a list row); officer rights (granted by the ward) only on user_withdraw.
   */
  forget(person: Person, why: ErasureReason): { completion: number; officer: number; official: number };
}

export function createPeopleServices(db: Db, window: CampaignWindow): PeopleServices {
  const units = new UnitsStore(db);
  const officers = new OfficersStore(db);
  const completions = new CompletionsStore(db);
  const official = new OfficialResultsStore(db);
  return {
    units,
    resolver: new UnitResolver(units),
    officers,
    completions,
    official,
    progress: new ProgressService(db, window),
    namesOf: (userId) => [completions.get(userId)?.fullName, officers.rightsOf(userId)?.name].filter((n): n is string => !!n),
    forget: (p, why) => {
      const c = completions.get(p.id);
      return {
        official: c ? official.forgetName(c.unitCode, nameKey(c.fullName)) : 0,
        completion: completions.delete(p.id) ? 1 : 0,
        officer: why === "withdraw" && officers.remove(p.id) ? 1 : 0,
      };
    },
  };
}
