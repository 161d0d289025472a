/** The bot's notion of "now". BOT_NOW pins it for demos and tests (campaign phase, pace, quiet hours). */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(iso: string | Date): Clock {
  const at = new Date(iso).getTime();
  return { now: () => new Date(at) };
}

export function clockFromEnv(botNow: string | undefined): Clock {
  return botNow ? fixedClock(botNow) : systemClock;
}

/** The calendar day of an instant in Vietnam (UTC+7, no DST), YYYY-MM-DD. */
export function vnDayOf(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}
