import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { systemClock } from "../../src/clock.js";
import { openDatabase, type Db } from "../../src/db/database.js";
import { silentLogger } from "../../src/observability/logger.js";
import { TokenManager } from "../../src/zalo/token-manager.js";
import { TokenStore } from "../../src/zalo/token-store.js";
import { ZaloHttp } from "../../src/zalo/zalo-http.js";
import { startFakeZalo, type FakeZalo } from "./fake-zalo-server.js";

export interface FakeZaloHttp {
  db: Db;
  fake: FakeZalo;
  /** The one way to call Zalo, against the fake, with its tokens in `db`. */
  http: ZaloHttp;
  close(): Promise<void>;
}

/** ZaloHttp against a fake Zalo, tokens stored in a fresh SQLite file: for tests of one API reader or sender. */
export async function fakeZaloHttp(tokens: { access: string; refresh?: string }): Promise<FakeZaloHttp> {
  const dir = mkdtempSync(join(tmpdir(), "zalo-http-"));
  const db = openDatabase(join(dir, "bot.db"));
  const fake = await startFakeZalo();
  const manager = new TokenManager({
    store: new TokenStore(db),
    clock: systemClock,
    logger: silentLogger,
    appId: "app-1",
    appSecret: "secret",
    oauthBaseUrl: fake.url,
    initialAccessToken: tokens.access,
    initialRefreshToken: tokens.refresh,
  });
  return {
    db,
    fake,
    http: new ZaloHttp({ apiBaseUrl: fake.url, tokens: manager, logger: silentLogger }),
    async close() {
      await fake.close();
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
