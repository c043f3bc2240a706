// npm run --silent bench:forecast [-- --data <folder>] [--repeat <n>]
// Runs the forecast backtest on the development half and prints a Markdown record: our method beside the
// three reference methods (by horizon, age and origin), the variants explored to choose the method, the
// interval coverage, the time a full backtest takes, and the machine. Paste the output into README.md.

import { availableParallelism, cpus, platform, release } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  runBacktest,
  type BacktestArea,
  type BacktestResult,
} from '../../src/modules/kindergarten/reporting/forecast/backtest.js';
import { INTERVAL_METHOD } from '../../src/modules/kindergarten/reporting/forecast/backtest-report.js';
import {
  hamiltonPerryMethod,
  RECOMMENDED_METHOD,
  REFERENCE_METHODS,
} from '../../src/modules/kindergarten/reporting/forecast/forecast-methods.js';
import {
  RECOMMENDED_OPTIONS,
  type ModelOptions,
} from '../../src/modules/kindergarten/reporting/forecast/population-model.js';
import { readDemographyFolder } from '../../src/modules/kindergarten/reporting/forecast/read-demography-folder.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HORIZONS = ['1', '2', '3'];

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: path.resolve(REPO_ROOT, '../shared/data/births-population-dev') },
    repeat: { type: 'string', default: '20' },
  },
  strict: true,
});
const folder = values.data;
const repeat = Number(values.repeat);

const trend = (years: number, damping: number) =>
  ({ kind: 'log-linear-trend', years, damping, anchor: 'last-observed' }) as const;
const echo = (youngest: number, oldest: number) =>
  ({ kind: 'mothers-cohort-echo', lags: [youngest, oldest], fallback: trend(3, 0.8) }) as const;
const referenceLogLinear: ModelOptions = {
  ratioAveraging: 'mean-of-ratios',
  ageZeroBirths: 'same-year',
  births: { kind: 'log-linear-trend', years: 3, damping: 1, anchor: 'fitted-line' },
};

/** One change at a time from the best reference to our method, then the alternatives around it. */
const VARIANTS: [string, ModelOptions][] = [
  ['reference: HP, births on a 3-year log-linear trend', referenceLogLinear],
  [
    '+ age 0 from the mean of births in t − 1 and t',
    { ...referenceLogLinear, ageZeroBirths: 'two-year-mean' },
  ],
  [
    '+ ratios as ratio of sums',
    { ...referenceLogLinear, ageZeroBirths: 'two-year-mean', ratioAveraging: 'ratio-of-sums' },
  ],
  ['+ births by the mothers’ echo, lags 22–27 (ours)', RECOMMENDED_OPTIONS],
  ['ours, ratios from the last year only', { ...RECOMMENDED_OPTIONS, ratioYears: 1 }],
  ['ours, ratios from the last 2 years', { ...RECOMMENDED_OPTIONS, ratioYears: 2 }],
  ['ours, ratios as mean of yearly ratios', { ...RECOMMENDED_OPTIONS, ratioAveraging: 'mean-of-ratios' }],
  ['ours, echo lags 20–27', { ...RECOMMENDED_OPTIONS, births: echo(20, 27) }],
  ['ours, echo lags 24–27', { ...RECOMMENDED_OPTIONS, births: echo(24, 27) }],
  ['ours, echo lags 22–25', { ...RECOMMENDED_OPTIONS, births: echo(22, 25) }],
  ['ours, births: 3-year trend undamped, from last year', { ...RECOMMENDED_OPTIONS, births: trend(3, 1) }],
  ['ours, births: 3-year trend damped 0.9 (no echo)', { ...RECOMMENDED_OPTIONS, births: trend(3, 0.9) }],
  ['ours, births: 3-year trend damped 0.8 (the fallback)', { ...RECOMMENDED_OPTIONS, births: trend(3, 0.8) }],
  ['ours, births: 3-year trend damped 0.6', { ...RECOMMENDED_OPTIONS, births: trend(3, 0.6) }],
  ['ours, births: 5-year trend damped 0.8', { ...RECOMMENDED_OPTIONS, births: trend(5, 0.8) }],
  ['ours, births held at year T', { ...RECOMMENDED_OPTIONS, births: { kind: 'held' } }],
];

const regions: BacktestArea[] = await readDemographyFolder(folder);
const methods = [RECOMMENDED_METHOD, ...REFERENCE_METHODS];
const results = methods.map((method) => runBacktest(regions, method));
const [ours] = results as [BacktestResult, ...BacktestResult[]];

const times: number[] = [];
for (let i = 0; i < repeat; i++) {
  const start = performance.now();
  for (const method of methods) runBacktest(regions, method);
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);

const f = (value: number | undefined, digits = 2): string =>
  value === undefined ? '–' : value.toFixed(digits);
const table = (header: string[], rows: string[][]): string[] => [
  `| ${header.join(' | ')} |`,
  `|${header.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`,
  ...rows.map((row) => `| ${row.join(' | ')} |`),
];
const label = (r: BacktestResult): string => (r === ours ? `**${r.method.id} (ours)**` : r.method.id);

const lines = [
  `## Run of ${new Date().toISOString().slice(0, 10)}`,
  '',
  '```',
  `npm run --silent bench:forecast -- --data ${path.relative(REPO_ROOT, folder)} --repeat ${repeat}`,
  '```',
  '',
  `- machine: ${availableParallelism()} CPUs (nproc), ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ` +
    `${platform()} ${release()}, Node ${process.version}`,
  `- data: ${path.relative(REPO_ROOT, folder)}, ${ours.areas} regions, origins ${ours.origins.join(', ')}`,
  `- time for one full backtest of all four methods (${repeat} runs): median ` +
    `${f(times[Math.floor(times.length / 2)], 0)} ms, fastest ${f(times[0], 0)} ms`,
  `- our method: ${ours.method.description}`,
  '',
  '### MAPE by horizon, %',
  '',
  ...table(
    ['method', '1 yr', '2 yrs', '3 yrs'],
    results.map((r) => [label(r), ...HORIZONS.map((h) => f(r.mape[h]))]),
  ),
  '',
  '### MAPE by age, % (1 / 2 / 3 years ahead)',
  '',
  ...table(
    ['age', ...results.map(label)],
    Object.keys(ours.byAge).map((age) => [
      age,
      ...results.map((r) => HORIZONS.map((h) => f(r.byAge[age]![h])).join(' / ')),
    ]),
  ),
  '',
  '### MAPE by origin, % (1 / 2 / 3 years ahead)',
  '',
  ...table(
    ['origin', ...results.map(label)],
    ours.origins.map((o) => [
      String(o),
      ...results.map((r) => HORIZONS.map((h) => f(r.byOrigin[o]![h])).join(' / ')),
    ]),
  ),
  '',
  `### Prediction intervals of our method, ${ours.intervals.level * 100} %`,
  '',
  `${INTERVAL_METHOD}. Checked on origins ${ours.intervals.origins.join(', ')} (the first origin has no earlier completed forecast).`,
  '',
  ...table(
    ['', '1 yr', '2 yrs', '3 yrs'],
    [
      ['coverage, %', ...HORIZONS.map((h) => f(ours.intervals.coverage[h], 1))],
      ['mean width, % of forecast', ...HORIZONS.map((h) => f(ours.intervals.width[h]))],
    ],
  ),
  '',
  '### Variants explored (same protocol, MAPE %)',
  '',
  ...table(
    ['variant', '1 yr', '2 yrs', '3 yrs'],
    VARIANTS.map(([name, options]) => {
      const r = runBacktest(regions, hamiltonPerryMethod('variant', name, options));
      return [name, ...HORIZONS.map((h) => f(r.mape[h]))];
    }),
  ),
];
console.log(lines.join('\n'));
