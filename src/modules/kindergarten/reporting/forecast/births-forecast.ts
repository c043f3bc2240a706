// Births after the last observed year. Children born after the forecast origin are the largest source of
// error for ages 0–2, so this is where the methods differ most.

import { dampedGrowth, fitLogLinearTrend, trendValue } from './log-linear-trend.js';

export interface TrendBirths {
  readonly kind: 'log-linear-trend';
  /** Fit on the last `years` calendar years up to the last observed one (missing years are skipped). */
  readonly years: number;
  /** φ in (0, 1]: the yearly growth rate is multiplied by φ for each further year; 1 = undamped. */
  readonly damping: number;
  /** Extrapolate from the fitted line, or from the last observed births (keeps the jump-off exact). */
  readonly anchor: 'fitted-line' | 'last-observed';
}

/**
 * Births follow the size of the mothers' generation: births(y) = r · E(y), where the echo E(y) is the mean
 * of births `lags[0]`…`lags[1]` years before y (the area's own births of the years when today's young
 * mothers were born) and r = births/E in the last observed year, held constant. Migration and fertility
 * change move r slowly; the 1990s birth collapse and its echo move E a lot, and E is known years ahead.
 * Where the echo years are missing (short series, gaps) the `fallback` trend is used for the whole area.
 */
export interface EchoBirths {
  readonly kind: 'mothers-cohort-echo';
  readonly lags: readonly [youngest: number, oldest: number];
  readonly fallback: TrendBirths;
}

export type BirthsForecastOptions = { readonly kind: 'held' } | TrendBirths | EchoBirths;

/**
 * Observed births up to `lastObserved` (the forecast origin or earlier) extended with forecasts for
 * every year up to `until`. Throws if there are no births at all up to `lastObserved`.
 */
export function forecastBirths(
  births: ReadonlyMap<number, number>,
  lastObserved: number,
  until: number,
  options: BirthsForecastOptions,
): Map<number, number> {
  const observed = new Map([...births].filter(([year]) => year <= lastObserved));
  const jumpOff = Math.max(...observed.keys());
  if (!Number.isFinite(jumpOff)) throw new RangeError(`no births up to ${lastObserved}`);
  const project = forecaster(observed, jumpOff, until, options);
  const out = new Map(observed);
  for (let year = jumpOff + 1; year <= until; year++) out.set(year, project(year));
  return out;
}

function forecaster(
  observed: ReadonlyMap<number, number>,
  jumpOff: number,
  until: number,
  options: BirthsForecastOptions,
): (year: number) => number {
  const last = observed.get(jumpOff)!;
  switch (options.kind) {
    case 'held':
      return () => last;
    case 'log-linear-trend': {
      const points: [number, number][] = [];
      for (let year = jumpOff - options.years + 1; year <= jumpOff; year++) {
        const value = observed.get(year);
        if (value !== undefined) points.push([year, value]);
      }
      const trend = fitLogLinearTrend(points);
      const base = options.anchor === 'fitted-line' ? trendValue(trend, jumpOff) : last;
      return (year) => base * dampedGrowth(trend.slope, options.damping, year - jumpOff);
    }
    case 'mothers-cohort-echo': {
      const echo = (year: number): number | undefined => echoOf(observed, year, options.lags);
      const base = echo(jumpOff);
      let usable = base !== undefined && base > 0;
      for (let year = jumpOff + 1; usable && year <= until; year++) usable = echo(year) !== undefined;
      if (!usable) return forecaster(observed, jumpOff, until, options.fallback);
      return (year) => (last / base!) * echo(year)!;
    }
  }
}

/** Mean births `lags[0]`…`lags[1]` years before `year`, or `undefined` if any of those years is missing. */
function echoOf(
  observed: ReadonlyMap<number, number>,
  year: number,
  [youngest, oldest]: readonly [number, number],
): number | undefined {
  let sum = 0;
  for (let lag = youngest; lag <= oldest; lag++) {
    const value = observed.get(year - lag);
    if (value === undefined) return undefined;
    sum += value;
  }
  return sum / (oldest - youngest + 1);
}
