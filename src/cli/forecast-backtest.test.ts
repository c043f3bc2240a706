import { afterAll, describe, it, expect } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const FIXTURE = path.join(
  REPO_ROOT,
  'src/modules/kindergarten/reporting/forecast/fixtures/births-population-3-regions',
);
// CI clones the repository with shared/ beside it; elsewhere the development-data test is skipped.
const DEV_FOLDER = path.resolve(REPO_ROOT, '../shared/data/births-population-dev');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function cli(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      'npx',
      ['tsx', 'src/cli/forecast-backtest.ts', ...args],
      { cwd: REPO_ROOT },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        // npm may warn about its own configuration; only the CLI's lines matter here.
        const own = stderr.split('\n').filter((line) => line !== '' && !line.startsWith('npm warn'));
        resolve({ code, stdout, stderr: own.join('\n') });
      },
    );
  });
}

const lastLineJson = (stdout: string): Record<string, unknown> =>
  JSON.parse(stdout.trimEnd().split('\n').at(-1)!);

const made: string[] = [];
afterAll(() => Promise.all(made.map((folder) => rm(folder, { recursive: true, force: true }))));

async function folderWith(files: Record<string, string>): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'forecast-backtest-'));
  made.push(folder);
  for (const [name, text] of Object.entries(files)) await writeFile(path.join(folder, name), text);
  return folder;
}

// Each test spawns its own process, so they run side by side.
describe.concurrent('forecast-backtest CLI', () => {
  it('prints the protocol JSON on the last line with --json', async () => {
    const run = await cli('--data', FIXTURE, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = lastLineJson(run.stdout) as {
      mape: Record<string, number>;
      by_origin: Record<string, Record<string, number>>;
      by_age: Record<string, Record<string, number>>;
      regions: number;
      method: string;
      references: Record<string, { mape: Record<string, number> }>;
    };
    expect(Object.keys(out.mape)).toEqual(['1', '2', '3']);
    expect(Object.keys(out.by_origin)).toEqual(['2016', '2017', '2018', '2019']);
    expect(Object.keys(out.by_age)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7']);
    expect(out.regions).toBe(3);
    expect(out.method).toMatch(/^Hamilton–Perry .*\.$/);
    expect(Object.keys(out.references)).toEqual(['persistence', 'hp-births-held', 'hp-births-log-linear']);
    for (const value of Object.values(out.mape)) expect(typeof value).toBe('number');
  });

  it('prints readable tables without --json', async () => {
    const run = await cli('--data', FIXTURE);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/MAPE by horizon/);
    expect(run.stdout).toMatch(/MAPE by origin/);
    expect(run.stdout).toMatch(/MAPE by age/);
    expect(run.stdout).toMatch(/hp-births-log-linear/);
  });

  it.skipIf(!existsSync(path.join(DEV_FOLDER, 'births.csv')))(
    'beats the reference methods on the development half',
    async () => {
      const run = await cli('--data', DEV_FOLDER, '--json');
      expect(run.code).toBe(0);
      const out = lastLineJson(run.stdout) as {
        mape: Record<string, number>;
        regions: number;
        references: Record<string, { mape: Record<string, number> }>;
      };
      expect(out.regions).toBe(42);
      for (const h of ['1', '2', '3']) {
        for (const reference of Object.values(out.references))
          expect(out.mape[h]).toBeLessThan(reference.mape[h]!);
      }
    },
  );

  it('fails with one line naming a missing folder', async () => {
    const missing = path.join(tmpdir(), 'no-such-forecast-folder');
    const run = await cli('--data', missing, '--json');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toEqual([`forecast-backtest: ${missing}: no such folder`]);
  });

  it('fails with one line naming a missing file', async () => {
    const folder = await folderWith({
      'population-0-7.csv': 'year,region_code,region_name,age,population\n',
    });
    const run = await cli('--data', folder);
    expect(run.code).not.toBe(0);
    expect(run.stderr.split('\n')).toEqual([
      `forecast-backtest: ${path.join(folder, 'births.csv')}: file not found`,
    ]);
  });

  it('fails with one line naming the file and row of a malformed row', async () => {
    const births = await readFile(path.join(FIXTURE, 'births.csv'), 'utf8');
    const population = (await readFile(path.join(FIXTURE, 'population-0-7.csv'), 'utf8')).replace(
      '2017,1104,Красноярский край,3,',
      '2017,1104,Красноярский край,3,x',
    );
    const folder = await folderWith({ 'births.csv': births, 'population-0-7.csv': population });
    const row =
      population.split('\n').findIndex((line) => line.startsWith('2017,1104,Красноярский край,3,')) + 1;
    const run = await cli('--data', folder, '--json');
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(
      new RegExp(`^forecast-backtest: population-0-7\\.csv, row ${row}: population "x\\d+" is not a number$`),
    );
  });

  it('fails with one line on a missing --data or an unknown option', async () => {
    const none = await cli('--json');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toMatch(/^forecast-backtest: --data <folder> is required/);
    const unknown = await cli('--data', FIXTURE, '--frobnicate');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr.split('\n')).toHaveLength(1);
  });
});
