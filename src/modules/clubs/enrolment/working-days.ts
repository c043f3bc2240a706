/**
 * Working days for the Госуслуги deadlines: Monday to Friday, minus the region's non-working days
 * (the production calendar is configuration: the federal holidays of ТК РФ ст. 112 and the
 * government's transfers change every year).
 */
function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

export function isWorkingDay(day: string, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
}

/** The day `n` working days after `day` (the submission day itself does not count). */
export function addWorkingDays(day: string, n: number, holidays: ReadonlySet<string> = new Set()): string {
  let current = day;
  let left = n;
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current, holidays)) left--;
  }
  return current;
}
