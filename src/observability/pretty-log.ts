import { Writable } from "node:stream";

const LEVELS: Record<number, string> = { 10: "TRACE", 20: "DEBUG", 30: "INFO ", 40: "WARN ", 50: "ERROR", 60: "FATAL" };
const COLOURS: Record<number, string> = { 10: "90", 20: "90", 30: "32", 40: "33", 50: "31", 60: "35" };
const OMIT = new Set(["level", "time", "msg", "pid", "hostname", "service"]);

function value(v: unknown): string {
  if (typeof v === "string") return /[\s="]/.test(v) || v === "" ? JSON.stringify(v) : v;
  return JSON.stringify(v) ?? String(v);
}

/** One pino JSON line as a person reads it: "12:03:04 INFO  bot listening port=3000 dryRun=true". */
export function prettyLine(line: string, colour: boolean): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = typeof o.level === "number" ? o.level : 30;
  const time = typeof o.time === "number" ? new Date(o.time).toTimeString().slice(0, 8) : "";
  const name = LEVELS[level] ?? String(level);
  const tag = colour ? `\x1b[${COLOURS[level] ?? "0"}m${name}\x1b[0m` : name;
  // pino serialises Error objects as { type, message, stack }; some calls log err as a plain string.
  const err = typeof o.err === "object" && o.err !== null ? (o.err as { message?: string; stack?: string }) : undefined;
  const fields = Object.entries(o)
    .filter(([k]) => !OMIT.has(k) && !(k === "err" && err))
    .map(([k, v]) => `${k}=${value(v)}`);
  const head = [time, tag, typeof o.msg === "string" ? o.msg : "", ...fields].filter(Boolean).join(" ");
  return err?.stack ? `${head}\n${err.stack}` : err?.message ? `${head} err=${value(err.message)}` : head;
}

/**
 * A stream for pino that prints readable lines (for a terminal). pino redacts before it serialises,
 * so what arrives here is already free of tokens and phone numbers.
 */
export function prettyStream(out: NodeJS.WriteStream): Writable {
  const colour = out.hasColors?.() ?? false;
  let rest = "";
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      const lines = (rest + chunk.toString("utf8")).split("\n");
      rest = lines.pop() ?? "";
      for (const l of lines) if (l) out.write(`${prettyLine(l, colour)}\n`);
      done();
    },
  });
}
