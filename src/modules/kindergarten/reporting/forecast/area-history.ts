// The demographic history of one area (a region in the backtest, a municipality in the product): births
// by calendar year and the mid-year population by single year of age 0–7. Everything the models read
// comes through this shape, and `historyUpTo` is the one place where the future is cut off.

/** Single years of age forecast: 0–7, the kindergarten ages plus the school-entry year. */
export const AGES = 8;

export interface AreaHistory {
  /** Live births in the calendar year; years may be missing (gaps are allowed). */
  readonly births: ReadonlyMap<number, number>;
  /** Mid-year population by single year of age, index = age 0–7. */
  readonly population: ReadonlyMap<number, readonly number[]>;
}

/** The history as it was known at the end of `lastYear`: births and population of later years are dropped. */
export function historyUpTo(history: AreaHistory, lastYear: number): AreaHistory {
  return {
    births: new Map([...history.births].filter(([year]) => year <= lastYear)),
    population: new Map([...history.population].filter(([year]) => year <= lastYear)),
  };
}
