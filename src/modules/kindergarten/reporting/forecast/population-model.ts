// Hamilton–Perry cohort-component projection of the population aged 0–7 (Hamilton & Perry 1962; Swanson,
// Schlottmann & Schmidt 2010): each cohort is carried forward one year at a time by its cohort-change
// ratio, and the new cohort aged 0 comes from (forecast) births. Pure: the caller decides what the model
// may see by passing a history that ends at the origin.

import { AGES, type AreaHistory } from './area-history.js';
import { forecastBirths, type BirthsForecastOptions } from './births-forecast.js';
import {
  ageZeroBase,
  ageZeroRatio,
  cohortChangeRatios,
  type AgeZeroBirths,
  type RatioAveraging,
} from './cohort-ratios.js';

/** The product reports 1–5 years ahead; the births echo needs the horizon below its youngest lag anyway. */
export const MAX_HORIZON = 5;

export interface ModelOptions {
  /** Estimate the ratios on the last n years up to the origin only; all observed years when absent. */
  readonly ratioYears?: number;
  readonly ratioAveraging: RatioAveraging;
  readonly ageZeroBirths: AgeZeroBirths;
  readonly births: BirthsForecastOptions;
}

/**
 * The method chosen on the development data (docs/forecast.md): ratio-of-sums cohort-change ratios over
 * every observed year, age 0 from the two-year mean of births, births from the mothers'-cohort echo
 * (births 22–27 years earlier) with a damped 3-year log-linear trend where that echo is not available.
 */
export const RECOMMENDED_OPTIONS: ModelOptions = {
  ratioAveraging: 'ratio-of-sums',
  ageZeroBirths: 'two-year-mean',
  births: {
    kind: 'mothers-cohort-echo',
    lags: [22, 27],
    fallback: { kind: 'log-linear-trend', years: 3, damping: 0.8, anchor: 'last-observed' },
  },
};

/**
 * Population by single year of age 0–7 in origin + 1 … origin + horizons (element h − 1 is h years ahead).
 * Reads only what `history` holds; pass `historyUpTo(history, origin)` to forecast honestly.
 * Throws a RangeError when the history lacks the population of the origin or any births to start from.
 */
export function projectPopulation(
  history: AreaHistory,
  origin: number,
  horizons: number,
  options: ModelOptions = RECOMMENDED_OPTIONS,
): number[][] {
  if (!Number.isInteger(horizons) || horizons < 1 || horizons > MAX_HORIZON) {
    throw new RangeError(`horizons must be an integer 1–${MAX_HORIZON}, got ${horizons}`);
  }
  const jumpOff = history.population.get(origin);
  if (!jumpOff) throw new RangeError(`no population for the origin year ${origin}`);
  const fromYear = options.ratioYears === undefined ? -Infinity : origin - options.ratioYears + 1;
  const ccr = cohortChangeRatios(history, options.ratioAveraging, fromYear);
  const toAgeZero = ageZeroRatio(history, options.ageZeroBirths, options.ratioAveraging, fromYear);
  const births = forecastBirths(history.births, origin, origin + horizons, options.births);

  const out: number[][] = [];
  let previous = jumpOff;
  for (let h = 1; h <= horizons; h++) {
    const year = origin + h;
    const base = ageZeroBase(births, year, options.ageZeroBirths);
    if (base === undefined) throw new RangeError(`no births to place the children aged 0 in ${year}`);
    const next = [base * toAgeZero];
    for (let age = 1; age < AGES; age++) next.push(previous[age - 1]! * ccr[age]!);
    out.push(next);
    previous = next;
  }
  return out;
}
