import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { z } from "zod";
import { ContentError } from "../errors.js";

/** Reads a YAML file and validates it; every problem is reported with the file name. */
export function readYaml<S extends z.ZodType>(path: string, schema: S): z.infer<S> {
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new ContentError([`${path}: ${(err as Error).message}`]);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new ContentError(parsed.error.issues.map((i) => `${path}: ${i.path.join(".") || "(root)"}: ${i.message}`));
  }
  return parsed.data;
}
