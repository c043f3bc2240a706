import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseInstance, solve } from '../modules/kindergarten/placement/solver/index.js';
import type { InstanceJson } from '../modules/kindergarten/placement/solver/index.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const run = (args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/placement.ts', ...args],
      { cwd: root },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

const instance: InstanceJson = {
  version: 1,
  programs: [
    { id: 'K001/3-4/gen', capacity: 1 },
    { id: 'K002/3-4/gen', capacity: 2 },
  ],
  children: [
    { id: 'A-1', preferences: ['K001/3-4/gen', 'K002/3-4/gen'], priority: [2, 100, 1] },
    { id: 'A-2', preferences: ['K001/3-4/gen'], priority: [1, 200, 2] },
    { id: '__proto__', preferences: ['K002/3-4/gen'], priority: [2, 50, 3], current: 'K001/3-4/gen' },
  ],
};

describe('placement CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'placement-cli-'));
  const file = (name: string, content?: string | Buffer) => {
    const path = join(dir, name);
    if (content !== undefined) writeFileSync(path, content);
    return path;
  };
  const expected = solve(parseInstance(instance)).assignments;

  it('solves a JSON and a gzip-compressed instance, printing nothing', async () => {
    const plain = file('instance.json', JSON.stringify(instance));
    const gz = file('instance.json.gz', gzipSync(JSON.stringify(instance)));
    const existing = file('overwritten.json', 'old result');
    const runs = await Promise.all([
      run(['--in', plain, '--out', file('plain-result.json')]),
      run([`--in=${gz}`, `--out=${file('gz-result.json')}`]),
      run(['--out', existing, '--in', plain]),
    ]);
    for (const [i, name] of ['plain-result.json', 'gz-result.json', 'overwritten.json'].entries()) {
      expect(runs[i]).toEqual({ code: 0, stdout: '', stderr: '' });
      const result = JSON.parse(readFileSync(file(name), 'utf8'));
      expect(result.version).toBe(1);
      expect(result.assignments).toEqual(JSON.parse(JSON.stringify(expected)));
      expect(Object.keys(result.assignments)).toContain('__proto__');
      expect(result.stats).toMatchObject({ children: 3, placed: 3, proposals: expect.any(Number) });
      expect(result.stats.millis).toBeGreaterThanOrEqual(0);
    }
  });

  it('rejects each malformed input with one line on stderr and leaves --out alone', async () => {
    const broken = (change: (json: InstanceJson) => void) => {
      const json = structuredClone(instance);
      change(json);
      return JSON.stringify(json);
    };
    const cases: [string, string[], RegExp][] = [
      ['bad JSON', ['--in', file('bad.json', '{"version": 1,\n "programs": [\n')], /invalid JSON/],
      ['empty file', ['--in', file('empty.json', '')], /invalid JSON/],
      ['missing file', ['--in', join(dir, 'nope.json')], /cannot read the instance: ENOENT/],
      ['corrupt gzip', ['--in', file('corrupt.json.gz', 'not gzip at all')], /not a valid gzip file/],
      [
        'version',
        [
          '--in',
          file(
            'v2.json',
            broken((j) => void Object.assign(j, { version: 2 })),
          ),
        ],
        /version must be 1/,
      ],
      [
        'unknown program',
        [
          '--in',
          file(
            'unknown.json',
            broken((j) => void j.children[0]!.preferences.push('K999')),
          ),
        ],
        /child "A-1": preferences name unknown program "K999"/,
      ],
      [
        'duplicate child',
        [
          '--in',
          file(
            'dup.json',
            broken((j) => void (j.children[1]!.id = 'A-1')),
          ),
        ],
        /child "A-1": duplicate id/,
      ],
      [
        'negative capacity',
        [
          '--in',
          file(
            'neg.json',
            broken((j) => void (j.programs[1]!.capacity = -2)),
          ),
        ],
        /program "K002\/3-4\/gen": capacity must be an integer >= 0/,
      ],
      [
        'priority lengths',
        [
          '--in',
          file(
            'len.json',
            broken((j) => void (j.children[2]!.priority = [1])),
          ),
        ],
        /child "__proto__": priority has 1 values/,
      ],
      [
        'seats held beyond capacity',
        [
          '--in',
          file(
            'held.json',
            broken((j) => void (j.programs[0]!.capacity = 0)),
          ),
        ],
        /program "K001\/3-4\/gen": capacity 0 is smaller than the 1 children/,
      ],
    ];
    const existing = 'previous result, must survive\n';
    const outputs = cases.map(([name]) => file(`${name.replace(/\W/g, '-')}.out.json`));
    writeFileSync(outputs[0]!, existing);
    const runs = await Promise.all(cases.map(([, args], i) => run([...args, '--out', outputs[i]!])));
    runs.forEach((result, i) => {
      const [name, , message] = cases[i]!;
      expect(result.code, name).not.toBe(0);
      expect(result.stdout, name).toBe('');
      expect(result.stderr, name).toMatch(/^placement: [^\n]+\n$/);
      expect(result.stderr, name).toMatch(message);
    });
    expect(readFileSync(outputs[0]!, 'utf8')).toBe(existing);
    const written = new Set(readdirSync(dir));
    for (const output of outputs.slice(1)) expect(written.has(output.slice(dir.length + 1))).toBe(false);
    expect([...written].filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('explains missing or unknown arguments on one line', async () => {
    const input = file('args.json', JSON.stringify(instance));
    const runs = await Promise.all([
      run([]),
      run(['--in', input]),
      run(['--out', file('x.json')]),
      run(['--in', input, '--frobnicate']),
    ]);
    for (const result of runs) {
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/^placement: [^\n]*usage: npm run --silent placement[^\n]*\n$/);
    }
    expect(readdirSync(dir)).not.toContain('x.json');
  });
});
