import { signatureHeader } from "../../src/webhook/webhook-signature.js";
import {
  follow,
  groupManagement,
  groupText,
  oaEcho,
  TEST_APP_ID,
  TEST_OA_SECRET,
  userText,
  withdraw,
} from "../../test/helpers/zalo-events.js";

/**
 * Seeded fuzz cases for POST /webhooks/zalo: random bytes, random JSON, mutated real events (signed, so the
 * schema is what refuses them), wrong types, huge strings, invalid UTF-8, deep JSON, bad signatures. Shared
 * by `npm run bench:fuzz` and test/load/fuzz-smoke.test.ts.
 */
export interface FuzzCase {
  kind: string;
  body: Buffer;
  headers: Record<string, string>;
}

/** mulberry32: small, fast, deterministic. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JSON_CT = { "content-type": "application/json" };

function sign(body: Buffer | string, appId: string, ts: string, secret = TEST_OA_SECRET): Record<string, string> {
  return { ...JSON_CT, "x-zevent-signature": signatureHeader(appId, body, ts, secret) };
}

/** Signs the bytes as Zalo would, using app_id and timestamp as they stand in the object (if any). */
function signedBytes(body: Buffer, obj: unknown): Record<string, string> {
  const o = (obj && typeof obj === "object" ? obj : {}) as Record<string, unknown>;
  return sign(body, String(o.app_id ?? TEST_APP_ID), String(o.timestamp ?? ""));
}

/** `count` cases from `seed`, made one at a time (some are a megabyte). */
export function* fuzzCases(seed: number, count: number): Generator<FuzzCase> {
  const r = rng(seed);
  const int = (n: number) => Math.floor(r() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  const chance = (p: number) => r() < p;

  const WEIRD_STRINGS = [
    "",
    " ",
    "\u0000",
    "\uFEFF",
    "\uD800", // lone surrogate: JSON.stringify escapes it, so the bytes stay valid UTF-8
    "🙂👍🏽",
    "ę̸̛͓̝͓̯̘̮̆͋̀͒͑̑́͘",
    "<script>alert(1)</script>",
    "'; DROP TABLE inbox; --",
    "%s%s%n",
    "../../etc/passwd",
    "__proto__",
    "constructor",
    "1e309",
    "-0",
    "9007199254740993",
    "NaN",
    "null",
    "#xong",
    "#xoa",
    "#nhacnho tatca",
    "/baocao",
    "xin chào",
    "a".repeat(129),
  ];
  const randomString = (max = 40) => {
    if (chance(0.3)) return pick(WEIRD_STRINGS);
    const n = int(max);
    let s = "";
    for (let i = 0; i < n; i++)
      s += String.fromCodePoint(chance(0.7) ? 32 + int(95) : chance(0.8) ? 0xc0 + int(0x1e00) : int(0x10ffff + 1) & 0x10ffff);
    return s.replace(/[\uD800-\uDFFF]/g, "?");
  };
  const randomValue = (depth = 0): unknown => {
    const k = int(depth > 3 ? 6 : 8);
    switch (k) {
      case 0:
        return null;
      case 1:
        return chance(0.5);
      case 2:
        return pick([0, -1, 1.5, 1e308, -1e-308, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 1.2345678901234568e29]);
      case 3:
      case 4:
        return randomString();
      case 5:
        return int(1e12);
      case 6:
        return Array.from({ length: int(5) }, () => randomValue(depth + 1));
      default: {
        const o: Record<string, unknown> = {};
        for (let i = int(5); i > 0; i--) o[randomString(12)] = randomValue(depth + 1);
        return o;
      }
    }
  };
  const baseEvent = (): Record<string, unknown> => {
    const user = `fz-${int(1e9)}`;
    switch (int(7)) {
      case 0:
        return groupText(`g-${int(1000)}`, user, randomString());
      case 1:
        return follow(user, chance(0.5) ? "follow" : "unfollow");
      case 2:
        return withdraw(user);
      case 3:
        return oaEcho(user, randomString());
      case 4:
        return groupManagement(`g-${int(1000)}`, "user_join_group", [user]);
      default:
        return userText(user, chance(0.5) ? randomString() : pick(["cuoc thi ket thuc ngay nao", "#xong Nguyễn Văn An, tổ 5", "xin chào"]));
    }
  };
  /** Paths into an object: ["message","text"], ["sender"], ... */
  const paths = (o: unknown, prefix: string[] = []): string[][] => {
    if (!o || typeof o !== "object") return [];
    const out: string[][] = [];
    for (const [k, v] of Object.entries(o)) {
      out.push([...prefix, k]);
      out.push(...paths(v, [...prefix, k]));
    }
    return out;
  };
  const setPath = (o: Record<string, unknown>, path: string[], value: unknown, remove = false) => {
    let cur: Record<string, unknown> = o;
    for (const k of path.slice(0, -1)) {
      const next = cur[k];
      if (!next || typeof next !== "object") return;
      cur = next as Record<string, unknown>;
    }
    const last = path[path.length - 1]!;
    if (remove) delete cur[last];
    else cur[last] = value;
  };
  const deep = (depth: number, leaf: unknown = 1): string => "[".repeat(depth) + JSON.stringify(leaf) + "]".repeat(depth);

  const makers: Array<[number, string, () => { body: Buffer; headers: Record<string, string> }]> = [
    [
      6,
      "random-bytes",
      () => {
        const b = Buffer.alloc(int(2000));
        for (let i = 0; i < b.length; i++) b[i] = int(256);
        return { body: b, headers: chance(0.5) ? signedBytes(b, null) : JSON_CT };
      },
    ],
    [
      8,
      "random-json",
      () => {
        const v = chance(0.5) ? { app_id: TEST_APP_ID, timestamp: String(int(1e13)), ...(randomValue() as object) } : randomValue();
        const b = Buffer.from(JSON.stringify(v) ?? "null");
        return { body: b, headers: signedBytes(b, v) };
      },
    ],
    [
      30,
      "mutated-event",
      () => {
        const e = baseEvent();
        for (let m = 1 + int(3); m > 0; m--) {
          const ps = paths(e);
          const p = pick(ps);
          const op = int(5);
          if (op === 0) setPath(e, p, undefined, true);
          else if (op === 1 && p.length === 1 && p[0] === "event_name")
            e.event_name = pick([
              "user_send_text",
              "user_send_group_text",
              "follow",
              "user_withdraw",
              "user_send_image",
              "oa_send_text",
              "unknown_event",
              "",
              "user_submit_info",
              "create_group",
            ]);
          else setPath(e, p, randomValue());
        }
        const b = Buffer.from(JSON.stringify(e));
        return { body: b, headers: signedBytes(b, e) };
      },
    ],
    [
      6,
      "wrong-types",
      () => {
        const e = userText(`fz-${int(1e9)}`, "xin chào") as Record<string, unknown>;
        const field = pick(["app_id", "timestamp", "event_name", "sender", "message", "recipient"]);
        e[field] = pick([123, null, true, [], {}, [1, 2], { id: 5 }, 1.5, -1]);
        const msg = e.message;
        if (chance(0.5) && msg && typeof msg === "object") (msg as Record<string, unknown>).text = pick([1, null, [], {}, true]);
        if (chance(0.3)) e.sender = { id: pick([12345678901234567000, null, "", " ", ["1"], { x: 1 }]) };
        const b = Buffer.from(JSON.stringify(e));
        return { body: b, headers: signedBytes(b, e) };
      },
    ],
    [
      5,
      "huge-string",
      () => {
        const e = userText(`fz-${int(1e9)}`, "") as Record<string, unknown>;
        const n = pick([100_001, 300_000, 900_000, 1_100_000]);
        const s = chance(0.5) ? "a".repeat(n) : "ữ".repeat(Math.floor(n / 3));
        const where = int(3);
        if (where === 0) (e.message as Record<string, unknown>).text = s;
        else if (where === 1) e.sender = { id: s };
        else e.extra = s;
        const b = Buffer.from(JSON.stringify(e));
        return { body: b, headers: signedBytes(b, e) };
      },
    ],
    [
      6,
      "invalid-utf8",
      () => {
        const e = userText(`fz-${int(1e9)}`, "XXXX");
        const json = Buffer.from(JSON.stringify(e));
        const at = json.indexOf("XXXX");
        const bad = pick([
          [0xc3, 0x28],
          [0xff],
          [0xfe, 0xff],
          [0xc0, 0xaf],
          [0xed, 0xa0, 0x80],
          [0xe2, 0x82],
          [0xf4, 0x90, 0x80, 0x80],
          [0x80],
        ]);
        const b = Buffer.concat([json.subarray(0, at), Buffer.from(bad), json.subarray(at + 4)]);
        return { body: b, headers: signedBytes(b, e) };
      },
    ],
    [
      5,
      "deep-json",
      () => {
        const depth = pick([100, 1_000, 10_000, 100_000]);
        const e = userText(`fz-${int(1e9)}`, "x") as Record<string, unknown>;
        const json = JSON.stringify(e);
        const where = int(3);
        const text =
          where === 0
            ? deep(depth)
            : where === 1
              ? json.replace('"text":"x"', `"text":${deep(depth)}`)
              : json.replace(/}$/, `,"nested":${'{"a":'.repeat(depth)}1${"}".repeat(depth)}}`);
        const b = Buffer.from(text);
        return { body: b, headers: signedBytes(b, e) };
      },
    ],
    [
      8,
      "bad-signature",
      () => {
        const e = baseEvent();
        const body = JSON.stringify(e);
        const ts = String(e.timestamp);
        const variants: Array<() => string> = [
          () => `mac=${"0".repeat(64)}`,
          () => signatureHeader(TEST_APP_ID, body, ts, "wrong-secret"),
          () => signatureHeader(TEST_APP_ID, `${body} `, ts, TEST_OA_SECRET),
          () => signatureHeader("other-app", body, ts, TEST_OA_SECRET),
          () => signatureHeader(TEST_APP_ID, body, ts, TEST_OA_SECRET).slice(0, 40),
          () => "mac=",
          () => Array.from({ length: int(100) }, () => String.fromCharCode(33 + int(94))).join(""), // header values are ASCII
          () => `mac=${"zz".repeat(32)}`,
        ];
        return { body: Buffer.from(body), headers: { ...JSON_CT, "x-zevent-signature": pick(variants)() } };
      },
    ],
    [
      4,
      "no-signature",
      () => {
        const b = Buffer.from(chance(0.3) ? pick(["{}", "{ }", "[]", "null", '""', "0", ""]) : JSON.stringify(baseEvent()));
        return {
          body: b,
          headers: chance(0.5)
            ? JSON_CT
            : { "content-type": pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", ""]) },
        };
      },
    ],
    [
      4,
      "raw-json-tricks",
      () => {
        const e = userText(`fz-${int(1e9)}`, "xin chào");
        const json = JSON.stringify(e);
        const variants = [
          json.replace('{"app_id"', '{"event_name":"follow","app_id"'), // duplicate key, last wins
          json.replace('{"app_id"', '{"__proto__":{"polluted":true},"constructor":{"prototype":{"x":1}},"app_id"'),
          `\uFEFF${json}`, // BOM
          `${json}garbage`,
          json.slice(0, int(json.length)),
          ` \n\t${json}\n `,
          json.replace(/"msg_id":"[^"]*"/, '"msg_id":"\\u0000\\ud800"'),
          json.replace('"text":"xin chào"', '"text":"\\ud83d"'),
        ];
        const text = pick(variants);
        const b = Buffer.from(text);
        return { body: b, headers: signedBytes(b, e) };
      },
    ],
  ];
  const totalWeight = makers.reduce((n, [w]) => n + w, 0);
  for (let i = 0; i < count; i++) {
    let x = r() * totalWeight;
    let m = makers[0]!;
    for (const candidate of makers) {
      x -= candidate[0];
      if (x <= 0) {
        m = candidate;
        break;
      }
    }
    const { body, headers } = m[2]();
    yield { kind: m[1], body, headers };
  }
}

/** Posts one case; returns the HTTP status (0 = no answer: connection reset or the server died). */
/** The HTTP status (0: no answer) and whether a 200 said the body was refused (`{"refused": reason}`). */
export async function postCase(url: string, c: FuzzCase): Promise<{ status: number; refused: boolean }> {
  try {
    const res = await fetch(`${url}/webhooks/zalo`, {
      method: "POST",
      body: c.body as unknown as BodyInit,
      headers: c.headers,
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let refused = false;
    try {
      refused = typeof (JSON.parse(text) as { refused?: unknown }).refused === "string";
    } catch {
      /* not JSON: a 4xx from the error handler */
    }
    return { status: res.status, refused };
  } catch {
    return { status: 0, refused: false };
  }
}
