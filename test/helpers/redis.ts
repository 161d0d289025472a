/** The Redis tests use: REDIS_URL (set by .ci/run) or the local default. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
