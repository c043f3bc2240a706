/**
 * Age group (возрастная группа) of a child: full years on a reference day, by default 1 September of
 * the enrollment year (DOMAIN.md; some regions count on the desired date: municipality configuration).
 * Dates are 'YYYY-MM-DD' strings; pure string arithmetic, no time zones.
 *
 * The one source of the rule: the server (src/modules/kindergarten/queue/age-group.ts, which also
 * holds its SQL form, proved equal by age-group.db.test.ts) and the application wizard both use it.
 */
export type AgeRule = 'september_first' | 'desired_date';

export function fullYears(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 1 September of the school year a desired date falls in (a desired date after 1 September counts for that year). */
export function enrollmentSeptemberFirst(desiredDate: string): string {
  const [y, m] = desiredDate.split('-').map(Number) as [number, number];
  return `${m >= 9 ? y : y - 1}-09-01`;
}

/** The age group for an enrollment school year starting `septemberFirst` ('YYYY-09-01'). */
export function ageGroupFor(
  birthDate: string,
  septemberFirst: string,
  rule: AgeRule = 'september_first',
  desiredDate?: string,
): number {
  const on = rule === 'desired_date' && desiredDate ? desiredDate : septemberFirst;
  return Math.max(0, fullYears(birthDate, on));
}

/** The age group of an application: its child's birth date and desired date under the municipality's rule. */
export function applicationAgeGroup(birthDate: string, desiredDate: string, rule: AgeRule): number {
  return ageGroupFor(birthDate, enrollmentSeptemberFirst(desiredDate), rule, desiredDate);
}
