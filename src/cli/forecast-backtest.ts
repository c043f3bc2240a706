// npm run --silent forecast:backtest -- --data <folder> [--json]
// Backtests the population forecast on a demography folder (shared/specs/forecast-backtest.md): our method
// beside the three reference methods. Any failure is one line on stderr and exit code 1.

import { parseArgs } from 'node:util';
import { runBacktest } from '../modules/kindergarten/reporting/forecast/backtest.js';
import { backtestJson, backtestTables } from '../modules/kindergarten/reporting/forecast/backtest-report.js';
import {
  RECOMMENDED_METHOD,
  REFERENCE_METHODS,
} from '../modules/kindergarten/reporting/forecast/forecast-methods.js';
import { readDemographyFolder } from '../modules/kindergarten/reporting/forecast/read-demography-folder.js';

const USAGE = 'usage: forecast-backtest --data <folder> [--json]';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      data: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!values.data) throw new Error(`--data <folder> is required (${USAGE})`);

  const regions = await readDemographyFolder(values.data);
  if (regions.length === 0) throw new Error(`${values.data}: population-0-7.csv has no rows`);
  const ours = runBacktest(regions, RECOMMENDED_METHOD);
  const references = REFERENCE_METHODS.map((method) => runBacktest(regions, method));
  console.log(
    values.json ? JSON.stringify(backtestJson(ours, references)) : backtestTables(ours, references),
  );
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`forecast-backtest: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exitCode = 1;
});
