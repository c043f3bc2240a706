// A log-linear trend of a yearly series: ordinary least squares of ln(value) on the year. Used for births,
// where a constant yearly growth rate is the natural null model and the log keeps forecasts positive.

export interface LogLinearTrend {
  /** Growth per year on the log scale (0.01 ≈ +1 % a year). */
  readonly slope: number;
  /** ln(value) at year 0; only meaningful together with `slope`. */
  readonly intercept: number;
}

/** Fits the trend to the points given; fewer than two years (or one repeated year) give a flat trend. */
export function fitLogLinearTrend(
  points: readonly (readonly [year: number, value: number])[],
): LogLinearTrend {
  const usable = points.filter(([, value]) => value > 0);
  if (usable.length === 0) return { slope: 0, intercept: -Infinity };
  const n = usable.length;
  const meanYear = usable.reduce((sum, [year]) => sum + year, 0) / n;
  const meanLog = usable.reduce((sum, [, value]) => sum + Math.log(value), 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [year, value] of usable) {
    sxy += (year - meanYear) * (Math.log(value) - meanLog);
    sxx += (year - meanYear) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  return { slope, intercept: meanLog - slope * meanYear };
}

/** The fitted line's value in `year`. */
export function trendValue(trend: LogLinearTrend, year: number): number {
  return Math.exp(trend.intercept + trend.slope * year);
}

/**
 * Growth factor over `years` years when the yearly growth rate decays geometrically by `damping`
 * (Gardner–McKenzie damped trend): exp(slope · (φ + φ² + … + φ^years)). φ = 1 is the undamped trend.
 */
export function dampedGrowth(slope: number, damping: number, years: number): number {
  let steps = 0;
  let weight = 1;
  for (let i = 1; i <= years; i++) {
    weight *= damping;
    steps += weight;
  }
  return Math.exp(slope * steps);
}
