import { parseArgs } from "node:util";
import { OfficersStore, UnknownUnitError, type OfficerRights } from "../people/officers-store.js";
import { normalisePersonName } from "../people/person-name.js";
import { normaliseCode } from "../people/units-store.js";
import { subcommands, table, UsageError, type CliContext, type CliGroup } from "./cli-kit.js";

// Zalo user ids are digits (sender.id in the webhook, e.g. 2512523625412515): a name or a code is a mistake.
const USER_ID = /^[0-9]{1,32}$/;

function userIdArg(positionals: string[], cmd: string): string {
  if (positionals.length !== 1) throw new UsageError(`officers ${cmd} needs exactly one Zalo user id.`);
  const id = positionals[0]!.trim();
  if (!USER_ID.test(id))
    throw new UsageError(`"${id}" is not a Zalo user id: it is all digits, the sender.id of the officer's messages to the OA.`);
  return id;
}

const describe = (r: OfficerRights) => (r.all ? "all units" : r.units.join(",") || "(no units)");

function add(args: string[], ctx: CliContext): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { all: { type: "boolean" }, units: { type: "string" }, name: { type: "string" } },
  });
  const id = userIdArg(positionals, "add");
  if (Boolean(values.all) === Boolean(values.units)) throw new UsageError("Give either --all or --units CODE,CODE.");
  const units = (values.units ?? "").split(",").map(normaliseCode).filter(Boolean);
  if (!values.all && units.length === 0) throw new UsageError("--units needs at least one unit code.");
  const store = new OfficersStore(ctx.db());
  try {
    const rights = store.grant(
      id,
      values.all ? { all: true } : { units },
      new Date(),
      values.name ? normalisePersonName(values.name) || undefined : undefined,
    );
    ctx.out(`Officer ${id}${rights.name ? ` (${rights.name})` : ""} now has rights over: ${describe(rights)}.`);
    return 0;
  } catch (err) {
    if (err instanceof UnknownUnitError) {
      ctx.err(`Nothing granted: ${err.message}. See: npm run cli -- units list`);
      return 1;
    }
    throw err;
  }
}

function remove(args: string[], ctx: CliContext): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  const id = userIdArg(positionals, "remove");
  if (!new OfficersStore(ctx.db()).remove(id)) {
    ctx.err(`${id} is not an officer.`);
    return 1;
  }
  ctx.out(`Officer ${id} removed.`);
  return 0;
}

function list(args: string[], ctx: CliContext): number {
  parseArgs({ args, options: {} });
  const officers = new OfficersStore(ctx.db()).list();
  if (officers.length === 0) {
    ctx.out("No officers. Add one with: npm run cli -- officers add <zalo_user_id> --all");
    return 0;
  }
  const rows = [["zalo_user_id", "name", "units"], ...officers.map((o) => [o.zaloUserId, o.name ?? "-", describe(o)])];
  for (const line of table(rows)) ctx.out(line);
  return 0;
}

export const officersCli: CliGroup = {
  name: "officers",
  summary: "grant, list and remove officer rights (#baocao, #lienket, #nhacnho)",
  usage: ['officers add <zalo_user_id> (--all | --units CODE,CODE) [--name "Họ tên"]', "officers list", "officers remove <zalo_user_id>"],
  run: subcommands("officers", { add, list, remove }),
};
