import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { type Request, type Response, Router } from "express";
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

export const WEBHOOK_PATH = "/webhooks/zalo";
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

/** Answers one POST to the webhook path on Node's own request and response. */
export type WebhookHandler = (req: IncomingMessage, res: ServerResponse) => void;

const utf8 = new TextDecoder("utf-8", { fatal: true });

/**
 * The JSON answer, written directly: no express response helpers (status, json, send, ETag), which took a
 * large part of the edge's CPU per event for a body Zalo never reads. The ack time is observed here, when the
 * answer is handed to the socket.
 */
function answer(res: ServerResponse, started: number, status: number, body: object): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text) });
  res.end(text);
  metrics.webhookAckSeconds.observe({ status: String(status) }, (performance.now() - started) / 1000);
}

function reject(res: ServerResponse, started: number, status: number, error: string, message: string): void {
  answer(res, started, status, { error, message });
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
 * stored, nothing answered, counted by reason). Only invalid UTF-8/JSON (400), oversize bodies (413) and
 * compressed bodies (415), which Zalo never sends, get a 4xx. An accepted event is in SQLite before Zalo gets
 * its 200.
 *
 * A plain Node handler: the HTTP server calls it before express (see serveWithWebhook in http/app.ts), so an
 * event costs no routing, body-parser or response helpers.
 */
export function webhookHandler(o: WebhookOptions): WebhookHandler {
  return (req, res) => {
    const started = performance.now();
    const encoding = req.headers["content-encoding"];
    if (encoding !== undefined && encoding.toLowerCase() !== "identity") {
      req.resume();
      return void reject(res, started, 415, "unsupported_encoding", "compressed bodies are not accepted");
    }
    const declared = Number(req.headers["content-length"]);
    if (declared > MAX_BODY_BYTES) {
      req.resume();
      return void reject(res, started, 413, "too_large", "body over 1 MiB");
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on("data", (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        over = true;
        chunks.length = 0;
        reject(res, started, 413, "too_large", "body over 1 MiB");
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => {
      if (over) return;
      const raw = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
      handle(req, raw, res, started, o);
    });
    req.on("error", () => {
      // The client went away mid-body: nothing was stored, nobody to answer.
      if (!res.headersSent && !res.destroyed) reject(res, started, 400, "bad_request", "request aborted");
    });
  };
}

/** The same handler as an express router, for apps served without serveWithWebhook (benches, tools). */
export function webhookRouter(o: WebhookOptions): Router {
  const router = Router();
  const handler = webhookHandler(o);
  router.post(WEBHOOK_PATH, (req: Request, res: Response) => handler(req, res));
  return router;
}

function handle(req: IncomingMessage, raw: Buffer, res: ServerResponse, started: number, o: WebhookOptions): void {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    return void reject(res, started, 400, "invalid_utf8", "body is not valid UTF-8");
  }
  const refuse = (reason: RefusalReason, detail: Record<string, unknown> = {}) => {
    o.refusals.refused(reason, detail);
    answer(res, started, 200, { ok: true, refused: reason });
  };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return void reject(res, started, 400, "invalid_json", "body is not JSON");
  }
  // Zalo events nest a handful of levels. Far deeper JSON is no event, and SQLite's JSON functions (used on
  // stored bodies, e.g. when a user withdraws) call anything past 1,000 levels malformed and throw.
  if (nestedDeeperThan(text, MAX_JSON_DEPTH)) return void refuse("too_deep");
  const signature = header(req, "x-zevent-signature");
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
  const headerTs = header(req, "x-zevent-timestamp");
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
        answer(res, started, 200, outcome === "accepted" ? ACCEPTED : { ok: true, [outcome]: true });
        if (id !== null && cls.handled) o.onAccepted(id, convKey);
      },
      (err: unknown) => {
        // Not stored, so not acknowledged: Zalo delivers it again.
        o.logger.error({ err, event: eventName }, "webhook event could not be stored");
        reject(res, started, 500, "internal", "event not stored");
      },
    );
}

const ACCEPTED = { ok: true } as const;

/** A request header as one string (Node joins repeated custom headers with ", "), or undefined. */
function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(", ") : v;
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
