// Empirical prediction intervals: the spread of past forecast errors, by horizon and age, laid around a new
// forecast. An error is measured as |ln(actual / forecast)|, so it scales with the size of the area and the
// interval stays positive. Calibrated on backtests of the same method over completed years only.
//
// The interval is symmetric on the log scale, F·e^(−q) … F·e^(+q), with q the `level` quantile of past
// absolute log errors. Signed quantiles would carry over last year's bias (all regions' births fell more
// than forecast in 2017), and the bias of the next year need not have the same sign.

import { AGES } from './area-history.js';

export interface ForecastError {
  readonly horizon: number;
  readonly age: number;
  readonly forecast: number;
  readonly actual: number;
}

export interface IntervalCalibration {
  /** Probability the interval should cover, e.g. 0.8. */
  readonly level: number;
  /** The `level` quantile of |ln(actual / forecast)|, [horizon − 1][age]; NaN where never observed. */
  readonly halfWidth: readonly (readonly number[])[];
  /** Errors behind each horizon (all ages), 0 where the horizon was never observed. */
  readonly counts: readonly number[];
}

/** A horizon × age cell with fewer errors than this borrows the quantile of all ages at that horizon. */
export const MIN_ERRORS_PER_CELL = 20;

/** Quantiles of past absolute log errors by horizon and age; errors with a zero forecast or actual are left out. */
export function calibrateIntervals(errors: readonly ForecastError[], level = 0.8): IntervalCalibration {
  if (!(level > 0 && level < 1)) throw new RangeError(`level must be in (0, 1), got ${level}`);
  const byCell = new Map<string, number[]>();
  const byHorizon = new Map<number, number[]>();
  for (const e of errors) {
    if (!(e.forecast > 0 && e.actual > 0)) continue;
    const value = Math.abs(Math.log(e.actual / e.forecast));
    push(byCell, `${e.horizon}:${e.age}`, value);
    push(byHorizon, e.horizon, value);
  }
  const maxHorizon = Math.max(0, ...byHorizon.keys());
  const halfWidth: number[][] = [];
  const counts: number[] = [];
  for (let h = 1; h <= maxHorizon; h++) {
    const pooled = byHorizon.get(h) ?? [];
    counts.push(pooled.length);
    const row: number[] = [];
    for (let age = 0; age < AGES; age++) {
      const cell = byCell.get(`${h}:${age}`) ?? [];
      row.push(quantile(cell.length >= MIN_ERRORS_PER_CELL ? cell : pooled, level));
    }
    halfWidth.push(row);
  }
  return { level, halfWidth, counts };
}

/**
 * Half-width q on the log scale for `horizon` and `age`. Beyond the calibrated horizons q is extended
 * linearly from the last two calibrated horizons (errors grow with the horizon, mostly through births),
 * or in proportion to the horizon when only one is known; it never shrinks below the last calibrated one.
 */
export function logHalfWidth(calibration: IntervalCalibration, horizon: number, age: number): number {
  const known = calibration.counts.flatMap((count, i) => (count > 0 ? [i + 1] : []));
  const at = (h: number): number => calibration.halfWidth[h - 1]![age]!;
  if (known.includes(horizon)) return at(horizon);
  const last = known.filter((h) => h < horizon).at(-1);
  if (last === undefined) throw new RangeError(`no calibrated horizon at or below ${horizon}`);
  const before = known.filter((h) => h < last).at(-1) ?? 0;
  const slope = (at(last) - (before === 0 ? 0 : at(before))) / (last - before);
  return Math.max(at(last), at(last) + slope * (horizon - last));
}

/**
 * The factor on q that calibrates the intervals out of sample. Quantiles of errors already completed at
 * an origin under-cover the next years' errors (74–78 % for a nominal 80 % on the development half: the
 * errors of later years are larger than those of the years before them). One factor for every horizon,
 * age and region, chosen once on the development half (shared/data/births-population-dev, origins
 * 2016–2019) so that each horizon's coverage falls in 77–83 %; `npm run forecast:backtest` reports it as
 * `coverage_80`.
 */
export const INTERVAL_WIDENING = 1.15;

/** The interval around one forecast value: F·e^(−kq) … F·e^(+kq), k = INTERVAL_WIDENING. */
export function intervalAround(
  calibration: IntervalCalibration,
  horizon: number,
  age: number,
  forecast: number,
): { lower: number; upper: number } {
  const q = logHalfWidth(calibration, horizon, age) * INTERVAL_WIDENING;
  return { lower: forecast * Math.exp(-q), upper: forecast * Math.exp(q) };
}

/** Lower and upper bounds around a forecast laid out [horizon − 1][age]. */
export function intervalsAround(
  forecast: readonly (readonly number[])[],
  calibration: IntervalCalibration,
): { lower: number[][]; upper: number[][] } {
  const intervals = forecast.map((ages, i) =>
    ages.map((value, age) => intervalAround(calibration, i + 1, age, value)),
  );
  return {
    lower: intervals.map((ages) => ages.map((interval) => interval.lower)),
    upper: intervals.map((ages) => ages.map((interval) => interval.upper)),
  };
}

/** Linear-interpolation quantile (Hyndman–Fan type 7, R's and NumPy's default); NaN for no data. */
export function quantile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.min(below + 1, sorted.length - 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

function push<K>(map: Map<K, number[]>, key: K, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
