/**
 * Calendar arithmetic for the demo generator on plain numbers: a date is a day number (days since
 * 1970-01-01), a moment is a minute number (minutes since 1970-01-01T00:00Z). No Date objects in the
 * hot loops and no time zone but the region's own (UTC+3, like Kirov and Moscow).
 */

export type Day = number;
export type Minute = number;

const MS_PER_DAY = 86_400_000;
export const MINUTES_PER_DAY = 1440;
/** The region's offset from UTC: local office hours are converted with it. */
export const REGION_UTC_OFFSET_MINUTES = 180;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function dayOf(year: number, month: number, day: number): Day {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function parseDay(text: string): Day {
  const m = ISO_DATE.exec(text);
  if (!m) throw new Error(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(text)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = dayOf(y, mo, d);
  const back = ymd(day);
  if (back.year !== y || back.month !== mo || back.day !== d) throw new Error(`No such date: ${text}`);
  return day;
}

export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function ymd(day: Day): { year: number; month: number; day: number } {
  const date = new Date(day * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Monday = 0 … Sunday = 6. */
export function weekday(day: Day): number {
  return (((day + 3) % 7) + 7) % 7;
}

export function septemberFirst(year: number): Day {
  return dayOf(year, 9, 1);
}

/** The start of the school year a day belongs to: the latest 1 September on or before it. */
export function schoolYearStart(day: Day): Day {
  const year = yearOf(day);
  const sept = septemberFirst(year);
  return day >= sept ? sept : septemberFirst(year - 1);
}

/** The first 1 September on or after a day. */
export function nextSeptemberFirst(day: Day): Day {
  const sept = septemberFirst(yearOf(day));
  return day <= sept ? sept : septemberFirst(yearOf(day) + 1);
}

/** The same calendar day `years` later (29 February becomes 28 February in a common year). */
export function addYears(day: Day, years: number): Day {
  const { year, month, day: d } = ymd(day);
  const target = dayOf(year + years, month, d);
  return ymd(target).month === month ? target : dayOf(year + years, month, 28);
}

export function addMonths(day: Day, months: number): Day {
  const { year, month, day: d } = ymd(day);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const last = ymd(dayOf(y, m + 1, 1) - 1).day;
  return dayOf(y, m, Math.min(d, last));
}

/** Full years of age on a day, counted the civil way (a birthday on the day counts). */
export function fullYears(birth: Day, on: Day): number {
  const b = ymd(birth);
  const o = ymd(on);
  let years = o.year - b.year;
  if (o.month < b.month || (o.month === b.month && o.day < b.day)) years--;
  return years;
}

/** A moment at local time `hour:minute` in the region on a day. */
export function localMoment(day: Day, hour: number, minute = 0): Minute {
  return day * MINUTES_PER_DAY + hour * 60 + minute - REGION_UTC_OFFSET_MINUTES;
}

/** The region's local calendar day of a moment. */
export function localDay(moment: Minute): Day {
  return Math.floor((moment + REGION_UTC_OFFSET_MINUTES) / MINUTES_PER_DAY);
}

export function formatMoment(moment: Minute): string {
  return new Date(moment * 60_000).toISOString();
}
