import { spawn } from "node:child_process";

/**
 * npm run bench:faults: every fault scenario in turn, each in its own process (fault:kill, fault:redis,
 * fault:slow-zalo, fault:token). Prints each scenario's output and, at the end, their RESULT lines; the exit
 * code is 0 only when every scenario passed.
 */
const scenarios = ["fault-kill", "fault-redis", "fault-slow-zalo", "fault-token"];
const results: string[] = [];
let failed = 0;
for (const name of scenarios) {
  console.log(`\n=== ${name} ===`);
  const t0 = Date.now();
  const { code, result } = await new Promise<{ code: number | null; result: string }>((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", `bench/${name}.ts`], { stdio: ["ignore", "pipe", "inherit"] });
    let result = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      process.stdout.write(s);
      for (const line of s.split("\n")) if (line.startsWith("RESULT ")) result = line;
    });
    child.once("exit", (c) => resolve({ code: c, result }));
  });
  if (code !== 0) failed++;
  results.push(
    `${result || `RESULT fault=${name.replace("fault-", "")} verdict=FAIL (no result line)`}  [${((Date.now() - t0) / 1000).toFixed(0)} s, exit ${code}]`,
  );
}
console.log("\n=== summary ===");
for (const r of results) console.log(r);
console.log(`RESULT faults=${scenarios.length} failed=${failed} verdict=${failed === 0 ? "PASS" : "FAIL"}`);
process.exit(failed === 0 ? 0 : 1);
