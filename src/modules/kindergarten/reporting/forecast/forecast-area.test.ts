import { describe, it, expect } from 'vitest';
import type { AreaHistory } from './area-history.js';
import { forecastArea } from './forecast-area.js';
import { projectPopulation } from './population-model.js';
import { calibrateIntervals, INTERVAL_WIDENING } from './prediction-intervals.js';

const municipality: AreaHistory = {
  births: new Map(Array.from({ length: 30 }, (_, i) => [1994 + i, 300 + 5 * i])),
  population: new Map(
    Array.from({ length: 5 }, (_, i) => [2019 + i, [290, 300, 305, 310, 300, 295, 290, 285]]),
  ),
};

// Errors of |ln| = 0.02 at 1 year and 0.05 at 2 years for every age.
const calibration = calibrateIntervals(
  [1, 2].flatMap((horizon) =>
    Array.from({ length: 8 * 20 }, (_, i) => ({
      horizon,
      age: i % 8,
      forecast: 100,
      actual: 100 * Math.exp((horizon === 1 ? 0.02 : 0.05) * (i % 2 ? 1 : -1)),
    })),
  ),
);

describe('forecastArea', () => {
  it('forecasts 1–5 years after the last population year with intervals around each value', () => {
    const out = forecastArea(municipality, { horizons: 5, calibration });
    expect(out.map((f) => [f.year, f.horizon])).toEqual([
      [2024, 1],
      [2025, 2],
      [2026, 3],
      [2027, 4],
      [2028, 5],
    ]);
    const point = projectPopulation(municipality, 2023, 5);
    out.forEach((f, i) => {
      expect(f.population).toEqual(point[i]);
      // Half-widths 0.02, 0.05, then linear: 0.08, 0.11, 0.14.
      const q = [0.02, 0.05, 0.08, 0.11, 0.14][i]!;
      f.population.forEach((value, age) => {
        expect(f.lower[age]).toBeCloseTo(value * Math.exp(-q * INTERVAL_WIDENING), 9);
        expect(f.upper[age]).toBeCloseTo(value * Math.exp(q * INTERVAL_WIDENING), 9);
      });
    });
  });

  it('reads nothing after an earlier origin', () => {
    const early = forecastArea(municipality, { origin: 2021, horizons: 2, calibration });
    const cut: AreaHistory = {
      births: new Map([...municipality.births].filter(([y]) => y <= 2021)),
      population: new Map([...municipality.population].filter(([y]) => y <= 2021)),
    };
    expect(early).toEqual(forecastArea(cut, { horizons: 2, calibration }));
    expect(early[0]!.year).toBe(2022);
  });

  it('refuses a history without population', () => {
    const empty = { births: municipality.births, population: new Map() };
    expect(() => forecastArea(empty, { horizons: 1, calibration })).toThrow(/no population/);
  });
});
