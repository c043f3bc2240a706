// The backtest protocol (shared/specs/forecast-backtest.md): for every origin T with population for T − 1,
// T and T + 3, forecast each area's population aged 0–7 in T + 1 … T + 3 from the history cut at T, and
// score the mean absolute percentage error over areas × ages × origins. The cut is made here, before the
// method is called, so no method can look ahead whatever it does.

import { AGES, historyUpTo, type AreaHistory } from './area-history.js';
import type { ForecastMethod } from './forecast-methods.js';
import { MAX_HORIZON } from './population-model.js';
import {
  calibrateIntervals,
  intervalAround,
  type ForecastError,
  type IntervalCalibration,
} from './prediction-intervals.js';

export interface BacktestArea {
  readonly code: string;
  readonly history: AreaHistory;
}

export interface BacktestOptions {
  /** Years ahead scored at every origin; the protocol uses 3. */
  readonly horizons?: number;
  /** Central probability of the prediction intervals checked; 0.8 by default. */
  readonly intervalLevel?: number;
}

export interface BacktestCell extends ForecastError {
  readonly area: string;
  readonly origin: number;
  /** Interval calibrated on forecasts completed by the origin; absent when there were none yet. */
  readonly lower?: number;
  readonly upper?: number;
}

/** Percentages keyed by horizon ("1", "2", …). */
export type ByHorizon = Record<string, number>;

export interface BacktestResult {
  readonly method: ForecastMethod;
  readonly horizons: number;
  readonly origins: readonly number[];
  /** Areas with at least one scored cell. */
  readonly areas: number;
  /** Scored cells of the protocol origins (actual > 0). */
  readonly cells: readonly BacktestCell[];
  readonly mape: ByHorizon;
  readonly byOrigin: Record<string, ByHorizon>;
  readonly byAge: Record<string, ByHorizon>;
  readonly intervals: {
    readonly level: number;
    /** Origins whose intervals could be calibrated on earlier, completed forecasts. */
    readonly origins: readonly number[];
    /** Share of actuals inside the interval, %, by horizon. */
    readonly coverage: ByHorizon;
    /** Mean interval width as % of the forecast, by horizon. */
    readonly width: ByHorizon;
  };
  /** Calibration on every completed forecast: the one to use for forecasts from the last year. */
  readonly calibration: IntervalCalibration;
}

/** Years T with population (in any area) for T − 1, T and T + horizons. */
export function backtestOrigins(areas: readonly BacktestArea[], horizons = 3): number[] {
  const years = new Set(areas.flatMap((area) => [...area.history.population.keys()]));
  return [...years].filter((t) => years.has(t - 1) && years.has(t + horizons)).sort((a, b) => a - b);
}

export function runBacktest(
  areas: readonly BacktestArea[],
  method: ForecastMethod,
  options: BacktestOptions = {},
): BacktestResult {
  const horizons = options.horizons ?? 3;
  const level = options.intervalLevel ?? 0.8;
  if (!Number.isInteger(horizons) || horizons < 1 || horizons > MAX_HORIZON) {
    throw new RangeError(`horizons must be an integer 1–${MAX_HORIZON}, got ${horizons}`);
  }
  const origins = backtestOrigins(areas, horizons);
  if (origins.length === 0) {
    throw new RangeError(`no origin T has population for T − 1, T and T + ${horizons}`);
  }

  // Every origin with at least one year to score feeds the interval calibration; the protocol origins
  // are a subset. Each forecast is made once, from the history cut at its origin.
  const allYears = new Set(areas.flatMap((area) => [...area.history.population.keys()]));
  const lastYear = Math.max(...allYears);
  const completed: BacktestCell[] = [];
  for (const origin of [...allYears]
    .filter((t) => allYears.has(t - 1) && t < lastYear)
    .sort((a, b) => a - b)) {
    const reach = Math.min(horizons, lastYear - origin);
    for (const area of areas) {
      const { population } = area.history;
      if (!population.has(origin) || !population.has(origin - 1)) continue;
      let forecast: number[][];
      try {
        forecast = method.forecast(historyUpTo(area.history, origin), origin, reach);
      } catch (error) {
        throw new Error(`area ${area.code}, origin ${origin}: ${(error as Error).message}`, { cause: error });
      }
      for (let h = 1; h <= reach; h++) {
        const actual = population.get(origin + h);
        if (!actual) continue;
        for (let age = 0; age < AGES; age++) {
          if (actual[age]! > 0) {
            completed.push({
              area: area.code,
              origin,
              horizon: h,
              age,
              forecast: forecast[h - 1]![age]!,
              actual: actual[age]!,
            });
          }
        }
      }
    }
  }

  const cells: BacktestCell[] = [];
  const calibrated: number[] = [];
  for (const origin of origins) {
    const known = completed.filter((c) => c.origin + c.horizon <= origin);
    const calibration = known.length > 0 ? calibrateIntervals(known, level) : undefined;
    if (calibration) calibrated.push(origin);
    for (const cell of completed) {
      if (cell.origin !== origin) continue;
      if (!calibration) {
        cells.push(cell);
        continue;
      }
      cells.push({ ...cell, ...intervalAround(calibration, cell.horizon, cell.age, cell.forecast) });
    }
  }

  const withIntervals = cells.filter((c) => c.lower !== undefined);
  return {
    method,
    horizons,
    origins,
    areas: new Set(cells.map((c) => c.area)).size,
    cells,
    mape: byHorizon(cells, horizons, absolutePercentageError),
    byOrigin: groupBy(origins, (origin) =>
      byHorizon(
        cells.filter((c) => c.origin === origin),
        horizons,
        absolutePercentageError,
      ),
    ),
    byAge: groupBy(
      Array.from({ length: AGES }, (_, age) => age),
      (age) =>
        byHorizon(
          cells.filter((c) => c.age === age),
          horizons,
          absolutePercentageError,
        ),
    ),
    intervals: {
      level,
      origins: calibrated,
      coverage: byHorizon(withIntervals, horizons, (c) =>
        c.lower! <= c.actual && c.actual <= c.upper! ? 100 : 0,
      ),
      width: byHorizon(withIntervals, horizons, (c) => ((c.upper! - c.lower!) / c.forecast) * 100),
    },
    calibration: calibrateIntervals(completed, level),
  };
}

function absolutePercentageError(cell: ForecastError): number {
  return (Math.abs(cell.forecast - cell.actual) / cell.actual) * 100;
}

/** Mean of `score` by horizon; horizons without cells are left out. */
function byHorizon(
  cells: readonly BacktestCell[],
  horizons: number,
  score: (cell: BacktestCell) => number,
): ByHorizon {
  const out: ByHorizon = {};
  for (let h = 1; h <= horizons; h++) {
    const scores = cells.filter((c) => c.horizon === h).map(score);
    if (scores.length > 0) out[String(h)] = scores.reduce((sum, s) => sum + s, 0) / scores.length;
  }
  return out;
}

function groupBy<K extends number>(
  keys: readonly K[],
  value: (key: K) => ByHorizon,
): Record<string, ByHorizon> {
  return Object.fromEntries(keys.map((key) => [String(key), value(key)]));
}
