/** The Redis tests use: REDIS_URL, which test/global-setup.ts points at a Redis that answers (its own if need be). */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
