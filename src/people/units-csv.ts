import { parse } from "csv-parse/sync";
import { z } from "zod";
import type { UnitKind } from "./progress-types.js";
import { normaliseCode, type UnitInput } from "./units-store.js";

export const UNIT_COLUMNS = ["code", "name", "kind", "ward", "base", "target_ratio", "zalo_group_id", "aliases"] as const;

/** Target ratios when the column is empty: all staff of an agency, 70% of a residential unit's households. */
export const DEFAULT_TARGET_RATIO: Record<UnitKind, number> = { agency: 1, residential: 0.7 };

export interface RowProblem {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  reason: string;
}

export type UnitsCsvResult = { ok: true; units: UnitInput[] } | { ok: false; problems: RowProblem[] };

/** C0 controls and DEL: never part of a name a person typed. */
const hasControl = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
const text = (max: number, what: string) =>
  z
    .string()
    .transform((s) => s.normalize("NFC").replace(/\s+/g, " ").trim())
    .pipe(
      z
        .string()
        .min(1, { error: `${what} is empty` })
        .max(max, { error: `${what} is longer than ${max} characters` })
        .refine((s) => !hasControl(s), { error: `${what} contains control characters` }),
    );

const ratio = z
  .string()
  .trim()
  .transform((s, ctx) => {
    if (s === "") return null;
    const pct = s.endsWith("%");
    const n = Number((pct ? s.slice(0, -1) : s).replace(",", "."));
    const value = pct ? n / 100 : n;
    if (!Number.isFinite(value) || value <= 0 || value > 1) {
      ctx.addIssue({ code: "custom", message: `target_ratio "${s}" must be a number above 0 and at most 1 (e.g. 0.7 or 70%)` });
      return z.NEVER;
    }
    return value;
  });

const row = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, {
      error: "code must be 1–32 letters, digits, '.', '_' or '-' (no spaces or diacritics)",
    })
    .transform(normaliseCode),
  name: text(120, "name"),
  kind: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(["agency", "residential"], { error: 'kind must be "agency" or "residential"' })),
  ward: text(80, "ward"),
  base: z
    .string()
    .trim()
    .regex(/^\d{1,7}$/, { error: "base must be a whole number of staff or households (0 or more)" })
    .transform(Number),
  target_ratio: ratio,
  zalo_group_id: z
    .string()
    .trim()
    .regex(/^([0-9A-Za-z_-]{1,64})?$/, { error: "zalo_group_id must be letters and digits only (the id from Zalo)" })
    .transform((s) => (s === "" ? null : s)),
  aliases: z
    .string()
    .transform((s) =>
      s
        .split("|")
        .map((a) => a.normalize("NFC").replace(/\s+/g, " ").trim())
        .filter((a) => a !== ""),
    )
    .pipe(
      z
        .array(z.string().max(80, { error: "an alias is longer than 80 characters" }))
        .max(20, { error: "at most 20 aliases" })
        .refine((list) => list.every((a) => !hasControl(a)), { error: "an alias contains control characters" }),
    ),
});

/**
 * Parses and checks a units CSV (header `code,name,kind,ward,base,target_ratio,zalo_group_id,aliases`, any
 * column order). Every bad row is reported with its line; any problem means nothing is to be written.
 */
export function parseUnitsCsv(input: string | Buffer): UnitsCsvResult {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(input, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (err) {
    const e = err as { lines?: number; message: string };
    return { ok: false, problems: [{ line: e.lines ?? 0, reason: `not valid CSV: ${e.message}` }] };
  }
  if (records.length === 0) return { ok: false, problems: [{ line: 1, reason: "the file is empty (a header row is required)" }] };

  const header = records[0]!.record.map((h) => h.trim().toLowerCase());
  const headerLine = records[0]!.info.lines;
  const missing = UNIT_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((h) => !(UNIT_COLUMNS as readonly string[]).includes(h));
  if (missing.length || unknown.length) {
    const parts = [
      missing.length ? `missing column(s) ${missing.join(", ")}` : "",
      unknown.length ? `unknown column(s) ${unknown.join(", ")}` : "",
    ].filter(Boolean);
    return {
      ok: false,
      problems: [{ line: headerLine, reason: `${parts.join("; ")}; expected ${UNIT_COLUMNS.join(",")}` }],
    };
  }

  const problems: RowProblem[] = [];
  const units: UnitInput[] = [];
  const codes = new Map<string, number>();
  const groups = new Map<string, number>();
  for (const { record, info } of records.slice(1)) {
    // info.lines is where the record ends; a quoted field may span lines, so count back to its start.
    const line = info.lines - record.reduce((n, f) => n + (f.match(/\n/g)?.length ?? 0), 0);
    if (record.length !== header.length) {
      problems.push({ line, reason: `has ${record.length} fields, the header has ${header.length}` });
      continue;
    }
    const raw = Object.fromEntries(header.map((h, i) => [h, record[i] ?? ""]));
    const parsed = row.safeParse(raw);
    if (!parsed.success) {
      problems.push({ line, reason: parsed.error.issues.map((i) => i.message).join("; ") });
      continue;
    }
    const r = parsed.data;
    const dupCode = codes.get(r.code);
    if (dupCode !== undefined) {
      problems.push({ line, reason: `code ${r.code} already used on line ${dupCode}` });
      continue;
    }
    codes.set(r.code, line);
    if (r.zalo_group_id) {
      const dupGroup = groups.get(r.zalo_group_id);
      if (dupGroup !== undefined) {
        problems.push({ line, reason: `zalo_group_id ${r.zalo_group_id} already used on line ${dupGroup} (one group, one unit)` });
        continue;
      }
      groups.set(r.zalo_group_id, line);
    }
    units.push({
      code: r.code,
      name: r.name,
      kind: r.kind,
      ward: r.ward,
      base: r.base,
      targetRatio: r.target_ratio ?? DEFAULT_TARGET_RATIO[r.kind],
      zaloGroupId: r.zalo_group_id,
      aliases: r.aliases,
    });
  }
  if (problems.length) return { ok: false, problems };
  if (units.length === 0) return { ok: false, problems: [{ line: headerLine, reason: "no unit rows after the header" }] };
  return { ok: true, units };
}
