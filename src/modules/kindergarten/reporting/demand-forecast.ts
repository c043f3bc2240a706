import { AGES, type AreaHistory } from './forecast/area-history.js';
import { runBacktest } from './forecast/backtest.js';
import { forecastArea } from './forecast/forecast-area.js';
import { RECOMMENDED_METHOD } from './forecast/forecast-methods.js';
import { MAX_HORIZON } from './forecast/population-model.js';
import {
  INTERVAL_WIDENING,
  logHalfWidth,
  type IntervalCalibration,
} from './forecast/prediction-intervals.js';

/**
 * Demand for places per municipality, 1–5 years after the last year of births, from the region's own
 * births (table municipality_births). Pure.
 *
 * 1. Population by single year of age 0–7: the municipalities have births but no population by age in
 *    the database, so the population history is the births aged forward — P(a, t) = ½ (B(t − a − 1) +
 *    B(t − a)), the mid-year relation of docs/forecast.md — and the cohort-echo model (the one backtested
 *    on RosBRiS) forecasts births and carries the cohorts. Survival and migration are not in the
 *    population here; they are absorbed by the take-up rates.
 * 2. Take-up by age = children of that age who hold a place or wait for one now (placed + актуальный
 *    спрос) / the population estimate of the current year: children per birth cohort, from history.
 * 3. Demand(a, y) = take-up(a) × P̂(a, y); capacity(y) = places now + planned kindergartens opening by
 *    1 September of y (unless the scenario leaves them out) + the scenario's what-if places.
 * Intervals (80 %): the model's empirical log-scale intervals calibrated by a backtest on the
 * municipalities' own births, never narrower than ±1 % per year ahead (migration, not modelled).
 */
export const INTERVAL_METHOD =
  '80 % empirical interval, symmetric on the log scale: demand × e^(±q), q = the 80 % quantile of ' +
  '|ln(actual / forecast)| in a backtest of the same model on the municipalities’ own births, by ' +
  'horizon and age, at least 0.01 × years ahead (migration is not modelled)';

export interface MunicipalityDemandInput {
  municipalityId: number;
  births: ReadonlyMap<number, number>;
  /** Children aged 0–7 in full years on the reference day with a place or waiting for one now. */
  demandNowByAge: readonly number[];
  /** The calendar year of the reference day. */
  referenceYear: number;
  capacityNow: number;
  planned: readonly { openingDate: string; capacity: number }[];
}

export interface ForecastScenario {
  withoutPlanned: boolean;
  additions: readonly { municipalityId: number; fromYear: number; places: number }[];
}

export interface DemandYear {
  year: number;
  horizon: number;
  population: number[];
  demand: number[];
  demandLower: number[];
  demandUpper: number[];
  capacity: number;
  totalDemand: number;
  totalDemandLower: number;
  totalDemandUpper: number;
  deficit: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** Births aged forward as a population history (see step 1). */
export function birthsHistory(births: ReadonlyMap<number, number>): AreaHistory {
  const population = new Map<number, number[]>();
  const years = [...births.keys()];
  if (years.length === 0) return { births, population };
  const [first, last] = [Math.min(...years), Math.max(...years)];
  for (let t = first + AGES; t <= last; t++) {
    const ages: number[] = [];
    for (let a = 0; a < AGES; a++) {
      const b0 = births.get(t - a - 1);
      const b1 = births.get(t - a);
      if (b0 === undefined || b1 === undefined) break;
      ages.push((b0 + b1) / 2);
    }
    if (ages.length === AGES) population.set(t, ages);
  }
  return { births, population };
}

/** Interval calibration from a backtest on the municipalities' births; null when the history is too short. */
export function calibrateOnBirths(histories: readonly AreaHistory[]): IntervalCalibration | null {
  const areas = histories.map((history, i) => ({ code: String(i), history }));
  for (const horizons of [3, 2, 1]) {
    try {
      return runBacktest(areas, RECOMMENDED_METHOD, { horizons }).calibration;
    } catch {
      // Too few years for this many horizons: try fewer.
    }
  }
  return null;
}

function halfWidth(calibration: IntervalCalibration | null, horizon: number, age: number): number {
  let q = 0;
  if (calibration) {
    try {
      q = logHalfWidth(calibration, horizon, age) * INTERVAL_WIDENING;
    } catch {
      q = 0;
    }
  }
  return Math.max(Number.isFinite(q) ? q : 0, 0.01 * horizon);
}

export function takeUpByAge(populationNow: readonly number[], demandNow: readonly number[]): number[] {
  return populationNow.map((p, a) => (p > 0 ? Math.min(1.5, (demandNow[a] ?? 0) / p) : 0));
}

export function forecastMunicipalityDemand(
  input: MunicipalityDemandInput,
  calibration: IntervalCalibration | null,
  scenario: ForecastScenario,
): { takeUp: number[]; years: DemandYear[] } {
  const history = birthsHistory(input.births);
  const origin = Math.max(...history.population.keys());
  if (!Number.isFinite(origin)) return { takeUp: Array(AGES).fill(0), years: [] };
  const forecast = forecastArea(history, {
    origin,
    horizons: MAX_HORIZON,
    calibration: calibration ?? { level: 0.8, halfWidth: [Array(AGES).fill(0)], counts: [1] },
  });
  const populationIn = (year: number) =>
    year <= origin ? history.population.get(year) : forecast.find((f) => f.year === year)?.population;
  const populationNow = populationIn(input.referenceYear) ?? forecast[0]!.population;
  const takeUp = takeUpByAge(populationNow, input.demandNowByAge);
  const years = forecast.map((f) => {
    const demand = f.population.map((p, a) => p * takeUp[a]!);
    const demandLower = demand.map((d, a) => d * Math.exp(-halfWidth(calibration, f.horizon, a)));
    const demandUpper = demand.map((d, a) => d * Math.exp(halfWidth(calibration, f.horizon, a)));
    const planned = scenario.withoutPlanned
      ? 0
      : input.planned.filter((k) => k.openingDate <= `${f.year}-09-01`).reduce((s, k) => s + k.capacity, 0);
    const added = scenario.additions
      .filter((x) => x.municipalityId === input.municipalityId && x.fromYear <= f.year)
      .reduce((s, x) => s + x.places, 0);
    const capacity = Math.max(0, input.capacityNow + planned + added);
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    const totalDemand = sum(demand);
    return {
      year: f.year,
      horizon: f.horizon,
      population: f.population.map(round1),
      demand: demand.map(round1),
      demandLower: demandLower.map(round1),
      demandUpper: demandUpper.map(round1),
      capacity,
      totalDemand: round1(totalDemand),
      // Ages are not independent: summing the bounds is the conservative (comonotone) interval.
      totalDemandLower: round1(sum(demandLower)),
      totalDemandUpper: round1(sum(demandUpper)),
      deficit: round1(Math.max(0, totalDemand - capacity)),
    };
  });
  return { takeUp: takeUp.map((x) => Math.round(x * 1000) / 1000), years };
}
