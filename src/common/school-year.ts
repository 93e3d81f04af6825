import { Clock } from "./clock";

/**
 * A school year is named by its start year (millésime): 2026 = 1 Sept 2026 → 31 Aug 2027.
 * LSU switches millésime at the start of September.
 */
export const SCHOOL_YEAR_START_MONTH = 9;

export function schoolYearOf(date: Date): number {
  const month = date.getUTCMonth() + 1;
  return month >= SCHOOL_YEAR_START_MONTH ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

export function currentSchoolYear(clock: Clock): number {
  return schoolYearOf(clock.now());
}

export function schoolYearBounds(year: number): { startsOn: string; endsOn: string } {
  return { startsOn: `${year}-09-01`, endsOn: `${year + 1}-08-31` };
}

export function schoolYearLabel(year: number): string {
  return `${year}-${year + 1}`;
}

/** Today as an ISO date (YYYY-MM-DD) in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
