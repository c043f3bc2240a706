// What the backtest prints: the JSON object of the protocol (one line, string keys, percentages) and the
// same figures as text tables, our method beside the reference methods.

import type { BacktestResult, ByHorizon } from './backtest.js';

export const INTERVAL_METHOD =
  'symmetric on the log scale: forecast × e^(±q), q = the level quantile of |ln(actual / forecast)| over ' +
  'earlier backtest forecasts already completed at the origin, by horizon and age (pooled over ages ' +
  'where a cell has < 20 errors), extended linearly to horizons not yet observed';

/**
 * The protocol's JSON object; `coverage_80` (the share of actual values inside the 80 % interval, per
 * horizon, as the spec names it), `references` and `intervals` are additions the spec allows.
 */
export function backtestJson(ours: BacktestResult, references: readonly BacktestResult[]): object {
  return {
    mape: rounded(ours.mape),
    ...(ours.intervals.level === 0.8 ? { coverage_80: rounded(ours.intervals.coverage) } : {}),
    by_origin: roundedGroups(ours.byOrigin),
    by_age: roundedGroups(ours.byAge),
    regions: ours.areas,
    method: ours.method.description,
    origins: ours.origins,
    intervals: {
      level: ours.intervals.level * 100,
      origins: ours.intervals.origins,
      coverage: rounded(ours.intervals.coverage),
      width: rounded(ours.intervals.width),
      method: INTERVAL_METHOD,
    },
    references: Object.fromEntries(
      references.map((r) => [
        r.method.id,
        {
          method: r.method.description,
          mape: rounded(r.mape),
          by_origin: roundedGroups(r.byOrigin),
          by_age: roundedGroups(r.byAge),
        },
      ]),
    ),
  };
}

export function backtestTables(ours: BacktestResult, references: readonly BacktestResult[]): string {
  const all = [ours, ...references];
  const horizons = Array.from({ length: ours.horizons }, (_, i) => String(i + 1));
  const span = `${ours.origins[0]}–${ours.origins.at(-1)}`;
  const widths = [27, ...horizons.map(() => 8)];
  const lines = [
    `Forecast backtest: ${ours.areas} regions, origins ${span}, population aged 0–7, MAPE in %`,
    `Our method (${ours.method.id}): ${ours.method.description}`,
    "Reference methods (the spec's reference points):",
    ...references.map((r) => `  ${r.method.id}: ${r.method.description}`),
    '',
    'MAPE by horizon',
    row(['method', ...horizons.map((h) => `${h} yr`)], widths),
    ...all.map((r) =>
      row(
        [r === ours ? `${r.method.id} (ours)` : r.method.id, ...horizons.map((h) => fixed(r.mape[h]))],
        widths,
      ),
    ),
    '',
    ...groupTable('MAPE by origin', 'origin', ours.origins.map(String), (r) => r.byOrigin, all, horizons),
    '',
    ...groupTable('MAPE by age', 'age', Object.keys(ours.byAge), (r) => r.byAge, all, horizons),
    '',
    `Prediction intervals of our method (${ours.intervals.level * 100} %), checked on origins ` +
      `${ours.intervals.origins.join(', ')}: ${INTERVAL_METHOD}`,
    row(['', ...horizons.map((h) => `${h} yr`)], widths),
    row(['coverage, %', ...horizons.map((h) => fixed(ours.intervals.coverage[h], 1))], widths),
    row(['mean width, % of forecast', ...horizons.map((h) => fixed(ours.intervals.width[h]))], widths),
  ];
  return lines.join('\n');
}

/** Rows = keys; for each method a block of one column per horizon. */
function groupTable(
  title: string,
  keyName: string,
  keys: readonly string[],
  groups: (r: BacktestResult) => Record<string, ByHorizon>,
  all: readonly BacktestResult[],
  horizons: readonly string[],
): string[] {
  const widths = [8, ...all.flatMap(() => horizons.map(() => 7))];
  const blockWidth = horizons.length * 7;
  return [
    `${title} (columns: ${horizons.map((h) => `${h} yr`).join(', ')} for each method)`,
    ' '.repeat(8) + all.map((r) => r.method.id.slice(0, blockWidth - 1).padStart(blockWidth)).join(''),
    row([keyName, ...all.flatMap(() => horizons.map((h) => `${h}`))], widths),
    ...keys.map((key) =>
      row([key, ...all.flatMap((r) => horizons.map((h) => fixed(groups(r)[key]?.[h])))], widths),
    ),
  ];
}

function row(cells: readonly string[], widths: readonly number[]): string {
  return cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('');
}

function fixed(value: number | undefined, digits = 2): string {
  return value === undefined ? '–' : value.toFixed(digits);
}

function rounded(values: ByHorizon): ByHorizon {
  return Object.fromEntries(
    Object.entries(values).map(([key, value]) => [key, Math.round(value * 1000) / 1000]),
  );
}

function roundedGroups(groups: Record<string, ByHorizon>): Record<string, ByHorizon> {
  return Object.fromEntries(Object.entries(groups).map(([key, values]) => [key, rounded(values)]));
}
