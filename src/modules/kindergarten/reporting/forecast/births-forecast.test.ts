import { describe, it, expect } from 'vitest';
import { forecastBirths, type TrendBirths } from './births-forecast.js';

const births = (entries: [number, number][]): Map<number, number> => new Map(entries);
const trend = (damping: number, anchor: TrendBirths['anchor']): TrendBirths => ({
  kind: 'log-linear-trend',
  years: 3,
  damping,
  anchor,
});

describe('forecastBirths', () => {
  const growing = births([
    [2016, 1000],
    [2017, 100],
    [2018, 110],
    [2019, 121],
  ]);

  it('keeps observed years and holds the last level', () => {
    const out = forecastBirths(growing, 2019, 2021, { kind: 'held' });
    expect([...out]).toEqual([
      [2016, 1000],
      [2017, 100],
      [2018, 110],
      [2019, 121],
      [2020, 121],
      [2021, 121],
    ]);
  });

  it('extends a log-linear trend of the last 3 years, damped or not', () => {
    const undamped = forecastBirths(growing, 2019, 2021, trend(1, 'last-observed'));
    expect(undamped.get(2020)).toBeCloseTo(133.1, 9);
    expect(undamped.get(2021)).toBeCloseTo(146.41, 9);
    const damped = forecastBirths(growing, 2019, 2021, trend(0.5, 'last-observed'));
    expect(damped.get(2020)).toBeCloseTo(121 * 1.1 ** 0.5, 9);
    expect(damped.get(2021)).toBeCloseTo(121 * 1.1 ** 0.75, 9);
  });

  it('extrapolates the fitted line, not the last point, with the fitted-line anchor', () => {
    const bumpy = births([
      [2017, Math.E],
      [2018, Math.exp(2)],
      [2019, Math.exp(4)],
    ]);
    const out = forecastBirths(bumpy, 2019, 2020, trend(1, 'fitted-line'));
    expect(Math.log(out.get(2020)!)).toBeCloseTo(7 / 3 + 3, 9);
  });

  it('reads nothing after the last observed year and starts from the latest year it has', () => {
    const out = forecastBirths(growing, 2018, 2019, { kind: 'held' });
    expect(out.get(2019)).toBe(110);
    const lagged = forecastBirths(births([[2015, 7]]), 2019, 2019, { kind: 'held' });
    expect([...lagged.keys()]).toEqual([2015, 2016, 2017, 2018, 2019]);
  });

  it('scales births by the echo of the mothers’ generation', () => {
    const history = births([
      [2015, 100],
      [2016, 200],
      [2017, 300],
      [2018, 400],
    ]);
    const echo = { kind: 'mothers-cohort-echo', lags: [2, 3], fallback: trend(1, 'last-observed') } as const;
    // E(2018) = (200 + 100)/2 = 150, r = 400/150; E(2019) = (300 + 200)/2; E(2020) = (400 + 300)/2.
    const out = forecastBirths(history, 2018, 2020, echo);
    expect(out.get(2019)).toBeCloseTo((400 / 150) * 250, 9);
    expect(out.get(2020)).toBeCloseTo((400 / 150) * 350, 9);
  });

  it('falls back to the trend for the whole area when an echo year is missing', () => {
    const history = births([
      [2016, 200],
      [2017, 300],
      [2018, 400],
    ]);
    const fallback = trend(1, 'last-observed');
    const echo = { kind: 'mothers-cohort-echo', lags: [2, 3], fallback } as const;
    expect(forecastBirths(history, 2018, 2020, echo)).toEqual(forecastBirths(history, 2018, 2020, fallback));
  });

  it('refuses a history without births', () => {
    expect(() => forecastBirths(births([[2020, 5]]), 2019, 2021, { kind: 'held' })).toThrow(
      /no births up to 2019/,
    );
  });
});
