// The methods the backtest compares: ours and the three reference points of the protocol
// (shared/specs/forecast-backtest.md). Each is a pure function of a history that ends at the origin.

import type { AreaHistory } from './area-history.js';
import { projectPopulation, RECOMMENDED_OPTIONS, type ModelOptions } from './population-model.js';

export interface ForecastMethod {
  readonly id: string;
  /** One sentence naming the method, as printed by the backtest. */
  readonly description: string;
  /** Population aged 0–7 for origin + 1 … origin + horizons; `history` holds nothing after `origin`. */
  forecast(history: AreaHistory, origin: number, horizons: number): number[][];
}

export function hamiltonPerryMethod(id: string, description: string, options: ModelOptions): ForecastMethod {
  return {
    id,
    description,
    forecast: (history, origin, horizons) => projectPopulation(history, origin, horizons, options),
  };
}

export const RECOMMENDED_METHOD = hamiltonPerryMethod(
  'cohort-echo',
  'Hamilton–Perry cohort-change ratios (ratio of sums over all observed years) for ages 1–7, age 0 from ' +
    'the mean of births in the year and the year before, and births projected by the echo of the ' +
    "mothers' generation: the year-T ratio of births to the mean births 22–27 years earlier, held " +
    'constant (a 3-year log-linear trend damped by 0.8 where those years are missing).',
  RECOMMENDED_OPTIONS,
);

/** The reference ratios average each year's ratio and set age 0 against births of the same year. */
const referenceRatios = { ratioAveraging: 'mean-of-ratios', ageZeroBirths: 'same-year' } as const;

export const REFERENCE_METHODS: readonly ForecastMethod[] = [
  {
    id: 'persistence',
    description: 'population at T + h = population at T',
    forecast: (history, origin, horizons) => {
      const jumpOff = history.population.get(origin);
      if (!jumpOff) throw new RangeError(`no population for the origin year ${origin}`);
      return Array.from({ length: horizons }, () => [...jumpOff]);
    },
  },
  hamiltonPerryMethod(
    'hp-births-held',
    'Hamilton–Perry cohort-change ratios, births held at the year-T level',
    { ...referenceRatios, births: { kind: 'held' } },
  ),
  hamiltonPerryMethod(
    'hp-births-log-linear',
    'Hamilton–Perry cohort-change ratios, births on a log-linear trend of the last 3 years',
    { ...referenceRatios, births: { kind: 'log-linear-trend', years: 3, damping: 1, anchor: 'fitted-line' } },
  ),
];
