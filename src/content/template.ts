/** "{{links.guide}}" style placeholders in content texts. */
const PLACEHOLDER = /\{\{\s*([\w.]+)\s*\}\}/g;

export type TemplateVars = Readonly<Record<string, string>>;

/** Placeholder names used in a text, e.g. ["hotline", "links.guide"]. */
export function placeholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

/** Fills placeholders; a name missing from vars is left as is (content:check reports it first). */
export function render(text: string, vars: TemplateVars): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => vars[name] ?? whole);
}
