import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  calibrateIntervals,
  intervalAround,
  INTERVAL_WIDENING,
  intervalsAround,
  logHalfWidth,
  MIN_ERRORS_PER_CELL,
  quantile,
  type ForecastError,
} from './prediction-intervals.js';

/** `n` errors for one horizon and age with |ln(actual/forecast)| = the given values. */
const errors = (horizon: number, age: number, logs: readonly number[]): ForecastError[] =>
  logs.map((log, i) => ({ horizon, age, forecast: 100, actual: 100 * Math.exp(i % 2 ? log : -log) }));

describe('quantile', () => {
  it('interpolates linearly (type 7)', () => {
    expect(quantile([4, 1, 3, 2], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.8)).toBeCloseTo(3.4, 12);
    expect(quantile([5], 0.9)).toBe(5);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('calibrateIntervals', () => {
  const logs = Array.from({ length: 21 }, (_, i) => i / 1000); // 0, 0.001, …, 0.020

  it('takes the level quantile of absolute log errors by horizon and age', () => {
    const calibration = calibrateIntervals(
      [
        ...errors(1, 0, logs),
        ...errors(
          1,
          1,
          logs.map((x) => 2 * x),
        ),
      ],
      0.8,
    );
    expect(calibration.counts).toEqual([42]);
    expect(calibration.halfWidth[0]![0]).toBeCloseTo(0.016, 12);
    expect(calibration.halfWidth[0]![1]).toBeCloseTo(0.032, 12);
  });

  it('lets a thin cell borrow the quantile of all ages at its horizon', () => {
    const thin = errors(1, 2, [0.5, 0.5]);
    const calibration = calibrateIntervals([...errors(1, 0, logs), ...thin], 0.5);
    expect(thin.length).toBeLessThan(MIN_ERRORS_PER_CELL);
    const pooled = quantile([...logs, 0.5, 0.5], 0.5);
    expect(calibration.halfWidth[0]![2]).toBeCloseTo(pooled, 12);
    expect(calibration.halfWidth[0]![7]).toBeCloseTo(pooled, 12);
  });

  it('skips errors without a log and rejects a level outside (0, 1)', () => {
    const calibration = calibrateIntervals([{ horizon: 1, age: 0, forecast: 0, actual: 5 }]);
    expect(calibration.counts).toEqual([]);
    expect(() => calibrateIntervals([], 1)).toThrow(/level/);
  });
});

describe('logHalfWidth beyond the calibrated horizons', () => {
  const flat = (h: number, q: number): ForecastError[] => errors(h, 0, new Array(21).fill(q));

  it('extends the last two horizons linearly', () => {
    const calibration = calibrateIntervals([...flat(1, 0.01), ...flat(2, 0.03)]);
    expect(logHalfWidth(calibration, 2, 0)).toBeCloseTo(0.03, 12);
    expect(logHalfWidth(calibration, 3, 0)).toBeCloseTo(0.05, 12);
    expect(logHalfWidth(calibration, 5, 0)).toBeCloseTo(0.09, 12);
  });

  it('grows in proportion to the horizon from a single one, and never shrinks', () => {
    expect(logHalfWidth(calibrateIntervals(flat(1, 0.01)), 3, 0)).toBeCloseTo(0.03, 12);
    const shrinking = calibrateIntervals([...flat(1, 0.05), ...flat(2, 0.03)]);
    expect(logHalfWidth(shrinking, 4, 0)).toBeCloseTo(0.03, 12);
  });

  it('refuses a horizon below every calibrated one', () => {
    expect(() => logHalfWidth(calibrateIntervals(flat(2, 0.01)), 1, 0)).toThrow(/no calibrated horizon/);
  });
});

describe('intervalAround', () => {
  it('is forecast × e^(±q): positive, containing the forecast, proportional to it', () => {
    const calibration = calibrateIntervals(errors(1, 0, new Array(21).fill(0.1)));
    const { lower, upper } = intervalAround(calibration, 1, 0, 200);
    expect(lower).toBeCloseTo(200 * Math.exp(-0.1 * INTERVAL_WIDENING), 9);
    expect(upper).toBeCloseTo(200 * Math.exp(0.1 * INTERVAL_WIDENING), 9);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 5 }),
        (value, h) => {
          const interval = intervalAround(calibration, h, 0, value);
          expect(interval.lower).toBeGreaterThanOrEqual(0);
          expect(interval.lower).toBeLessThanOrEqual(value);
          expect(interval.upper).toBeGreaterThanOrEqual(value);
        },
      ),
    );
  });

  it('lays intervals over a forecast by horizon and age', () => {
    const calibration = calibrateIntervals(errors(1, 0, new Array(21).fill(0.1)));
    const { lower, upper } = intervalsAround([[100, 50]], calibration);
    expect(lower[0]![1]).toBeCloseTo(50 * Math.exp(-0.1 * INTERVAL_WIDENING), 9);
    expect(upper[0]![0]).toBeCloseTo(100 * Math.exp(0.1 * INTERVAL_WIDENING), 9);
  });
});
