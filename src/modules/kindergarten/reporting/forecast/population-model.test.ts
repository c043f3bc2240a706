import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { historyUpTo, type AreaHistory } from './area-history.js';
import { projectPopulation, RECOMMENDED_OPTIONS, type ModelOptions } from './population-model.js';

const held: ModelOptions = {
  ratioAveraging: 'ratio-of-sums',
  ageZeroBirths: 'two-year-mean',
  births: { kind: 'held' },
};

// Built so every ratio is round: age 0 is 0.95 × the two-year mean of births (84), the cohort-change
// ratios are 1.2 (age 0 → 1), 1.01 (1 → 2), 0.99 (2 → 3) and 1 above.
const tiny: AreaHistory = {
  births: new Map([
    [2017, 80],
    [2018, 88],
    [2019, 80],
  ]),
  population: new Map([
    [2018, [79.8, 100, 100, 100, 100, 100, 100, 100]],
    [2019, [79.8, 95.76, 101, 99, 100, 100, 100, 100]],
  ]),
};

const closeTo = (actual: number[], expected: number[]): void => {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i]!, 9));
};

describe('projectPopulation', () => {
  it('carries cohorts by their ratios and places births at age 0 (hand-computed)', () => {
    const [year1, year2] = projectPopulation(tiny, 2019, 2, held);
    // Births held at 80: the two-year mean is 80, so age 0 is 0.95 × 80 = 76 in both years.
    closeTo(year1!, [76, 79.8 * 1.2, 95.76 * 1.01, 101 * 0.99, 99, 100, 100, 100]);
    closeTo(year2!, [76, 76 * 1.2, 79.8 * 1.2 * 1.01, 95.76 * 1.01 * 0.99, 101 * 0.99, 99, 100, 100]);
  });

  it('sets age 0 against births of the same year when asked', () => {
    const sameYear = { ...held, ratioAveraging: 'mean-of-ratios', ageZeroBirths: 'same-year' } as const;
    const [year1] = projectPopulation(tiny, 2019, 1, sameYear);
    expect(year1![0]).toBeCloseTo(80 * ((79.8 / 88 + 79.8 / 80) / 2), 9);
  });

  it('needs the origin population and a horizon of 1–5 years', () => {
    expect(() => projectPopulation(tiny, 2020, 1, held)).toThrow(/no population for the origin year 2020/);
    expect(() => projectPopulation(tiny, 2019, 0, held)).toThrow(/horizons/);
    expect(() => projectPopulation(tiny, 2019, 6, held)).toThrow(/horizons/);
  });
});

/** Histories with births for 1989–2022 and population for 2015–2022, all positive. */
const histories = fc
  .record({
    births: fc.array(fc.double({ min: 10, max: 1e5, noNaN: true }), { minLength: 34, maxLength: 34 }),
    population: fc.array(
      fc.array(fc.double({ min: 1, max: 1e5, noNaN: true }), { minLength: 8, maxLength: 8 }),
      {
        minLength: 8,
        maxLength: 8,
      },
    ),
  })
  .map(({ births, population }): AreaHistory => ({
    births: new Map(births.map((b, i) => [1989 + i, b])),
    population: new Map(population.map((ages, i) => [2015 + i, ages])),
  }));

describe('projectPopulation, properties of the recommended method', () => {
  it('gives finite, non-negative forecasts', () => {
    fc.assert(
      fc.property(
        histories,
        fc.integer({ min: 2016, max: 2022 }),
        fc.integer({ min: 1, max: 5 }),
        (h, origin, n) => {
          const out = projectPopulation(historyUpTo(h, origin), origin, n, RECOMMENDED_OPTIONS);
          expect(out).toHaveLength(n);
          for (const ages of out)
            for (const value of ages) expect(Number.isFinite(value) && value >= 0).toBe(true);
        },
      ),
    );
  });

  it('scales with the area: births and population × k give forecasts × k', () => {
    fc.assert(
      fc.property(histories, fc.double({ min: 0.01, max: 100, noNaN: true }), (h, k) => {
        const scaled: AreaHistory = {
          births: new Map([...h.births].map(([y, b]) => [y, b * k])),
          population: new Map([...h.population].map(([y, ages]) => [y, ages.map((p) => p * k)])),
        };
        const base = projectPopulation(h, 2022, 5);
        projectPopulation(scaled, 2022, 5).forEach((ages, i) =>
          ages.forEach((value, age) =>
            expect(value).toBeCloseTo(base[i]![age]! * k, 6 - Math.log10(value + 1)),
          ),
        );
      }),
    );
  });

  it('holds a stationary population still', () => {
    const stationary: AreaHistory = {
      births: new Map(Array.from({ length: 34 }, (_, i) => [1989 + i, 1000])),
      population: new Map(
        Array.from({ length: 8 }, (_, i) => [2015 + i, [990, 985, 984, 983, 982, 981, 980, 979]]),
      ),
    };
    const out = projectPopulation(stationary, 2019, 5);
    // Cohort-change ratios are 985/990, 984/985, …: every cohort follows the same path as before.
    for (const ages of out) closeTo(ages, [990, 985, 984, 983, 982, 981, 980, 979]);
  });
});
