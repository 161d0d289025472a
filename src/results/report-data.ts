import type { PeopleServices } from "../people/people-services.js";
import { nameKey } from "../people/person-name.js";
import { COMPLETED_RULE } from "../people/progress-service.js";
import type { ChatName, WorkbookInput } from "./progress-workbook.js";

/** What the progress workbook shows at `now`: progress, and per unit the names reported in chat. */
export function workbookInput(people: PeopleServices, now: Date, ward?: string): WorkbookInput {
  const report = people.progress.report(now);
  if (ward) {
    report.units = report.units.filter((u) => u.ward === ward);
    report.wards = report.wards.filter((w) => w.ward === ward);
  }
  const figures = people.official.figures();
  const chatNames: ChatName[] = [];
  for (const u of report.units) {
    const withList = figures.get(u.code)?.shape === "person";
    for (const c of people.completions.byUnit(u.code)) {
      chatNames.push({
        unitCode: u.code,
        fullName: c.fullName,
        reportedAt: c.firstAt,
        listed: withList ? people.official.listed(u.code, nameKey(c.fullName)) : null,
      });
    }
  }
  return { report, chatNames, rule: COMPLETED_RULE };
}
