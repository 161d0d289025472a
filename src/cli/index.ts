import { ConfigError, ContentError } from "../errors.js";
import { contentCli } from "./content-cli.js";
import { createCliContext, UsageError, type CliGroup } from "./cli-kit.js";
import { officersCli } from "./officers-cli.js";
import { remindCli } from "./remind-cli.js";
import { reportCli } from "./report-cli.js";
import { resultsCli } from "./results-cli.js";
import { unitsCli } from "./units-cli.js";

/** Command groups of `npm run cli -- <group> <command> ...`; add a group with one import and one entry. */
const groups: CliGroup[] = [unitsCli, officersCli, reportCli, remindCli, contentCli, resultsCli];

function usage(list: CliGroup[] = groups): string {
  const lines = ["Usage:"];
  for (const g of list) lines.push(...g.usage.map((u) => `  npm run cli -- ${u}`));
  if (list === groups) {
    lines.push("", "Groups:");
    for (const g of groups) lines.push(`  ${g.name.padEnd(10)} ${g.summary}`);
  }
  return lines.join("\n");
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "help" || name === "--help" || name === "-h") {
    (name ? process.stdout : process.stderr).write(`${usage()}\n`);
    return name ? 0 : 2;
  }
  const group = groups.find((g) => g.name === name);
  if (!group) {
    process.stderr.write(`Unknown command group "${name}".\n${usage()}\n`);
    return 2;
  }
  const ctx = createCliContext({
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
  try {
    return await group.run(rest, ctx);
  } catch (err) {
    const parseArgsError = String((err as { code?: unknown }).code ?? "").startsWith("ERR_PARSE_ARGS");
    if (err instanceof UsageError || parseArgsError) {
      process.stderr.write(`${(err as Error).message}\n${usage([group])}\n`);
      return 2;
    }
    if (err instanceof ConfigError || err instanceof ContentError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    ctx.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`Error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
