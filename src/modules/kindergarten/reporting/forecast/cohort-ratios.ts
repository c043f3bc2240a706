// The two kinds of ratio a Hamilton–Perry projection needs, estimated from one area's history:
// cohort-change ratios for ages 1–7 (survival and net migration of a cohort over a year) and the ratio of
// the population aged 0 to births (infant survival, migration and the mid-year timing in one number).

import { AGES, type AreaHistory } from './area-history.js';

/**
 * How yearly ratios are combined: the plain mean of each year's ratio, or the ratio of the sums over the
 * years (weights years by size, and tolerates a zero denominator in one year, which small areas have).
 */
export type RatioAveraging = 'mean-of-ratios' | 'ratio-of-sums';

/**
 * Which births the mid-year population aged 0 is set against. The mid-year (average annual) population
 * aged 0 in year t is about half the survivors of births in t − 1 and half of those in t: on 1 January of
 * t everyone aged 0 was born in t − 1, on 1 January of t + 1 in t. `two-year-mean` uses (B(t−1) + B(t))/2.
 */
export type AgeZeroBirths = 'same-year' | 'two-year-mean';

/** Births `ageZeroBirths` sets the population aged 0 of `year` against, or `undefined` if any is missing. */
export function ageZeroBase(
  births: ReadonlyMap<number, number>,
  year: number,
  ageZeroBirths: AgeZeroBirths,
): number | undefined {
  const current = births.get(year);
  if (ageZeroBirths === 'same-year' || current === undefined) return current;
  const previous = births.get(year - 1);
  return previous === undefined ? undefined : (previous + current) / 2;
}

/**
 * Population aged 0 per unit of `ageZeroBase`, over every year from `fromYear` on with both. Throws if no
 * year has both: the model cannot place children born after the origin without it.
 */
export function ageZeroRatio(
  history: AreaHistory,
  ageZeroBirths: AgeZeroBirths,
  averaging: RatioAveraging,
  fromYear = -Infinity,
): number {
  const pairs: [number, number][] = [];
  for (const [year, ages] of history.population) {
    if (year < fromYear) continue;
    const base = ageZeroBase(history.births, year, ageZeroBirths);
    if (base !== undefined) pairs.push([ages[0]!, base]);
  }
  const ratio = combine(pairs, averaging);
  if (ratio === undefined) {
    const needs = ageZeroBirths === 'same-year' ? 'the same year' : 'that year and the year before';
    throw new RangeError(`no year has both population aged 0 and births of ${needs}`);
  }
  return ratio;
}

/**
 * Cohort-change ratios pop(a, t) / pop(a − 1, t − 1) for a = 1…7 (index 0 unused, set to 1), over every
 * pair of consecutive years with t ≥ `fromYear`. An age with no usable pair keeps the cohort unchanged (1).
 */
export function cohortChangeRatios(
  history: AreaHistory,
  averaging: RatioAveraging,
  fromYear = -Infinity,
): number[] {
  const ratios = [1];
  for (let age = 1; age < AGES; age++) {
    const pairs: [number, number][] = [];
    for (const [year, ages] of history.population) {
      if (year < fromYear) continue;
      const before = history.population.get(year - 1);
      if (before) pairs.push([ages[age]!, before[age - 1]!]);
    }
    ratios.push(combine(pairs, averaging) ?? 1);
  }
  return ratios;
}

/** Combines (numerator, denominator) pairs; pairs with a zero denominator are skipped by the mean. */
function combine(
  pairs: readonly (readonly [number, number])[],
  averaging: RatioAveraging,
): number | undefined {
  if (averaging === 'ratio-of-sums') {
    const denominator = pairs.reduce((sum, [, d]) => sum + d, 0);
    return denominator > 0 ? pairs.reduce((sum, [n]) => sum + n, 0) / denominator : undefined;
  }
  const ratios = pairs.filter(([, d]) => d > 0).map(([n, d]) => n / d);
  return ratios.length > 0 ? ratios.reduce((sum, r) => sum + r, 0) / ratios.length : undefined;
}
