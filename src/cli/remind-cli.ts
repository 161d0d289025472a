import { parseArgs } from "node:util";
import { BroadcastQueue, BroadcastUnavailableError } from "../broadcasts/broadcast-queue.js";
import type { BroadcastScope } from "../broadcasts/broadcast-planner.js";
import { BroadcastMessageError } from "../broadcasts/broadcast-service.js";
import { buildBroadcastService } from "../broadcasts/build-broadcast-services.js";
import { loadCampaign } from "../content/campaign.js";
import { silentLogger } from "../observability/logger.js";
import { ProgressService } from "../people/progress-service.js";
import { createRedis } from "../redis/redis-connection.js";
import { UsageError, type CliGroup } from "./cli-kit.js";

/**
 * `remind`: queue reminders to the groups of units behind pace (or all, or some), or preview them with
 * --dry-run (no Redis needed). The running bot's worker sends them; `status <id>` shows how it went.
 */
export const remindCli: CliGroup = {
  name: "remind",
  summary: "queue reminder broadcasts to unit groups (behind pace by default), or --dry-run",
  usage: ["remind [--all | --units CODE,CODE] [--message TEXT] [--force] [--dry-run]", "remind status <broadcast id>"],
  async run(args, ctx) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        all: { type: "boolean" },
        units: { type: "string" },
        message: { type: "string" },
        force: { type: "boolean" },
        "dry-run": { type: "boolean" },
      },
    });
    const config = ctx.config();
    const db = ctx.db();
    const campaign = loadCampaign(config.CONTENT_DIR);
    const progress = new ProgressService(db, campaign.window);
    const needsRedis = positionals[0] !== "status" && !values["dry-run"];
    const redis = needsRedis ? createRedis(config.REDIS_URL, silentLogger) : null;
    const queue = redis ? new BroadcastQueue(redis, config.BULLMQ_PREFIX) : null;
    const service = buildBroadcastService({ config, db, clock: ctx.clock(), logger: silentLogger, campaign, queue, progress });
    try {
      if (positionals[0] === "status") {
        const id = positionals[1];
        if (!id) throw new UsageError("remind status needs a broadcast id");
        const r = service.report(id);
        if (!r) {
          ctx.err(`No broadcast ${id}.`);
          return 1;
        }
        ctx.out(
          `${r.id}: ${r.status} — sent ${r.sent} (${r.sentGroups} to groups, ${r.sentOfficers} to officers), failed ${r.failed}, to copy ${r.copy}, skipped ${r.skipped} of ${r.total}`,
        );
        // Per unit: which way it went (group, officer, copy) and why.
        for (const t of r.targets) {
          const why = t.status === "skipped" && t.route !== "copy" ? t.error : t.reason;
          ctx.out(
            `  ${t.unit} (${t.unitName}): ${t.route} ${t.status}${t.error && t.status === "failed" ? ` ${t.error}` : ""} — ${why ?? ""}`,
          );
        }
        return 0;
      }
      if (positionals.length) throw new UsageError(`unexpected argument "${positionals[0]}"`);
      if (values.all && values.units) throw new UsageError("use --all or --units, not both");
      const scope: BroadcastScope = values.all
        ? "all"
        : values.units
          ? {
              units: values.units
                .split(",")
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : "behind";
      const req = { scope, message: values.message, force: values.force, requestedBy: "cli" };
      if (values["dry-run"]) {
        const p = service.preview(req);
        ctx.out(`Dry run: ${p.targets} reminder(s) would be sent, ${p.copies.length} unit(s) left to copy; nothing sent.`);
        ctx.out(p.expected.text);
        for (const m of p.messages) {
          const to = m.route === "group" ? `group ${m.groupId}` : `officer ${m.officer}`;
          ctx.out(`\n--- ${m.unit} → ${to} (${m.reason})\n${m.text}`);
        }
        for (const c of p.copies) ctx.out(`\n--- ${c.unit} → copy by hand (${c.reason})\n${c.text}`);
        for (const s of p.skipped) ctx.out(`skipped ${s.unit}: ${s.reason}`);
        return 0;
      }
      // Give the connection a moment: a CLI starts cold.
      for (let i = 0; i < 40 && redis?.status !== "ready"; i++) await new Promise((r) => setTimeout(r, 50));
      const r = await service.request(req);
      ctx.out(
        `Queued broadcast ${r.id}: ${r.targets} reminder(s). The running bot sends them; check with: npm run cli -- remind status ${r.id}`,
      );
      ctx.out(r.expected.text);
      for (const c of r.copies) ctx.out(`to copy by hand ${c.unit}: ${c.reason}`);
      for (const s of r.skipped) ctx.out(`skipped ${s.unit}: ${s.reason}`);
      return 0;
    } catch (err) {
      if (err instanceof BroadcastMessageError) {
        ctx.err(err.message);
        return 1;
      }
      if (err instanceof BroadcastUnavailableError) {
        ctx.err(`Cannot queue reminders now: ${err.message}. Nothing was queued; try again when Redis is back.`);
        return 1;
      }
      throw err;
    } finally {
      await queue?.close();
      redis?.disconnect();
    }
  },
};
