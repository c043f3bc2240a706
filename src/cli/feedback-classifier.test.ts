import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateStarterSet } from '../modules/feedback/classifier/starter-set/generator.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const run = (command: string, args: string[]): Promise<Run> =>
  new Promise((resolve) => {
    const [file, argv] =
      command === 'npm'
        ? ['npm', ['run', '--silent', ...args]]
        : [process.execPath, ['--import', 'tsx', `src/cli/${command}.ts`, ...args]];
    execFile(file, argv, { cwd: root }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

const jsonl = (rows: readonly object[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

describe('feedback:train and feedback:classify CLIs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'feedback-classifier-cli-'));
  const file = (name: string, content?: string) => {
    const path = join(dir, name);
    if (content !== undefined) writeFileSync(path, content);
    return path;
  };
  // Labels as a region's export has them: opaque strings, here numbers as in the spec's example.
  const codes = new Map<string, string>();
  const appeals = generateStarterSet({ size: 600, seed: 3 }).map((a) => {
    if (!codes.has(a.label)) codes.set(a.label, String(codes.size));
    return { id: `a${a.id}`, text: a.text, label: codes.get(a.label)! };
  });
  const trainFile = file('train.jsonl', jsonl(appeals.slice(0, 500)));
  const texts = appeals.slice(500).map(({ id, text }) => ({ id, text }));
  const textsFile = file('texts.jsonl', jsonl(texts));

  it('trains a deterministic model and classifies in input order, with nothing on stdout', async () => {
    const [a, b] = await Promise.all([
      run('npm', ['feedback:train', '--', '--in', trainFile, '--out', file('model-a.json')]),
      run('feedback-train', [`--in=${trainFile}`, `--out=${file('model-b.json')}`]),
    ]);
    for (const r of [a, b]) {
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/trained in [0-9.]+ s/);
    }
    expect(readFileSync(file('model-a.json'), 'utf8')).toBe(readFileSync(file('model-b.json'), 'utf8'));

    const c = await run('npm', [
      'feedback:classify',
      '--',
      '--model',
      file('model-a.json'),
      '--in',
      textsFile,
      '--out',
      file('predictions.jsonl'),
    ]);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stdout).toBe('');
    expect(c.stderr).toMatch(/100 appeals in [0-9.]+ s \([0-9]+ appeals\/s/);
    const lines = readFileSync(file('predictions.jsonl'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(texts.length);
    const known = new Set(codes.values());
    let right = 0;
    lines.forEach((line, i) => {
      const p = JSON.parse(line) as { id: string; labels: string[]; scores: number[] };
      expect(Object.keys(p)).toEqual(['id', 'labels', 'scores']);
      expect(p.id).toBe(texts[i]!.id);
      expect(p.labels).toHaveLength(3);
      expect(p.scores).toHaveLength(3);
      for (const l of p.labels) expect(known.has(l)).toBe(true);
      for (const s of p.scores) expect(s >= 0 && s <= 1).toBe(true);
      expect(p.scores[0]! >= p.scores[1]! && p.scores[1]! >= p.scores[2]!).toBe(true);
      if (p.labels[0] === appeals[500 + i]!.label) right++;
    });
    expect(right / texts.length).toBeGreaterThan(0.6);
  });

  it('stops at a malformed line: one stderr line naming the line and field, exit 2, no output file', async () => {
    const bad = [
      [
        'train',
        jsonl(appeals.slice(0, 3)) + '{"id":"x","text":"Яма на дороге"}\n',
        /^feedback:train: .*line 4: field "label"/,
      ],
      [
        'train',
        jsonl(appeals.slice(0, 2)) + 'oops\n',
        /^feedback:train: .*line 3: field "\(line\)" is not valid JSON/,
      ],
      [
        'classify',
        jsonl(texts.slice(0, 5)) + '{"text":"Нет воды"}\n',
        /^feedback:classify: .*line 6: field "id" is missing/,
      ],
    ] as const;
    const model = file('model-a.json'); // trained by the first test
    const runs = await Promise.all(
      bad.map(([command, content], i) => {
        const input = file(`bad-${i}.jsonl`, content);
        const out = file(`bad-out-${i}.json`);
        return command === 'train'
          ? run('feedback-train', ['--in', input, '--out', out])
          : run('feedback-classify', ['--model', model, '--in', input, '--out', out]);
      }),
    );
    runs.forEach((r, i) => {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
      expect(r.stderr).toMatch(bad[i]![2]);
      expect(existsSync(file(`bad-out-${i}.json`))).toBe(false);
    });
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses bad arguments and a file that is not a model with exit 2', async () => {
    const notModel = file('not-model.json', '{"hello": 1}');
    const runs = await Promise.all([
      run('feedback-train', ['--in', trainFile]),
      run('feedback-classify', ['--model', notModel, '--in', textsFile, '--out', file('y.jsonl')]),
      run('feedback-train', ['--in', file('empty.jsonl', '\n'), '--out', file('z.json')]),
    ]);
    for (const r of runs) {
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    }
    expect(runs[0]!.stderr).toMatch(/missing --out/);
    expect(runs[1]!.stderr).toMatch(/not a classifier model/);
    expect(runs[2]!.stderr).toMatch(/no appeals/);
    expect(existsSync(file('y.jsonl'))).toBe(false);
    const missing = await run('feedback-train', ['--in', file('nowhere.jsonl'), '--out', file('w.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot read the training file/);
  });
});
