import { postCase, type FuzzCase } from "./fuzz.js";

export interface FuzzTally {
  cases: number;
  byStatus: Record<string, number>;
  byKind: Record<string, Record<string, number>>;
  /** 5xx answers. */
  serverErrors: number;
  /** No HTTP answer (reset, timeout, dead server). */
  noAnswer: number;
  /** Refused cases (a 4xx, or a 200 saying `refused`) after which the inbox held more rows, or a row with the refused body. */
  storedOnRefusal: number;
  examples: string[];
}

export interface InboxProbe {
  /** Rows in the inbox table now. */
  rows(): number;
  /** Whether a row holds exactly this body text. */
  holds(body: string): boolean;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Posts every case one at a time and checks the webhook's promises: no 5xx, nothing stored when refused. */
export async function runFuzz(url: string, cases: Iterable<FuzzCase>, inbox: InboxProbe): Promise<FuzzTally> {
  const t: FuzzTally = { cases: 0, byStatus: {}, byKind: {}, serverErrors: 0, noAnswer: 0, storedOnRefusal: 0, examples: [] };
  const note = (c: FuzzCase, what: string) => {
    if (t.examples.length < 10) t.examples.push(`${what} [${c.kind}] ${c.body.subarray(0, 160).toString("utf8")}`);
  };
  for (const c of cases) {
    const before = inbox.rows();
    const { status, refused } = await postCase(url, c);
    // Every JSON body within 1 MiB gets 200; "200 refused" means acknowledged but not stored nor acted on.
    const key = refused ? `${status} refused` : String(status);
    t.cases++;
    t.byStatus[key] = (t.byStatus[key] ?? 0) + 1;
    t.byKind[c.kind] ??= {};
    const k = t.byKind[c.kind]!;
    k[key] = (k[key] ?? 0) + 1;
    if (status >= 500) {
      t.serverErrors++;
      note(c, `HTTP ${status}`);
    }
    if (status === 0) {
      t.noAnswer++;
      note(c, "no answer");
    }
    if ((status !== 200 || refused) && status !== 0) {
      let text: string | null = null;
      try {
        text = utf8.decode(c.body);
      } catch {
        /* not UTF-8: it could not be stored as this text anyway */
      }
      // Rows only ever appear through the webhook; handled withdraw events may delete some meanwhile.
      if (inbox.rows() > before || (text !== null && inbox.holds(text))) {
        t.storedOnRefusal++;
        note(c, `stored after HTTP ${status}`);
      }
    }
  }
  return t;
}

export function describeTally(t: FuzzTally): string[] {
  const lines = [
    `${t.cases} cases; answers: ${Object.entries(t.byStatus)
      .map(([s, n]) => `${s === "0" ? "none" : s}×${n}`)
      .join(", ")}`,
  ];
  for (const [kind, statuses] of Object.entries(t.byKind).sort()) {
    lines.push(
      `  ${kind.padEnd(16)} ${Object.entries(statuses)
        .map(([s, n]) => `${s === "0" ? "none" : s}×${n}`)
        .join(", ")}`,
    );
  }
  for (const e of t.examples) lines.push(`  ! ${e}`);
  return lines;
}
