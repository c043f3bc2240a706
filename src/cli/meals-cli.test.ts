import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateFaultyWorkbook, generateWorkbook, MESSES } from '../modules/meals/menu-format/generator.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

const run = (script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', `src/cli/${script}.ts`, ...args],
      { cwd: root },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('meals:read and meals:write', () => {
  const dir = mkdtempSync(join(tmpdir(), 'meals-cli-'));

  it('reads a messy workbook to the spec JSON and writes it back to a workbook that reads the same', async () => {
    const g = await generateWorkbook(5, MESSES);
    const xlsx = join(dir, g.fileName);
    writeFileSync(xlsx, g.bytes);
    const json = join(dir, 'menu.json');
    expect(await run('meals-read', ['--in', xlsx, '--out', json])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    const text = readFileSync(json, 'utf8');
    expect(JSON.parse(text)).toEqual(g.menu);
    expect(Object.keys(JSON.parse(text).items[0])).toEqual([
      'meal',
      'section',
      'recipe',
      'dish',
      'yield_g',
      'yield_text',
      'price',
      'kcal',
      'protein',
      'fat',
      'carbs',
    ]);

    const written = join(dir, 'written.xlsx');
    expect(await run('meals-write', ['--in', json, '--out', written])).toEqual({
      code: 0,
      stdout: '',
      stderr: '',
    });
    // The written file has no date in its name: the date and variant come from the sheet and JSON.
    const again = join(dir, `${g.menu.date}-${g.menu.variant}.xlsx`);
    writeFileSync(again, readFileSync(written));
    const json2 = join(dir, 'menu2.json');
    expect((await run('meals-read', ['--in', again, '--out', json2])).code).toBe(0);
    expect(readFileSync(json2, 'utf8')).toBe(text);
  });

  it('refuses a workbook with bad cells: one stderr line per cell, exit 2, no output file', async () => {
    const g = await generateFaultyWorkbook(3, ['textInNumber', 'badYield']);
    const xlsx = join(dir, `bad-${g.fileName}`);
    writeFileSync(xlsx, g.bytes);
    const out = join(dir, 'bad.json');
    const result = await run('meals-read', ['--in', xlsx, '--out', out]);
    expect(result.code).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toEqual(
      g.problems.map((p) => `${p.cell}: expected ${p.expected}, found ${JSON.stringify(p.found)}`),
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a file that is not an XLSX and a JSON that is not a menu', async () => {
    const csv = join(dir, '2025-09-01-sm.xlsx');
    writeFileSync(csv, 'Завтрак;Каша\n');
    const r = await run('meals-read', ['--in', csv, '--out', join(dir, 'x.json')]);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: 'workbook: expected an XLSX workbook, found "a file that is not a ZIP/XLSX"\n',
    });
    const json = join(dir, 'wrong.json');
    writeFileSync(
      json,
      JSON.stringify({
        school: 'Школа',
        branch: null,
        date: '2025-09-01',
        variant: 'sm',
        items: [
          {
            meal: 'Обед',
            section: null,
            recipe: null,
            dish: 'Суп',
            yield_g: 200,
            yield_text: '150/5',
            price: null,
            kcal: 'много',
            protein: null,
            fat: null,
            carbs: null,
          },
        ],
      }),
    );
    const w = await run('meals-write', ['--in', json, '--out', join(dir, 'w.xlsx')]);
    expect(w.code).toBe(2);
    expect(w.stderr).toMatch(/^items\[0\]\.kcal: /);
    expect(existsSync(join(dir, 'w.xlsx'))).toBe(false);
  });
});
