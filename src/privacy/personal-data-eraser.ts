import type { Db } from "../db/database.js";
import type { ErasureCounts, ErasureReason, PersonalDataOwner } from "../shared/personal-data.js";

/**
 * Erases a person everywhere in one transaction: names are gathered from every owner first (so mentions by
 * others can be scrubbed after the completion holding the name is gone), then each owner forgets.
 */
export class PersonalDataEraser {
  constructor(
    private readonly db: Db,
    private readonly owners: PersonalDataOwner[],
  ) {}

  erase(userId: string, why: ErasureReason): ErasureCounts {
    return this.db.transaction(() => {
      const names = [...new Set(this.owners.flatMap((o) => o.namesOf?.(userId) ?? []))];
      const person = { id: userId, names };
      const total: ErasureCounts = {};
      for (const owner of this.owners) {
        for (const [kind, n] of Object.entries(owner.forget(person, why))) total[kind] = (total[kind] ?? 0) + n;
      }
      return total;
    })();
  }
}
