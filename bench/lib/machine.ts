import { readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

/** One line naming the conditions a figure was measured in (the 2 cores are shared with other work). */
export function machineLine(): string {
  const c = cpus();
  const [l1, l5] = loadavg();
  return `machine: ${c.length} cores (${c[0]?.model.trim() ?? "?"}), Node ${process.versions.node}, load avg ${l1!.toFixed(2)}/${l5!.toFixed(2)} (1/5 min) at ${new Date().toISOString()}`;
}

/** CPU time (user + system) of a process in seconds, from /proc/<pid>/stat; NaN when it is gone. */
export function cpuSeconds(pid: number): number {
  try {
    // Fields after "(comm) ": state is [0], utime [11], stime [12], in clock ticks (100 a second on Linux).
    const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}
