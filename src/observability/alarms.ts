/** Something an operator must fix, shown on /readyz (without turning it not-ready) and on the dashboard. */
export interface Alarm {
  name: string;
  /** What officers read on the dashboard banner (Vietnamese). */
  message: string;
  since: number;
}

/** The alarms raised in this process; raising one that is up keeps its first `since`. */
export class Alarms {
  private readonly up = new Map<string, Alarm>();

  raise(name: string, message: string, now = Date.now()): void {
    if (!this.up.has(name)) this.up.set(name, { name, message, since: now });
  }

  clear(name: string): void {
    this.up.delete(name);
  }

  list(): Alarm[] {
    return [...this.up.values()];
  }
}
