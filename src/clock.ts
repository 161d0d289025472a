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
