import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkGroups } from "../../src/broadcasts/group-check.js";
import { systemClock } from "../../src/clock.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { silentLogger } from "../../src/observability/logger.js";
import { GroupStateStore } from "../../src/stores/group-state-store.js";
import { groupInfoReader, type GroupInfoReader } from "../../src/zalo/group-info.js";
import { TokenManager } from "../../src/zalo/token-manager.js";
import { TokenStore } from "../../src/zalo/token-store.js";
import { ZaloHttp } from "../../src/zalo/zalo-http.js";
import { startFakeZalo, type FakeZalo } from "../helpers/fake-zalo-server.js";

let dir: string;
let db: Db;
let fake: FakeZalo;
let read: GroupInfoReader;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "group-info-"));
  db = openDatabase(join(dir, "bot.db"));
  fake = await startFakeZalo();
  const tokens = new TokenManager({
    store: new TokenStore(db),
    clock: systemClock,
    logger: silentLogger,
    appId: "app-1",
    appSecret: "secret",
    oauthBaseUrl: fake.url,
    initialAccessToken: "token",
  });
  read = groupInfoReader(new ZaloHttp({ apiBaseUrl: fake.url, tokens, logger: silentLogger }));
});
afterEach(async () => {
  await fake.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the OA groups' state from Zalo's group info", () => {
  it("reads status and size (GET /v3.0/oa/group/getgroup); a disabled group and a full one are kept, a fine one cleared", async () => {
    expect(await read("g-ok")).toEqual({ status: "enabled", totalMember: 3, maxMember: 50, assetType: "gmf50" });
    fake.disableGroup("g-off");
    fake.groupMembers("g-full", 10, 10);
    const states = new GroupStateStore(db);
    states.record("g-ok", "disabled", Date.now()); // renewed since
    expect(await checkGroups({ groupIds: ["g-ok", "g-off", "g-full", "g-ok"], read, states, logger: silentLogger })).toBe(3);
    const all = states.all();
    expect([...all.keys()].sort()).toEqual(["g-full", "g-off"]);
    expect(all.get("g-off")).toMatchObject({ state: "disabled", detail: "3/50 gmf50" });
    expect(all.get("g-full")).toMatchObject({ state: "member_limit", detail: "10/10 gmf10" });
  });
});
