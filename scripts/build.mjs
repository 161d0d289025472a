import { spawnSync } from "node:child_process";
import { cpSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

/**
 * npm run build: tsc -p tsconfig.build.json → dist/ (incremental), the dashboard's assets copied, and a stamp
 * (dist/.build-stamp) dated when the build started.
 * npm start / npm run worker (prestart, preworker) call it with --if-stale: it builds only when a source or
 * setting is newer than the stamp (or there is none: a fresh clone), so a start with an up-to-date dist/
 * costs a few milliseconds instead of a compile.
 */
const STAMP = "dist/.build-stamp";
const INPUTS = ["src", "handlers", "tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"];

/** Newest modification time under `path` (directories count too: an added or removed file changes theirs). */
function newest(path) {
  let st;
  try {
    st = statSync(path);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let m = st.mtimeMs;
  for (const e of readdirSync(path)) m = Math.max(m, newest(join(path, e)));
  return m;
}

function stampTime() {
  try {
    return statSync(STAMP).mtimeMs;
  } catch {
    return -1;
  }
}

if (process.argv.includes("--if-stale") && Math.max(...INPUTS.map(newest)) < stampTime()) process.exit(0);

const started = new Date();
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
if (r.status !== 0) process.exit(r.status ?? 1);
cpSync("src/http/admin/assets", "dist/src/http/admin/assets", { recursive: true });
writeFileSync(STAMP, `${started.toISOString()}\n`);
utimesSync(STAMP, started, started);
