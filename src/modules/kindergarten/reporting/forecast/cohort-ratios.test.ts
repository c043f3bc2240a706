import { describe, it, expect } from 'vitest';
import type { AreaHistory } from './area-history.js';
import { ageZeroBase, ageZeroRatio, cohortChangeRatios } from './cohort-ratios.js';

const history = (births: [number, number][], population: [number, number[]][]): AreaHistory => ({
  births: new Map(births),
  population: new Map(population),
});

describe('cohortChangeRatios', () => {
  const h = history(
    [],
    [
      [2018, [10, 20, 0, 40, 50, 60, 70, 80]],
      [2019, [11, 12, 22, 5, 40, 50, 60, 70]],
      [2020, [12, 13, 14, 20, 42, 40, 50, 60]],
    ],
  );

  it('averages yearly ratios or takes the ratio of sums', () => {
    const mean = cohortChangeRatios(h, 'mean-of-ratios');
    const sums = cohortChangeRatios(h, 'ratio-of-sums');
    expect(mean[0]).toBe(1);
    expect(mean[1]).toBeCloseTo((12 / 10 + 13 / 11) / 2, 12);
    expect(sums[1]).toBeCloseTo(25 / 21, 12);
    // Age 3 in 2019 came from 0 children aged 2 in 2018: that year has no ratio, the sums still count it.
    expect(mean[3]).toBeCloseTo(20 / 22, 12);
    expect(sums[3]).toBeCloseTo(25 / 22, 12);
  });

  it('uses only the years from `fromYear` on', () => {
    expect(cohortChangeRatios(h, 'mean-of-ratios', 2020)[1]).toBeCloseTo(13 / 11, 12);
  });

  it('keeps a cohort unchanged when no year pair exists', () => {
    const single = history([], [[2020, [1, 2, 3, 4, 5, 6, 7, 8]]]);
    expect(cohortChangeRatios(single, 'ratio-of-sums')).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
  });
});

describe('ageZeroRatio', () => {
  const h = history(
    [
      [2017, 100],
      [2018, 120],
      [2019, 80],
    ],
    [
      [2018, [99, 0, 0, 0, 0, 0, 0, 0]],
      [2019, [90, 0, 0, 0, 0, 0, 0, 0]],
    ],
  );

  it('sets the mid-year population aged 0 against births of the year, or of the year and the year before', () => {
    expect(ageZeroBase(h.births, 2019, 'same-year')).toBe(80);
    expect(ageZeroBase(h.births, 2019, 'two-year-mean')).toBe(100);
    expect(ageZeroBase(h.births, 2017, 'two-year-mean')).toBeUndefined();
    expect(ageZeroRatio(h, 'same-year', 'mean-of-ratios')).toBeCloseTo((99 / 120 + 90 / 80) / 2, 12);
    expect(ageZeroRatio(h, 'two-year-mean', 'mean-of-ratios')).toBeCloseTo((99 / 110 + 90 / 100) / 2, 12);
    expect(ageZeroRatio(h, 'two-year-mean', 'ratio-of-sums')).toBeCloseTo(189 / 210, 12);
  });

  it('says so when no year has both population aged 0 and births', () => {
    const none = history([[2019, 5]], [[2018, [1, 1, 1, 1, 1, 1, 1, 1]]]);
    expect(() => ageZeroRatio(none, 'two-year-mean', 'ratio-of-sums')).toThrow(/no year has both/);
  });
});
