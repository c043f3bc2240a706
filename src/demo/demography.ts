import { addMonths, addYears, dayOf, schoolYearStart, yearOf, type Day } from './calendar.js';
import type { Rng } from './random.js';

/**
 * The demographic model behind the demo region: births per year (declining about 3 % a year, as in
 * Russia since 2015), the share of children whose parents ever apply for a kindergarten place
 * (take-up), how long after birth parents register, and the date they ask for a place from.
 */

/** Share of children born in a municipality whose parents register them for a kindergarten place. */
export const TAKE_UP = 0.8;
/** Births fall by this factor a year (each earlier year had 3 % more births). */
const BIRTHS_TREND = 1.03;

/** Births in `year` for a municipality whose births the year before the reference year were `base`. */
export function birthsInYear(base: number, year: number, referenceYear: number, noise: number): number {
  return base * BIRTHS_TREND ** (referenceYear - 1 - year) * noise;
}

/** The birth window of the children in the data: the last 7½ school years up to the reference date. */
export function birthWindow(reference: Day): { from: Day; to: Day } {
  return { from: addMonths(addYears(schoolYearStart(reference), -7), -6), to: reference };
}

/**
 * Days from birth to registration, a mixture: most parents register in the first months (birth
 * certificate in hand after a week), some in the second year, a few only when the child is 2–4.
 */
export function registrationDelayDays(rng: Rng): number {
  const r = rng.next();
  if (r < 0.55) return 7 + Math.floor(rng.exponential(45));
  if (r < 0.8) return rng.int(120, 540);
  return rng.int(540, 1500);
}

/** P(delay ≤ days) of registrationDelayDays, for the expected number of registered children. */
export function registrationDelayCdf(days: number): number {
  const early = days < 7 ? 0 : 1 - Math.exp(-(days - 7 + 1) / 45);
  const middle = Math.min(1, Math.max(0, (days - 120 + 1) / 421));
  const late = Math.min(1, Math.max(0, (days - 540 + 1) / 961));
  return 0.55 * early + 0.25 * middle + 0.2 * late;
}

/**
 * The date from which the parents want a place: usually 1 September of the year the child turns 2 or 3,
 * sometimes from a year and a half, sometimes later; never before registration.
 */
export function drawDesiredDate(rng: Rng, birth: Day, registered: Day): Day {
  const birthYear = yearOf(birth);
  const r = rng.next();
  let desired: Day;
  if (r < 0.1) desired = addMonths(birth, 18);
  else if (r < 0.45) desired = dayOf(birthYear + 2, 9, 1);
  else if (r < 0.88) desired = dayOf(birthYear + 3, 9, 1);
  else desired = dayOf(birthYear + 4, 9, 1);
  if (desired > registered) return desired;
  // Registered late: from the next 1 September, or as soon as possible.
  return rng.chance(0.5)
    ? dayOf(yearOf(registered) + (registered < dayOf(yearOf(registered), 9, 1) ? 0 : 1), 9, 1)
    : registered + rng.int(1, 20);
}
