/**
 * "On day D" means at the end of day D in the region's local time. The demo region (Kirov) keeps
 * UTC+3 all year (no daylight saving since 2014), so the offset is a constant; a region elsewhere
 * passes its own. Pure date arithmetic on 'YYYY-MM-DD' strings and epoch milliseconds.
 */
export const DEFAULT_UTC_OFFSET_MINUTES = 180;
const DAY_MS = 86_400_000;

export function dayNumber(day: string): number {
  return Math.floor(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

export function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayString(dayNumber(day) + days);
}

/** The same calendar day a year earlier (29 February → 28 February). */
export function minusOneYear(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y - 1, m, 0)).getUTCDate();
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The first instant after day D in local time: everything that happened before it happened "by D". */
export function endOfDay(day: string, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): number {
  return (dayNumber(day) + 1) * DAY_MS - offsetMinutes * 60_000;
}

/** The local calendar day of an instant. */
export function localDay(epochMs: number, offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): string {
  return new Date(epochMs + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Default reporting period of the flow indicators: the 12 months ending on D (D − 1 year, D]. */
export function defaultPeriodFrom(day: string): string {
  return addDays(minusOneYear(day), 1);
}
