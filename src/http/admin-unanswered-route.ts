import express, { type Request, type Response, Router } from "express";
import { z } from "zod";
import { LoopError } from "../errors.js";
import type { LoopServices } from "../loop/build-loop-services.js";
import { teachRequest } from "../loop/teach-service.js";
import { authenticateAdmin, requireAdmin } from "./admin-auth.js";

// Any content type: scripts often post JSON without the header.
const expressJson = express.json({ limit: "64kb", type: () => true });
const id = z.coerce.number().int().positive();
/** Optional name of the officer acting (the dashboard shares one token); defaults to where the call came from. */
const by = z.string().trim().min(1).max(60).optional();
const replyBody = z.strictObject({ text: z.string(), by });
const actorBody = z.strictObject({ by }).optional();

export interface AdminUnansweredDeps {
  adminToken: string | undefined;
  loop: LoopServices;
  now: () => Date;
}

/**
 * The officers' actions on the unanswered queue (contract.md): reply, teach, dismiss; undo what was taught;
 * the conversations a human holds and handing them back; the per-day quality figures.
 */
export function adminUnansweredRouter(d: AdminUnansweredDeps): Router {
  const router = Router();
  const guard = requireAdmin(d.adminToken);
  const actor = (req: Request, named: string | undefined) =>
    named ?? (d.adminToken && authenticateAdmin(req, d.adminToken)?.kind === "session" ? "dashboard" : "api");

  /** Parses, runs, and maps refusals: 400 with the reason, 404, 409. */
  const act =
    <S extends z.ZodType>(schema: S, run: (req: Request, body: z.infer<S>) => unknown) =>
    (req: Request, res: Response) => {
      const parsed = schema.safeParse(req.body);
      if (!parsed.success) {
        res.status(400).json({ error: "invalid_request", message: z.prettifyError(parsed.error) });
        return;
      }
      try {
        res.json(run(req, parsed.data));
      } catch (err) {
        if (!(err instanceof LoopError)) throw err;
        const status = { not_found: 404, invalid: 400, conflict: 409 }[err.kind];
        res.status(status).json({ error: err.kind, message: err.message });
      }
    };
  const param = (req: Request, name: string) => {
    const p = id.safeParse(req.params[name]);
    if (!p.success) throw new LoopError("not_found", `no such ${name}`);
    return p.data;
  };

  router.get("/admin/unanswered/:id", guard, (req, res) => {
    const item = d.loop.queue.get(Number(req.params.id));
    if (!item) {
      res.status(404).json({ error: "not_found", message: "no such question" });
      return;
    }
    res.json({ ...item, replies: d.loop.replies.forItem(item.id) });
  });

  router.post(
    "/admin/unanswered/:id/reply",
    guard,
    expressJson,
    act(replyBody, (req, b) => d.loop.replies.reply(param(req, "id"), b.text, actor(req, b.by), d.now())),
  );

  router.post(
    "/admin/unanswered/:id/teach",
    guard,
    expressJson,
    act(teachRequest, (req, b) => {
      const itemId = param(req, "id");
      const taught = d.loop.teach.teach(itemId, b, actor(req, b.by), d.now());
      return {
        taught,
        entry: { id: taught.entryId, title: taught.entry?.title ?? d.loop.teach.titleOf(taught.entryId) },
        item: d.loop.queue.get(itemId),
      };
    }),
  );

  router.post(
    "/admin/unanswered/:id/dismiss",
    guard,
    expressJson,
    act(actorBody, (req, b) => ({ item: d.loop.queue.dismiss(param(req, "id"), actor(req, b?.by), d.now()) })),
  );

  router.get("/admin/taught", guard, (_req, res) => {
    res.json({ items: d.loop.teach.recent(100) });
  });

  router.post(
    "/admin/taught/:id/undo",
    guard,
    expressJson,
    act(actorBody, (req, b) => ({ taught: d.loop.teach.undo(param(req, "id"), actor(req, b?.by), d.now()) })),
  );

  router.get("/admin/takeovers", guard, (_req, res) => {
    res.json({ items: d.loop.takeover.active(d.now()) });
  });

  router.post(
    "/admin/takeovers/:userId/release",
    guard,
    expressJson,
    act(actorBody, (req) => {
      const userId = String(req.params.userId);
      if (!d.loop.takeover.handBack(userId)) throw new LoopError("not_found", "no conversation held for this user");
      return { userId, released: true };
    }),
  );

  router.get("/admin/quality", guard, (_req, res) => {
    res.json({ days: d.loop.quality(d.now()) });
  });

  return router;
}
