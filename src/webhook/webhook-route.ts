import { createHash } from "node:crypto";
import express, { type Request, type Response, Router } from "express";
import { z } from "zod";
import { routeOf } from "../bot/bot.js";
import { conversationKey } from "../bot/conversation.js";
import type { InboxStore } from "../inbox/inbox-store.js";
import type { Logger } from "../observability/logger.js";
import { metrics } from "../observability/metrics.js";
import { verifySignature } from "./webhook-signature.js";
import { classifyEventName, parseEvent } from "./zalo-events.js";

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_JSON_DEPTH = 32;

export interface WebhookOptions {
  inbox: InboxStore;
  logger: Logger;
  appId: string | undefined;
  oaSecretKey: string | undefined;
  /** Called after the 200 went out for a newly stored event that needs handling. */
  onAccepted: (inboxId: number, conversationKey: string) => void;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function reject(res: Response, status: number, error: string, message: string): void {
  res.status(status).json({ error, message });
}

function bodyTimestamp(v: unknown): string | null {
  if (typeof v === "string" && v !== "") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return null;
}

/**
 * POST /webhooks/zalo, the edge: size → UTF-8 → JSON → probe → signature → schema → durable inbox → 200.
 * Nothing is stored for a refused body; an accepted event is in SQLite before Zalo gets its 200.
 */
export function webhookRouter(o: WebhookOptions): Router {
  const router = Router();
  router.post("/webhooks/zalo", express.raw({ type: () => true, limit: MAX_BODY_BYTES }), (req: Request, res: Response) => {
    const end = metrics.webhookAckSeconds.startTimer();
    res.on("finish", () => end({ status: String(res.statusCode) }));
    handle(req, res, o);
  });
  return router;
}

function handle(req: Request, res: Response, o: WebhookOptions): void {
  const raw: Buffer = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    return void reject(res, 400, "invalid_utf8", "body is not valid UTF-8");
  }
  // Zalo events nest a handful of levels. Far deeper JSON is no event, and SQLite's JSON functions (used on
  // stored bodies, e.g. when a user withdraws) call anything past 1,000 levels malformed and throw.
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) return void reject(res, 400, "too_deep", `JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return void reject(res, 400, "invalid_json", "body is not JSON");
  }
  const signature = req.get("x-zevent-signature");
  const isObject = json !== null && typeof json === "object" && !Array.isArray(json);
  // Zalo probes a newly saved webhook URL with an unsigned `{}`: answer 200, do nothing.
  if (!signature && isObject && Object.keys(json as object).length === 0) {
    res.status(200).json({ ok: true });
    return;
  }
  if (!o.oaSecretKey) return void reject(res, 401, "unsigned", "webhook verification is not configured (ZALO_OA_SECRET_KEY)");
  if (!signature) return void reject(res, 401, "missing_signature", "X-ZEvent-Signature header is required");
  if (!isObject) return void reject(res, 400, "not_an_event", "body is not an event object");
  const body = json as Record<string, unknown>;
  const appId = typeof body.app_id === "string" ? body.app_id : null;
  const ts = bodyTimestamp(body.timestamp);
  if (!appId || !ts) return void reject(res, 400, "not_an_event", "event needs app_id and timestamp");
  const headerTs = req.get("x-zevent-timestamp");
  const valid =
    verifySignature(signature, appId, raw, ts, o.oaSecretKey) ||
    (headerTs !== undefined && headerTs !== ts && verifySignature(signature, appId, raw, headerTs, o.oaSecretKey));
  if (!valid) {
    o.logger.warn({ event: body.event_name }, "webhook signature mismatch");
    return void reject(res, 401, "bad_signature", "signature does not match");
  }
  if (o.appId && appId !== o.appId) return void reject(res, 401, "wrong_app", "event is for another app_id");
  if (typeof body.event_name !== "string" || body.event_name === "") {
    return void reject(res, 400, "not_an_event", "event_name is missing");
  }
  const eventName = body.event_name;
  const cls = classifyEventName(eventName);
  let convKey = "none";
  if (cls.handled) {
    try {
      convKey = conversationKey(routeOf(parseEvent(body, cls)).conversation);
    } catch (err) {
      metrics.eventsTotal.inc({ event: eventName, outcome: "rejected" });
      const detail = err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message;
      return void reject(res, 400, "invalid_event", detail.slice(0, 500));
    }
  }
  const id = o.inbox.insert({
    dedupeKey: dedupeKey(body, raw),
    eventName,
    conversationKey: convKey,
    body: text,
    status: cls.handled ? "pending" : "ignored",
    receivedAt: Date.now(),
  });
  const outcome = id === null ? "duplicate" : cls.handled ? "accepted" : "ignored";
  metrics.eventsTotal.inc({ event: eventName, outcome });
  res.status(200).json({ ok: true, ...(outcome !== "accepted" ? { [outcome]: true } : {}) });
  if (id !== null && cls.handled) setImmediate(() => o.onAccepted(id, convKey));
}

/** Redeliveries are byte-identical: msg_id when the event has one, else a hash of the whole body. */
function dedupeKey(body: Record<string, unknown>, raw: Buffer): string {
  const message = body.message as Record<string, unknown> | undefined;
  const msgId = message && (message.msg_id ?? message.message_id);
  if (typeof msgId === "string" && msgId !== "") return `msg:${msgId}`;
  return `sha256:${createHash("sha256").update(raw).digest("hex")}`;
}

/** True when brackets outside strings nest deeper than `max` (checked before parsing; linear, no recursion). */
export function nestedDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
