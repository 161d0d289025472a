/** Reads a few gauges from the bot's GET /metrics (prom-client default metrics). */
export async function scrapeMetrics(url: string): Promise<Record<string, number>> {
  try {
    const text = await (await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
    const out: Record<string, number> = {};
    for (const line of text.split("\n")) {
      const m = /^([a-z_]+)(\{[^}]*\})? ([0-9.eE+-]+)$/.exec(line);
      if (m && !(m[1]! in out)) out[m[1]!] = Number(m[3]);
    }
    return out;
  } catch {
    return {};
  }
}

export const mb = (bytes: number | undefined): string => (bytes === undefined ? "?" : (bytes / 2 ** 20).toFixed(0));
