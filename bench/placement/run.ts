// Placement benchmark: solve time and peak memory for realistic instances of 100,000 and 1,000,000
// children (5 choices at most) over 5,000 programs (kindergarten x age group).
//
//   npx tsx bench/placement/run.ts [--sizes 100000,1000000] [--programs 5000] [--repeat 5]
//
// Each size is generated once into a temporary file by a child process, then solved by fresh child
// processes started with --max-old-space-size=1024, exactly as the command line does it (read, parse,
// validate, index, drop the objects, solve). A child that needed more than 1 GB of heap would crash,
// so "finished" is itself the memory check; its peak RSS (getrusage) and heap are reported as well.
// The solve time is `place()` — ranking plus deferred acceptance — the spec's `millis`.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import {
  findBlockingPair,
  indexInstance,
  parseInstance,
  place,
  solve,
} from '../../src/modules/kindergarten/placement/solver/index.js';
import type { Instance } from '../../src/modules/kindergarten/placement/solver/index.js';
import { generateInstance, writeInstance } from './generate-instance.js';

const HEAP_LIMIT_MB = 1024;
const self = fileURLToPath(import.meta.url);

interface SolveReport {
  children: number;
  programs: number;
  pairs: number;
  placed: number;
  proposals: number;
  readMillis: number;
  indexMillis: number;
  solveMillis: number;
  warmSolveMillis: number;
  peakRssMb: number;
  peakHeapMb: number;
  stable: boolean | null;
}

function arg(name: string, fallback: string): string {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : process.argv[at + 1]!;
}

/** Child process: solve one file and print a JSON report. */
function solveFile(path: string, checkStability: boolean): SolveReport {
  let peakHeap = 0;
  const sample = () => (peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed));
  const t0 = performance.now();
  let bytes = readFileSync(path);
  if (path.endsWith('.gz')) bytes = gunzipSync(bytes);
  let instance: Instance | undefined = parseInstance(JSON.parse(bytes.toString('utf8')));
  sample();
  const t1 = performance.now();
  const checked = checkStability ? instance : undefined;
  const indexed = indexInstance(instance);
  instance = undefined;
  const t2 = performance.now();
  sample();
  const placement = place(indexed, { now: () => performance.now() });
  sample();
  // A second solve in the same process shows the time once the JIT has compiled the hot loops.
  const warm = place(indexed, { now: () => performance.now() });
  sample();
  let stable: boolean | null = null;
  if (checked) stable = findBlockingPair(checked, solve(checked).assignments) === null;
  return {
    children: indexed.childIds.length,
    programs: indexed.programIds.length,
    pairs: indexed.program.length,
    placed: placement.placed,
    proposals: placement.proposals,
    readMillis: t1 - t0,
    indexMillis: t2 - t1,
    solveMillis: placement.millis,
    warmSolveMillis: warm.millis,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 2 ** 20,
    stable,
  };
}

const tsxArgs = ['--import', 'tsx'];

function runChild(args: string[], heapMb?: number): string {
  const flags = heapMb === undefined ? [] : [`--max-old-space-size=${heapMb}`];
  return execFileSync(process.execPath, [...flags, ...tsxArgs, self, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: join(dirname(self), '..', '..'),
    maxBuffer: 1 << 20,
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const f = (x: number, digits = 0) => x.toFixed(digits);

async function main() {
  const mode = process.argv[2];
  if (mode === '--generate-one') {
    const [children, programs, path] = process.argv.slice(3);
    await writeInstance(
      generateInstance({ children: Number(children), programs: Number(programs), seed: 1 }),
      path!,
    );
    return;
  }
  if (mode === '--solve-one') {
    process.stdout.write(JSON.stringify(solveFile(process.argv[3]!, process.argv[4] === 'check')));
    return;
  }

  const sizes = arg('--sizes', '100000,1000000').split(',').map(Number);
  const repeat = Number(arg('--repeat', '5'));
  const programs = Number(arg('--programs', '5000'));
  const dir = mkdtempSync(join(tmpdir(), 'placement-bench-'));
  try {
    console.log(`# Placement benchmark, ${new Date().toISOString().slice(0, 10)}`);
    console.log(
      `machine: ${cpus().length} CPUs (${cpus()[0]?.model.trim()}), Node ${process.version}; ` +
        `solver processes run with --max-old-space-size=${HEAP_LIMIT_MB}\n`,
    );
    console.log(
      `| children | programs | pairs | placed | solve ms, cold (median / min of ${repeat}) | ` +
        'solve ms, warm (median) | index ms | read+parse+validate ms | peak heap MB | peak RSS MB | stable |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');
    for (const size of sizes) {
      const file = join(dir, `instance-${size}.json`);
      runChild(['--generate-one', String(size), String(programs), file]);
      const reports: SolveReport[] = [];
      for (let r = 0; r < repeat; r++) {
        // The stability check (a full second solve plus an O(pairs) scan) runs once, on small sizes.
        const check = r === 0 && size <= 200_000 ? 'check' : 'no';
        reports.push(JSON.parse(runChild(['--solve-one', file, check], HEAP_LIMIT_MB)) as SolveReport);
      }
      const first = reports[0]!;
      const solveTimes = reports.map((r) => r.solveMillis);
      console.log(
        `| ${first.children.toLocaleString('en')} | ${first.programs.toLocaleString('en')} | ` +
          `${first.pairs.toLocaleString('en')} | ${f((100 * first.placed) / first.children, 1)} % | ` +
          `${f(median(solveTimes))} / ${f(Math.min(...solveTimes))} | ` +
          `${f(median(reports.map((r) => r.warmSolveMillis)))} | ` +
          `${f(median(reports.map((r) => r.indexMillis)))} | ${f(median(reports.map((r) => r.readMillis)))} | ` +
          `${f(Math.max(...reports.map((r) => r.peakHeapMb)))} | ${f(Math.max(...reports.map((r) => r.peakRssMb)))} | ` +
          `${first.stable === null ? 'not checked' : first.stable ? 'yes' : 'NO'} |`,
      );
      console.error(`  (${size}: file ${f(statSync(file).size / 2 ** 20)} MB)`);
      rmSync(file, { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
