import { describe, it, expect } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { backtestOrigins, runBacktest, type BacktestArea, type BacktestResult } from './backtest.js';
import { RECOMMENDED_METHOD, REFERENCE_METHODS, type ForecastMethod } from './forecast-methods.js';
import { readDemographyFolder } from './read-demography-folder.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = path.resolve(HERE, '../../../../..');
const FIXTURE = path.join(HERE, 'fixtures/births-population-3-regions');
// CI clones the repository with shared/ beside it; elsewhere the development-data tests are skipped.
const DEV_FOLDER = path.resolve(REPO_ROOT, '../shared/data/births-population-dev');
const HAVE_DEV = existsSync(path.join(DEV_FOLDER, 'births.csv'));

const ALL_METHODS = [RECOMMENDED_METHOD, ...REFERENCE_METHODS];

const stationary = (code: string, size: number): BacktestArea => ({
  code,
  history: {
    births: new Map(Array.from({ length: 34 }, (_, i) => [1989 + i, size])),
    population: new Map(
      Array.from({ length: 8 }, (_, i) => [
        2015 + i,
        [0.99, 0.985, 0.984, 0.983, 0.982, 0.981, 0.98, 0.979].map((r) => r * size),
      ]),
    ),
  },
});

/** Births after `origin` and population after origin + 3 changed beyond recognition. */
function perturbAfter(areas: readonly BacktestArea[], origin: number): BacktestArea[] {
  return areas.map(({ code, history }) => ({
    code,
    history: {
      births: new Map([...history.births].map(([y, b]) => [y, y > origin ? b * 1.37 + 11 : b])),
      population: new Map(
        [...history.population].map(([y, ages]) => [
          y,
          y > origin + 3 ? ages.map((p, a) => p * 0.5 + a) : ages,
        ]),
      ),
    },
  }));
}

function expectNoLookAhead(areas: readonly BacktestArea[]): void {
  for (const method of ALL_METHODS) {
    const base = runBacktest(areas, method);
    for (const origin of base.origins) {
      const perturbed = runBacktest(perturbAfter(areas, origin), method);
      const cellsOf = (r: BacktestResult) => r.cells.filter((c) => c.origin === origin);
      expect(cellsOf(perturbed).length).toBeGreaterThan(0);
      expect(cellsOf(perturbed)).toEqual(cellsOf(base));
      expect(perturbed.byOrigin[origin]).toEqual(base.byOrigin[origin]);
    }
  }
}

describe('backtestOrigins', () => {
  it('takes every year T with population for T − 1, T and T + 3', () => {
    expect(backtestOrigins([stationary('a', 1000)])).toEqual([2016, 2017, 2018, 2019]);
    expect(backtestOrigins([stationary('a', 1000)], 1)).toEqual([2016, 2017, 2018, 2019, 2020, 2021]);
  });
});

describe('runBacktest', () => {
  it('scores a stationary population as forecast exactly by every method', () => {
    for (const method of ALL_METHODS) {
      const result = runBacktest([stationary('a', 1000), stationary('b', 50)], method);
      expect(result.areas).toBe(2);
      expect(result.cells).toHaveLength(2 * 4 * 3 * 8);
      for (const h of ['1', '2', '3']) expect(result.mape[h]).toBeCloseTo(0, 9);
    }
  });

  it('computes MAPE as the mean absolute percentage error over areas × ages × origins', () => {
    // Persistence on a population that grows 10 % a year at every age: every error is 1 − 1/1.1^h.
    const growing: BacktestArea = {
      code: 'g',
      history: {
        births: new Map([[2015, 1]]),
        population: new Map(
          Array.from({ length: 8 }, (_, i) => [2015 + i, new Array(8).fill(1000 * 1.1 ** i)]),
        ),
      },
    };
    const result = runBacktest([growing], REFERENCE_METHODS[0]!);
    for (const h of [1, 2, 3]) expect(result.mape[String(h)]).toBeCloseTo((1 - 1 / 1.1 ** h) * 100, 9);
    expect(result.byOrigin['2016']!['2']).toBeCloseTo((1 - 1 / 1.21) * 100, 9);
    expect(result.byAge['7']!['3']).toBeCloseTo((1 - 1 / 1.331) * 100, 9);
  });

  it('never hands a method anything after its origin', () => {
    const seen: [number, number][] = [];
    const spy: ForecastMethod = {
      id: 'spy',
      description: 'records what it is given',
      forecast: (history, origin, horizons) => {
        seen.push([origin, Math.max(...history.births.keys(), ...history.population.keys())]);
        return RECOMMENDED_METHOD.forecast(history, origin, horizons);
      },
    };
    runBacktest([stationary('a', 1000)], spy);
    expect(seen.length).toBeGreaterThan(0);
    for (const [origin, latest] of seen) expect(latest).toBeLessThanOrEqual(origin);
  });

  it('names the area and origin a method fails on', () => {
    const noBirths: BacktestArea = {
      code: '77',
      history: { ...stationary('x', 10).history, births: new Map() },
    };
    expect(() => runBacktest([noBirths], RECOMMENDED_METHOD)).toThrow(
      /area 77, origin 2016: no year has both population aged 0 and births/,
    );
  });

  it('keeps the errors of origin T when births after T and population after T + 3 change (fixture)', async () => {
    expectNoLookAhead(await readDemographyFolder(FIXTURE));
  });

  it('calibrates intervals only on forecasts completed by the origin', async () => {
    const result = runBacktest(await readDemographyFolder(FIXTURE), RECOMMENDED_METHOD);
    // 2016 is the first origin: nothing was complete yet, so it has no intervals.
    expect(result.intervals.origins).toEqual([2017, 2018, 2019]);
    for (const cell of result.cells) expect(cell.lower === undefined).toBe(cell.origin === 2016);
    for (const h of ['1', '2', '3']) expect(result.intervals.coverage[h]).toBeGreaterThan(0);
  });

  it('beats every reference method at every horizon on the three-region fixture', async () => {
    const regions = await readDemographyFolder(FIXTURE);
    const ours = runBacktest(regions, RECOMMENDED_METHOD);
    for (const method of REFERENCE_METHODS) {
      const reference = runBacktest(regions, method);
      for (const h of ['1', '2', '3']) expect(ours.mape[h]).toBeLessThan(reference.mape[h]!);
    }
  });
});

describe.skipIf(!HAVE_DEV)('runBacktest on the development half (shared/data/births-population-dev)', () => {
  const load = (): Promise<BacktestArea[]> => readDemographyFolder(DEV_FOLDER);

  it('keeps the errors of origin T when births after T and population after T + 3 change', async () => {
    expectNoLookAhead(await load());
  });

  it('reproduces the reference points of the spec to ±0.05', async () => {
    const regions = await load();
    const spec: Record<string, [number, number, number]> = {
      persistence: [4.19, 8.62, 13.54],
      'hp-births-held': [0.91, 2.65, 5.15],
      'hp-births-log-linear': [0.52, 1.51, 2.92],
    };
    for (const method of REFERENCE_METHODS) {
      const result = runBacktest(regions, method);
      expect(result.areas).toBe(42);
      expect(result.origins).toEqual([2016, 2017, 2018, 2019]);
      spec[method.id]!.forEach((expected, i) =>
        expect(Math.abs(result.mape[String(i + 1)]! - expected)).toBeLessThanOrEqual(0.05),
      );
    }
  });

  it('beats the best reference at every horizon, and overall at every origin', async () => {
    const regions = await load();
    const ours = runBacktest(regions, RECOMMENDED_METHOD);
    const references = REFERENCE_METHODS.map((method) => runBacktest(regions, method));
    for (const h of ['1', '2', '3']) {
      expect(ours.mape[h]).toBeLessThan(Math.min(...references.map((r) => r.mape[h]!)));
      for (const origin of ours.origins) {
        expect(ours.byOrigin[origin]![h]).toBeLessThanOrEqual(
          Math.min(...references.map((r) => r.byOrigin[origin]![h]!)),
        );
      }
    }
    // The goal: at most 2 % one year ahead and 5 % three years ahead.
    expect(ours.mape['1']).toBeLessThanOrEqual(2);
    expect(ours.mape['3']).toBeLessThanOrEqual(5);
  });

  it('calibrates the 80 % intervals: 77–83 % of actual values inside, at every horizon', async () => {
    const ours = runBacktest(await load(), RECOMMENDED_METHOD);
    for (const h of ['1', '2', '3']) {
      expect(ours.intervals.coverage[h]).toBeGreaterThanOrEqual(77);
      expect(ours.intervals.coverage[h]).toBeLessThanOrEqual(83);
    }
  });
});
