import { createHash } from "node:crypto";
import express, { type Request, type Response, Router } from "express";
import { z } from "zod";
import { conversationKey } from "../shared/conversation.js";
import { eventPerson } from "../inbox/event-person.js";
import type { InboxWriter } from "../inbox/inbox-writer.js";
import type { Logger } from "../observability/logger.js";
import { metrics } from "../observability/metrics.js";
import type { RefusalReason, WebhookRefusals } from "./webhook-refusals.js";
import { verifySignature } from "./webhook-signature.js";
import { routeOf } from "../zalo/event-route.js";
import { classifyEventName, parseEvent } from "../zalo/zalo-events.js";

export const MAX_BODY_BYTES = 1024 * 1024;
export const MAX_JSON_DEPTH = 32;

export interface WebhookOptions {
  /** Stores accepted events; resolves once the event is committed (group commit across concurrent requests). */
  inbox: Pick<InboxWriter, "insert">;
  logger: Logger;
  appId: string | undefined;
  oaSecretKey: string | undefined;
  /** Counts and logs refused bodies; raises the bad-signature alarm. */
  refusals: WebhookRefusals;
  /** Called after the 200 went out for a newly stored event that needs handling (wakes the dispatcher). */
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
 * Zalo wants 200 for every event it sends (else it marks the webhook broken and drops the event), so every
 * JSON body within the size limit gets 200: a body the bot cannot verify or understand is refused (nothing
 * stored, nothing answered, counted by reason). Only invalid UTF-8/JSON (400) and oversize bodies (413),
 * which Zalo never sends, get a 4xx. An accepted event is in SQLite before Zalo gets its 200.
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
  const refuse = (reason: RefusalReason, detail: Record<string, unknown> = {}) => {
    o.refusals.refused(reason, detail);
    res.status(200).json({ ok: true, refused: reason });
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return void reject(res, 400, "invalid_json", "body is not JSON");
  }
  // Zalo events nest a handful of levels. Far deeper JSON is no event, and SQLite's JSON functions (used on
  // stored bodies, e.g. when a user withdraws) call anything past 1,000 levels malformed and throw.
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) return void refuse("too_deep");
  const signature = req.get("x-zevent-signature");
  const isObject = json !== null && typeof json === "object" && !Array.isArray(json);
  if (isObject && Object.keys(json as object).length === 0) {
    // Zalo probes a newly saved webhook URL with `{}`: 200, nothing done, signed or not.
    return void refuse(signature ? "empty_event" : "probe");
  }
  if (!isObject) return void refuse("not_an_event");
  if (!o.oaSecretKey) return void refuse("not_configured");
  if (!signature) return void refuse("missing_signature");
  const body = json as Record<string, unknown>;
  const eventName = typeof body.event_name === "string" && body.event_name !== "" ? body.event_name : null;
  // Events without app_id (e.g. change_oa_daily_quota, which carries oaId) cannot be verified: the signature
  // is sha256(app_id + body + timestamp + OA secret).
  const appId = typeof body.app_id === "string" && body.app_id !== "" ? body.app_id : null;
  if (!appId) return void refuse("missing_app_id", { event: eventName?.slice(0, 64) });
  const ts = bodyTimestamp(body.timestamp);
  if (!ts) return void refuse("missing_timestamp");
  const headerTs = req.get("x-zevent-timestamp");
  const valid =
    verifySignature(signature, appId, raw, ts, o.oaSecretKey) ||
    (headerTs !== undefined && headerTs !== ts && verifySignature(signature, appId, raw, headerTs, o.oaSecretKey));
  if (!valid) return void refuse("bad_signature");
  o.refusals.signatureOk();
  if (o.appId && appId !== o.appId) return void refuse("wrong_app");
  if (!eventName) return void refuse("not_an_event");
  // From this point the body is Zalo's own: its event name is a safe metrics label.
  // user_withdraw from an app not linked to the OA carries empty ids: nobody to erase.
  if (eventName === "user_withdraw" && !nonEmptyString(body.user_id)) {
    metrics.eventsTotal.inc({ event: eventName, outcome: "refused" });
    return void refuse("unlinked_withdraw");
  }
  const cls = classifyEventName(eventName);
  let convKey = "none";
  // Handled events are stored as parsed here (ids trimmed, msg_id filled in): the dispatcher reads them back
  // without validating again.
  let stored = text;
  if (cls.handled) {
    try {
      const event = parseEvent(body, cls);
      convKey = conversationKey(routeOf(event).conversation);
      stored = JSON.stringify(event.data);
      // A human reply runs in its own lane: it must pause the bot at once, not wait behind that user's queue.
      if (event.family === "oa_echo" && event.data.sender.admin_id && event.data.recipient.id) convKey = `human:${convKey}`;
    } catch (err) {
      metrics.eventsTotal.inc({ event: eventName, outcome: "refused" });
      const detail = err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message;
      return void refuse("invalid_event", { event: eventName, detail: detail.slice(0, 500) });
    }
  }
  o.inbox
    .insert({
      dedupeKey: dedupeKey(eventName, body, raw),
      eventName,
      conversationKey: convKey,
      userId: eventPerson(eventName, body),
      body: stored,
      status: cls.handled ? "pending" : "ignored",
      receivedAt: Date.now(),
    })
    .then(
      (id) => {
        const outcome = id === null ? "duplicate" : cls.handled ? "accepted" : "ignored";
        metrics.eventsTotal.inc({ event: eventName, outcome });
        res.status(200).json({ ok: true, ...(outcome !== "accepted" ? { [outcome]: true } : {}) });
        if (id !== null && cls.handled) o.onAccepted(id, convKey);
      },
      (err: unknown) => {
        // Not stored, so not acknowledged: Zalo delivers it again.
        o.logger.error({ err, event: eventName }, "webhook event could not be stored");
        reject(res, 500, "internal", "event not stored");
      },
    );
}

const nonEmptyString = (v: unknown): v is string => typeof v === "string" && v.trim() !== "";

/**
 * Redeliveries are byte-identical: a message's msg_id when the event is a message (`*_send_*`), else a hash of
 * the whole body. Reactions and receipts name another message's id, so they never dedupe by it.
 */
function dedupeKey(eventName: string, body: Record<string, unknown>, raw: Buffer): string {
  const message = body.message as Record<string, unknown> | undefined;
  const msgId = eventName.includes("_send_") && message ? (message.msg_id ?? message.message_id) : undefined;
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
