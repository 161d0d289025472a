import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { ConfigError } from "../../src/errors.js";

describe("configuration", () => {
  it("has the contract's defaults and runs dry when no Zalo credentials are set", () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      PORT: 3000,
      DATABASE_PATH: "./data/bot.db",
      REDIS_URL: "redis://127.0.0.1:6379",
      ZALO_API_BASE_URL: "https://openapi.zalo.me",
      ZALO_OAUTH_BASE_URL: "https://oauth.zaloapp.com",
      dryRun: true,
    });
  });

  it("treats empty values (as copied from .env.example) as unset", () => {
    const c = loadConfig({ ZALO_ACCESS_TOKEN: "", ADMIN_TOKEN: "", BOT_NOW: "", PORT: "" });
    expect(c.dryRun).toBe(true);
    expect(c.PORT).toBe(3000);
  });

  it("goes live with tokens", () => {
    expect(loadConfig({ ZALO_ACCESS_TOKEN: "tok" }).dryRun).toBe(false);
  });

  it("lists every bad variable in one error", () => {
    let err: unknown;
    try {
      loadConfig({ PORT: "abc", REDIS_URL: "http://x", BOT_NOW: "yesterday", ADMIN_TOKEN: "short", ZALO_API_BASE_URL: "not a url" });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    const problems = (err as ConfigError).problems.join("\n");
    for (const name of ["PORT", "REDIS_URL", "BOT_NOW", "ADMIN_TOKEN", "ZALO_API_BASE_URL"]) expect(problems).toContain(name);
  });

  it("npm start with a bad value stops with one message listing the problems", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { ...process.env, PORT: "-1", BOT_NOW: "nope", DATABASE_PATH: "/tmp/never-created/bot.db" },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("Invalid configuration");
    expect(r.stderr).toContain("PORT");
    expect(r.stderr).toContain("BOT_NOW");
  });
});
