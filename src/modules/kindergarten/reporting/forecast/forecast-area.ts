// The product's entry point: one area's population aged 0–7 for 1–5 years after its last observed year,
// with prediction intervals calibrated on backtests (see backtest.ts). Take-up rates and kindergarten
// capacity are applied elsewhere; this only counts children.

import { historyUpTo, type AreaHistory } from './area-history.js';
import { RECOMMENDED_METHOD, type ForecastMethod } from './forecast-methods.js';
import { intervalsAround, type IntervalCalibration } from './prediction-intervals.js';

export interface YearForecast {
  readonly year: number;
  /** Years after the origin, 1–5. */
  readonly horizon: number;
  /** Children by single year of age 0–7 (mid-year population). */
  readonly population: readonly number[];
  readonly lower: readonly number[];
  readonly upper: readonly number[];
}

export interface ForecastAreaOptions {
  /** Last year the forecast may read; defaults to the last year with population. */
  readonly origin?: number;
  readonly horizons: number;
  readonly calibration: IntervalCalibration;
  readonly method?: ForecastMethod;
}

export function forecastArea(history: AreaHistory, options: ForecastAreaOptions): YearForecast[] {
  const origin = options.origin ?? Math.max(...history.population.keys());
  if (!Number.isFinite(origin)) throw new RangeError('the history has no population');
  const method = options.method ?? RECOMMENDED_METHOD;
  const forecast = method.forecast(historyUpTo(history, origin), origin, options.horizons);
  const { lower, upper } = intervalsAround(forecast, options.calibration);
  return forecast.map((population, i) => ({
    year: origin + i + 1,
    horizon: i + 1,
    population,
    lower: lower[i]!,
    upper: upper[i]!,
  }));
}
