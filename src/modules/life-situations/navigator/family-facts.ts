import type { FamilyFacts } from './conditions.js';

/** Full years on `today` of a person born on `birthDate` (both 'YYYY-MM-DD'); a 29 February birthday counts on 1 March. */
export function fullYears(birthDate: string, today: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  const hadBirthday = tm > bm || (tm === bm && td >= bd);
  return ty - by - (hadBirthday ? 0 : 1);
}

/** The facts the navigator's conditions read, from the children's birth dates. */
export function familyFacts(birthDates: readonly string[], today: string): FamilyFacts {
  return { childAges: birthDates.map((b) => fullYears(b, today)).filter((a) => a >= 0) };
}
