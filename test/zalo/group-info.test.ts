import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkGroups } from "../../src/broadcasts/group-check.js";
import { silentLogger } from "../../src/observability/logger.js";
import { GroupStateStore } from "../../src/stores/group-state-store.js";
import { groupInfoReader, type GroupInfoReader } from "../../src/zalo/group-info.js";
import { type FakeZaloHttp, fakeZaloHttp } from "../helpers/fake-zalo-http.js";

let z: FakeZaloHttp;
let read: GroupInfoReader;

beforeEach(async () => {
  z = await fakeZaloHttp({ access: "token" });
  read = groupInfoReader(z.http);
});
afterEach(() => z.close());

describe("the OA groups' state from Zalo's group info", () => {
  it("reads status and size (GET /v3.0/oa/group/getgroup); a disabled group and a full one are kept, a fine one cleared", async () => {
    expect(await read("g-ok")).toEqual({ status: "enabled", totalMember: 3, maxMember: 50, assetType: "gmf50" });
    z.fake.disableGroup("g-off");
    z.fake.groupMembers("g-full", 10, 10);
    const states = new GroupStateStore(z.db);
    states.record("g-ok", "disabled", Date.now()); // renewed since
    expect(await checkGroups({ groupIds: ["g-ok", "g-off", "g-full", "g-ok"], read, states, logger: silentLogger })).toBe(3);
    const all = states.all();
    expect([...all.keys()].sort()).toEqual(["g-full", "g-off"]);
    expect(all.get("g-off")).toMatchObject({ state: "disabled", detail: "3/50 gmf50" });
    expect(all.get("g-full")).toMatchObject({ state: "member_limit", detail: "10/10 gmf10" });
  });
});
