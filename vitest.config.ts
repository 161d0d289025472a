import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // REDIS_URL if a Redis answers there, else a redis-server of our own for the run.
    globalSetup: ["test/global-setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Files share the machine's 2 cores and one Redis; a few at a time keeps timings honest.
    maxWorkers: 2,
  },
});
