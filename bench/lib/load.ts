import autocannon, { type Result } from "autocannon";
import { Agent, request } from "node:http";
import type { ReceivedMessage } from "../../test/helpers/fake-zalo-server.js";
import { signed, userText } from "../../test/helpers/zalo-events.js";

/**
 * What residents type after a loudspeaker announcement: contest questions with and without diacritics,
 * teencode, greetings, thanks, an off-topic question (fallback) and completion reports.
 */
export const QUESTION_MIX = [
  "cuoc thi ket thuc ngay nao",
  "giải thưởng bao nhiêu",
  "link thi ở đâu",
  "xin chào",
  "thi tren dien thoai duoc ko",
  "ai được tham gia cuộc thi",
  "mỗi người được thi mấy lần",
  "#xong Nguyễn Văn An, tổ 5",
  "hotline ho tro",
  "cuộc thi có bao nhiêu câu hỏi",
  "bn cau hoi vay ad",
  "cam on ad",
  "lam sao de dang ky tai khoan",
  "gia vang hom nay",
  "#xong Trần Thị Bình, Văn phòng UBND",
  "khi nào có kết quả",
];

export const pct = (xs: number[], p: number): number => {
  if (xs.length === 0) return NaN;
  const s = Float64Array.from(xs).sort();
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
};
export const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");

interface Sent {
  sentAt: number;
  /** HTTP status of the webhook answer; 0 = no answer (connection refused, reset, aborted at the end). */
  status: number;
  duplicate: boolean;
  ackMs: number;
}

export interface LedgerCheck {
  sent: number;
  /** 200 and not `duplicate`: the bot took responsibility for answering. */
  acked: number;
  /** 200 with `duplicate` only (a redelivery of an event stored before its first 200 could go out). */
  ackedDuplicate: number;
  /** Answered with another status (4xx/5xx). */
  refused: number;
  /** No HTTP answer at all. */
  noAnswer: number;
  /** Events answered 200 (acked or duplicate) with at least one reply at the fake. */
  answered: number;
  /** Events answered 200 (acked or duplicate) with no reply at the fake. */
  missing: number;
  /** Extra copies: the same text delivered to the same user more than once. */
  duplicates: number;
  /** Replies to events whose 200 never reached the sender (stored before a crash or an abort): not an error. */
  answeredUnacked: number;
  /** Replies to users this run never wrote as. */
  strangers: number;
  /** First reply at the fake minus send time, ms, per answered event. */
  answerMs: number[];
  ackMs: number[];
  exactlyOnce: boolean;
}

/** Every event sent, by its sender id (one event per user), and what the webhook answered. */
export class Ledger {
  readonly events = new Map<string, Sent>();

  /** `owns`: the sender-id prefix of this ledger's users; replies to other users are not its business. */
  constructor(private readonly owns = "") {}

  send(user: string): void {
    this.events.set(user, { sentAt: Date.now(), status: 0, duplicate: false, ackMs: NaN });
  }

  answer(user: string, status: number, body: string, ackMs: number): void {
    const e = this.events.get(user);
    if (!e) return;
    // Once a delivery got a 200 the bot owns the event; later redeliveries change nothing.
    if (e.status === 200) return;
    e.status = status;
    e.duplicate = status === 200 && body.includes('"duplicate"');
    e.ackMs = ackMs;
  }

  /** Acked events still without a reply at the fake. */
  missing(delivered: ReceivedMessage[]): number {
    const got = new Set<string>();
    for (const m of delivered) got.add(m.to);
    let n = 0;
    for (const [user, e] of this.events) if (e.status === 200 && !got.has(user)) n++;
    return n;
  }

  check(delivered: ReceivedMessage[]): LedgerCheck {
    const first = new Map<string, number>();
    const copies = new Map<string, number>();
    let strangers = 0;
    for (const m of delivered) {
      if (!m.to.startsWith(this.owns)) continue;
      if (!this.events.has(m.to)) {
        strangers++;
        continue;
      }
      if (!first.has(m.to)) first.set(m.to, m.at);
      const k = `${m.to}\u0000${m.text}`;
      copies.set(k, (copies.get(k) ?? 0) + 1);
    }
    let duplicates = 0;
    for (const n of copies.values()) if (n > 1) duplicates += n - 1;
    const c: LedgerCheck = {
      sent: this.events.size,
      acked: 0,
      ackedDuplicate: 0,
      refused: 0,
      noAnswer: 0,
      answered: 0,
      missing: 0,
      duplicates,
      answeredUnacked: 0,
      strangers,
      answerMs: [],
      ackMs: [],
      exactlyOnce: false,
    };
    for (const [user, e] of this.events) {
      if (Number.isFinite(e.ackMs)) c.ackMs.push(e.ackMs);
      const at = first.get(user);
      // A 200 (new or `duplicate`: stored by an earlier delivery) means the bot owns the answer.
      if (e.status === 200) {
        if (e.duplicate) c.ackedDuplicate++;
        else c.acked++;
        if (at === undefined) c.missing++;
        else {
          c.answered++;
          c.answerMs.push(at - e.sentAt);
        }
      } else {
        if (e.status === 0) c.noAnswer++;
        else c.refused++;
        if (at !== undefined) c.answeredUnacked++;
      }
    }
    c.exactlyOnce = c.missing === 0 && c.duplicates === 0 && c.strangers === 0;
    return c;
  }
}

export function describeCheck(c: LedgerCheck): string {
  return (
    `sent ${c.sent}, acked ${c.acked}, answered ${c.answered}, missing ${c.missing}, duplicates ${c.duplicates}` +
    (c.ackedDuplicate ? `, acked as duplicate ${c.ackedDuplicate}` : "") +
    (c.refused ? `, refused ${c.refused}` : "") +
    (c.noAnswer ? `, no HTTP answer ${c.noAnswer} (of which answered anyway ${c.answeredUnacked})` : "") +
    (c.strangers ? `, replies to unknown users ${c.strangers}` : "")
  );
}

/** The signed body and headers of user `user`'s one question; msg_id derived from the user, so redeliveries match. */
export function eventFor(user: string, text: string): { body: string; headers: Record<string, string> } {
  return signed(userText(user, text, { msgId: `m-${user}`, timestamp: String(Date.now()) }));
}

export interface FireOptions {
  url: string;
  ledger: Ledger;
  /** Sender ids are `${prefix}${n}`. */
  prefix: string;
  connections?: number;
  durationSec?: number;
  amount?: number;
  overallRate?: number;
  text?: (n: number) => string;
}

/**
 * Drives POST /webhooks/zalo with autocannon: every request a new user, a new msg_id and a fresh signature.
 * Returns autocannon's result and how many events were fired.
 */
export async function fire(o: FireOptions): Promise<{ result: Result; fired: number }> {
  let n = 0;
  const text = o.text ?? ((i: number) => QUESTION_MIX[i % QUESTION_MIX.length]!);
  const started = new Map<string, number>();
  const result = await autocannon({
    url: `${o.url}/webhooks/zalo`,
    connections: o.connections ?? 32,
    duration: o.durationSec ?? 10,
    amount: o.amount,
    overallRate: o.overallRate,
    timeout: 30,
    requests: [
      {
        method: "POST",
        setupRequest: (req, context) => {
          const user = `${o.prefix}${n}`;
          const e = eventFor(user, text(n++));
          context.user = user;
          o.ledger.send(user);
          started.set(user, performance.now());
          return { ...req, method: "POST", path: "/webhooks/zalo", headers: e.headers, body: e.body };
        },
        onResponse: (status, body, context) => {
          const user = context.user as string;
          o.ledger.answer(user, status, body, performance.now() - (started.get(user) ?? NaN));
          started.delete(user);
        },
      },
    ],
  });
  return { result, fired: n };
}

/** Polls until `done()` or the deadline; returns whether it got there. */
export async function waitUntil(done: () => boolean, timeoutMs: number, everyMs = 250): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (done()) return true;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return done();
}

const bodies = new Map<string, { body: string; headers: Record<string, string> }>();

/**
 * Keep-alive connections for postEvent, as Zalo's deliveries reuse theirs. Node's http instead of fetch: the
 * bench process (load generator and fake Zalo on the bot's 2 cores) spent ~0.9 of a core at 500 events/s with
 * fetch, two thirds of it in undici and web streams (--cpu-prof of the bench process).
 */
const agent = new Agent({ keepAlive: true });

/** One POST; the status and body of the answer, rejected when the connection fails or `timeoutMs` passes. */
function post(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    const timer = setTimeout(() => req.destroy(new Error(`timeout of ${timeoutMs} ms`)), timeoutMs);
    req.on("error", reject);
    req.on("close", () => clearTimeout(timer));
    req.end(body);
  });
}

/**
 * POSTs user `user`'s event (for the fault scripts' own loops and the steady-rate driver); a second call for the
 * same user sends the byte-identical body, as a Zalo redelivery does. Status 0 when the connection failed.
 */
export async function postEvent(url: string, ledger: Ledger, user: string, text: string): Promise<number> {
  let e = bodies.get(user);
  if (!e) {
    e = eventFor(user, text);
    bodies.set(user, e);
  }
  if (!ledger.events.has(user)) ledger.send(user);
  const t = performance.now();
  try {
    const res = await post(`${url}/webhooks/zalo`, e.body, e.headers, 15_000);
    ledger.answer(user, res.status, res.body, performance.now() - t);
    return res.status;
  } catch {
    return 0;
  }
}
