import { readFileSync } from "node:fs";
import { clockFromEnv, type Clock } from "../clock.js";
import { loadConfig, loadDotEnv, type Config } from "../config.js";
import { loadCampaign } from "../content/campaign.js";
import { openDatabase, type Db } from "../db/database.js";
import { createPeopleServices, type PeopleServices } from "../people/people-services.js";

/** A wrong command line: the dispatcher prints the message and the group's usage, and exits with 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

/** What a command group gets: output streams and lazily opened config, database and clock. */
export interface CliContext {
  out(line: string): void;
  err(line: string): void;
  config(): Config;
  /** The bot's SQLite file (DATABASE_PATH), opened once and migrated. */
  db(): Db;
  /** BOT_NOW or the real clock. */
  clock(): Clock;
}

/** One `npm run cli -- <name> ...` group, in its own file, listed in src/cli/index.ts. */
export interface CliGroup {
  name: string;
  summary: string;
  /** Lines of usage, each a full command after `npm run cli --`. */
  usage: string[];
  /** Returns the process exit code (0 ok, 1 failed); throws UsageError for a bad command line. */
  run(args: string[], ctx: CliContext): number | Promise<number>;
}

export function createCliContext(io: { out(line: string): void; err(line: string): void }): CliContext & { close(): void } {
  let config: Config | undefined;
  let db: Db | undefined;
  const getConfig = () => {
    if (!config) {
      loadDotEnv();
      config = loadConfig();
    }
    return config;
  };
  return {
    ...io,
    config: getConfig,
    db: () => (db ??= openDatabase(getConfig().DATABASE_PATH)),
    clock: () => clockFromEnv(getConfig().BOT_NOW),
    close: () => db?.close(),
  };
}

/** Pads columns for a plain-text table. */
export function table(rows: string[][]): string[] {
  const widths: number[] = [];
  for (const r of rows) for (const [i, c] of r.entries()) widths[i] = Math.max(widths[i] ?? 0, [...c].length);
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + " ".repeat(widths[i]! - [...c].length))).join("  "));
}

/** A group's `run` that picks a command by its first word: `units import …`, `units list …`. */
export function subcommands(
  group: string,
  commands: Record<string, (args: string[], ctx: CliContext) => number | Promise<number>>,
): CliGroup["run"] {
  return (args, ctx) => {
    const [cmd, ...rest] = args;
    const command = cmd !== undefined && Object.hasOwn(commands, cmd) ? commands[cmd] : undefined;
    if (command) return command(rest, ctx);
    throw new UsageError(cmd ? `Unknown ${group} command "${cmd}".` : `Missing ${group} command.`);
  };
}

/** The people services on the CLI's database, with the campaign window from content. */
export function cliPeople(ctx: CliContext): PeopleServices {
  return createPeopleServices(ctx.db(), loadCampaign(ctx.config().CONTENT_DIR).window);
}

/** Reads the one file a command takes; null (after saying why on stderr) when it cannot be read. */
export function readInputFile(ctx: CliContext, file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch (err) {
    ctx.err(`Cannot read ${file}: ${(err as Error).message}`);
    return null;
  }
}
