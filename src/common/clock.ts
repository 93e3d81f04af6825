/** Injectable time source, so that "the current school year" is testable. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(isoDate: string): Clock {
  const at = new Date(isoDate);
  if (Number.isNaN(at.getTime())) throw new Error(`Invalid fixed clock date: ${isoDate}`);
  return { now: () => new Date(at) };
}
