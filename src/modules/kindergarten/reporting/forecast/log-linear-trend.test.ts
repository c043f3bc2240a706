import { describe, it, expect } from 'vitest';
import { dampedGrowth, fitLogLinearTrend, trendValue } from './log-linear-trend.js';

describe('fitLogLinearTrend', () => {
  it('recovers a constant growth rate exactly', () => {
    const trend = fitLogLinearTrend([
      [2017, 100],
      [2018, 110],
      [2019, 121],
    ]);
    expect(trend.slope).toBeCloseTo(Math.log(1.1), 12);
    expect(trendValue(trend, 2020)).toBeCloseTo(133.1, 9);
  });

  it('fits least squares on the log scale', () => {
    // ln values 1, 2, 4 at years 0, 1, 2: slope 1.5, line through (1, 7/3).
    const trend = fitLogLinearTrend([
      [0, Math.E],
      [1, Math.exp(2)],
      [2, Math.exp(4)],
    ]);
    expect(trend.slope).toBeCloseTo(1.5, 12);
    expect(Math.log(trendValue(trend, 3))).toBeCloseTo(7 / 3 + 3, 12);
  });

  it('is flat with one point', () => {
    const trend = fitLogLinearTrend([[2020, 50]]);
    expect(trend.slope).toBe(0);
    expect(trendValue(trend, 2030)).toBeCloseTo(50, 12);
  });
});

describe('dampedGrowth', () => {
  it('is exp(slope · (φ + … + φ^k))', () => {
    expect(dampedGrowth(0.1, 1, 3)).toBeCloseTo(Math.exp(0.3), 12);
    expect(dampedGrowth(0.1, 0.5, 3)).toBeCloseTo(Math.exp(0.1 * (0.5 + 0.25 + 0.125)), 12);
    expect(dampedGrowth(0.1, 0.8, 0)).toBe(1);
  });
});
