/**
 * Which day of a cyclic (typical) menu a school serves on a date: day 1 on the cycle's first school
 * day, then one cycle day per school day — weekdays of the school's week (5 or 6 days) that the
 * school calendar does not mark off (holidays, vacations, quarantine) — and round again after the
 * last. Pure: dates are `YYYY-MM-DD` strings, days off a set of them.
 */
export interface CycleCalendar {
  /** The first day of the cycle (day 1 falls on it, or on the first school day after it). */
  startsOn: string;
  /** Days in the cycle (10 for a two-week cycle of a five-day school). */
  days: number;
  /** 5: Monday–Friday; 6: Monday–Saturday. */
  weekDays: 5 | 6;
  daysOff: ReadonlySet<string>;
}

export interface ScheduledDay {
  date: string;
  cycleDay: number;
}

const DAY_MS = 86_400_000;
const toTime = (date: string) => Date.parse(`${date}T00:00:00Z`);
const toDate = (time: number) => new Date(time).toISOString().slice(0, 10);

/** Monday = 1 … Sunday = 7. */
export function isoWeekday(date: string): number {
  const d = new Date(toTime(date)).getUTCDay();
  return d === 0 ? 7 : d;
}

export function isSchoolDay(date: string, calendar: Pick<CycleCalendar, 'weekDays' | 'daysOff'>): boolean {
  return isoWeekday(date) <= calendar.weekDays && !calendar.daysOff.has(date);
}

/** Every school day in [from, to] with its cycle day; days before the cycle starts are left out. */
export function scheduleCycle(from: string, to: string, calendar: CycleCalendar): ScheduledDay[] {
  if (!(calendar.days >= 1)) throw new Error('A cycle has at least one day');
  const out: ScheduledDay[] = [];
  const end = toTime(to);
  let served = 0;
  for (let t = toTime(calendar.startsOn); t <= end; t += DAY_MS) {
    const date = toDate(t);
    if (!isSchoolDay(date, calendar)) continue;
    const cycleDay = (served % calendar.days) + 1;
    served++;
    if (date >= from) out.push({ date, cycleDay });
  }
  return out;
}

/** The cycle day served on one date, or null when it is no school day or before the cycle. */
export function cycleDayOn(date: string, calendar: CycleCalendar): number | null {
  return scheduleCycle(date, date, calendar)[0]?.cycleDay ?? null;
}

/** The dates from `from` to `to`, both included (at most `limit`). */
export function datesBetween(from: string, to: string, limit = 400): string[] {
  const out: string[] = [];
  for (let t = toTime(from); t <= toTime(to) && out.length < limit; t += DAY_MS) out.push(toDate(t));
  return out;
}

export function addDays(date: string, days: number): string {
  return toDate(toTime(date) + days * DAY_MS);
}
