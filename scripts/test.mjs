// `npm test`: every check, in order of cost — lint, typecheck, unit tests, medium tests on PGlite and
// on the PostgreSQL server, the web build, then browser journeys in Chromium. Ends with one summary
// line "N passed, N failed". `npm test -- --only unit,db` runs a subset; `--skip e2e` leaves one out.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const listArg = (name) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? new Set(args[i + 1].split(',')) : null;
};
const only = listArg('--only');
const skip = listArg('--skip') ?? new Set();

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'open-region-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failedSteps = [];

function run(name, command, commandArgs, env = {}, report = null) {
  if ((only && !only.has(name)) || skip.has(name)) return;
  const started = Date.now();
  console.log(`\n▶ ${name}: ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  let failedTests = 0;
  if (report && fs.existsSync(report)) {
    const json = JSON.parse(fs.readFileSync(report, 'utf8'));
    totals.passed += json.numPassedTests;
    failedTests = json.numFailedTests;
    totals.skipped += json.numPendingTests + json.numTodoTests;
  }
  totals.failed += failedTests;
  if (result.status !== 0) {
    failedSteps.push(name);
    // A step that fails outside any test (lint, an unhandled error) still counts as one failure.
    if (failedTests === 0) totals.failed += 1;
    console.log(`✗ ${name} failed after ${seconds} s`);
  } else {
    console.log(`✓ ${name} (${seconds} s)`);
  }
}

function vitest(name, project, env = {}, extra = []) {
  const report = path.join(reportDir, `${name}.json`);
  run(
    name,
    'npx',
    [
      'vitest',
      'run',
      '--project',
      project,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${report}`,
      ...extra,
    ],
    env,
    report,
  );
}

run('lint', 'npx', ['eslint', '.', '--max-warnings', '0']);
run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']);
run('typecheck-web', 'npx', ['tsc', '-p', 'web/tsconfig.json']);
vitest('unit', 'unit');
vitest('db', 'db', { TEST_DB: 'pglite' });
vitest('db-postgres', 'db', { TEST_DB: 'postgres' });
run('build', 'npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
vitest('e2e', 'e2e', {}, ['--no-file-parallelism']);

fs.rmSync(reportDir, { recursive: true, force: true });
console.log('');
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length ? 1 : 0);
