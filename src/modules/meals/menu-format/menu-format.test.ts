import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readYield, readNumber, labelKey, address } from './cell-text.js';
import { readCyclicMenu, writeCyclicMenu } from './cyclic-menu.js';
import { readDailyMenu, writeDailyMenu } from './daily-menu.js';
import { parseFoodFileName, foodFileName } from './file-names.js';
import { readFolderIndex, readMealCosts, writeFolderIndex, writeMealCosts } from './folder-files.js';
import { generateFaultyWorkbook, generateWorkbook, MESSES } from './generator.js';
import type { DailyMenu } from './menu.js';
import { dailyMenuSchema, MEALS, problemLine } from './menu.js';
import ExcelJS from 'exceljs';

async function roundTrip(menu: DailyMenu, fileName: string) {
  const written = await writeDailyMenu(menu);
  const again = await readDailyMenu(written, fileName);
  expect(again).toEqual({ ok: true, value: menu });
}

describe('cells as real schools write them', () => {
  it('reads compound yields as the sum and keeps the text', () => {
    expect(readYield('150/5')).toEqual({ ok: true, grams: 155, text: '150/5' });
    expect(readYield('200/15/7')).toEqual({ ok: true, grams: 222, text: '200/15/7' });
    expect(readYield('12,5')).toEqual({ ok: true, grams: 12.5, text: '12,5' });
    expect(readYield(200)).toEqual({ ok: true, grams: 200, text: '200' });
    expect(readYield(null)).toEqual({ ok: true, grams: null, text: null });
    expect(readYield('150 г')).toEqual({ ok: false, found: '150 г' });
  });
  it('reads decimal-comma text numbers and refuses words and negatives', () => {
    expect(readNumber('12,5')).toEqual({ ok: true, value: 12.5 });
    expect(readNumber(' 1 250,5 ')).toEqual({ ok: true, value: 1250.5 });
    expect(readNumber({ formula: 'A1+1', result: 3 } as never)).toEqual({ ok: true, value: 3 });
    expect(readNumber('')).toEqual({ ok: true, value: null });
    expect(readNumber('двести')).toEqual({ ok: false, found: 'двести' });
    expect(readNumber(-1)).toEqual({ ok: false, found: '-1' });
  });
  it('matches labels whatever their ё, case and spacing', () => {
    expect(labelKey('Приём  пищи')).toBe(labelKey('прием пищи'));
    expect(labelKey('Отд./корп')).toBe('отдкорп');
    expect(address(7, 5)).toBe('E7');
    expect(address(1, 27)).toBe('AA1');
  });
  it('parses and formats the federal file names', () => {
    expect(parseFoodFileName('/x/2025-09-01-SM.xlsx')).toEqual({
      kind: 'daily',
      date: '2025-09-01',
      variant: 'sm',
    });
    expect(parseFoodFileName('2025-02-30-sm.xlsx')).toBeNull();
    expect(parseFoodFileName('tm2025-ss.xlsx')).toEqual({ kind: 'cyclic', year: 2025, variant: 'ss' });
    expect(parseFoodFileName('kp2025.xlsx')).toEqual({ kind: 'costs', year: 2025 });
    expect(parseFoodFileName('findex.xlsx')).toEqual({ kind: 'index' });
    expect(foodFileName({ kind: 'daily', date: '2025-09-01', variant: 'ss' })).toBe('2025-09-01-ss.xlsx');
  });
});

describe('daily menu workbooks', () => {
  it.each(MESSES.map((m) => [m]))('reads a workbook with %s', async (mess) => {
    const g = await generateWorkbook(11, [mess]);
    const read = await readDailyMenu(g.bytes, g.fileName);
    expect(read).toEqual({ ok: true, value: g.menu });
  });

  it('reads every generated workbook, and read → write → read gives the same menu', async () => {
    for (let seed = 1; seed <= 40; seed++) {
      const g = await generateWorkbook(seed);
      const read = await readDailyMenu(g.bytes, g.fileName);
      expect(read, `seed ${seed} with ${g.messes.join(', ')}`).toEqual({ ok: true, value: g.menu });
      if (read.ok) await roundTrip(read.value, g.fileName);
    }
  });

  it('reads every mess at once', async () => {
    const g = await generateWorkbook(5, MESSES);
    expect(await readDailyMenu(g.bytes, g.fileName)).toEqual({ ok: true, value: g.menu });
  });

  it('writes any menu so that it reads back the same (property)', async () => {
    const word = fc.stringMatching(/^[А-Яа-яё0-9=«»"№.-]{1,12}( [А-Яа-яё0-9]{1,8}){0,3}$/);
    const amount = fc.option(
      fc.integer({ min: 0, max: 99999 }).map((n) => n / 10),
      { nil: null },
    );
    const menuArb = fc.record({
      school: word,
      branch: fc.option(word, { nil: null }),
      date: fc
        .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      variant: fc.constantFrom('sm' as const, 'ss' as const),
      items: fc.array(
        fc.record({
          meal: fc.constantFrom(...MEALS),
          section: fc.option(word, { nil: null }),
          recipe: fc.option(word, { nil: null }),
          dish: word,
          yieldParts: fc.option(fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 3 }), {
            nil: null,
          }),
          price: amount,
          kcal: amount,
          protein: amount,
          fat: amount,
          carbs: amount,
        }),
        { maxLength: 12 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(menuArb, async (m) => {
        const menu: DailyMenu = {
          ...m,
          items: m.items.map(({ yieldParts, ...i }) => ({
            ...i,
            yield_g: yieldParts === null ? null : yieldParts.reduce((a, b) => a + b, 0),
            yield_text: yieldParts === null ? null : yieldParts.join('/'),
          })),
        };
        // Names that a reader takes for labels or totals are not dishes; the property skips them.
        fc.pre(
          menu.items.every((i) => !/^(итого|всего)/i.test(i.dish)) && dailyMenuSchema.safeParse(menu).success,
        );
        await roundTrip(menu, foodFileName({ kind: 'daily', date: menu.date, variant: menu.variant }));
      }),
      { numRuns: 40 },
    );
  });

  it('names every cell it could not read', async () => {
    const g = await generateFaultyWorkbook(3, ['textInNumber', 'unknownMeal', 'missingDish', 'badYield']);
    const read = await readDailyMenu(g.bytes, g.fileName);
    expect(read).toEqual({ ok: false, problems: g.problems });
    expect(g.problems).toHaveLength(4);
    expect(problemLine(g.problems.find((p) => p.found === 'двести')!)).toMatch(
      /^[F-J]\d+: expected a number, found "двести"$/,
    );
  });

  it('names a missing header', async () => {
    const g = await generateFaultyWorkbook(4, ['missingHeader']);
    expect(await readDailyMenu(g.bytes, g.fileName)).toEqual({ ok: false, problems: g.problems });
    expect(problemLine(g.problems[0]!)).toBe('F3: expected the header "Цена", found "Примечание"');
  });

  it('refuses a file that is not an XLSX, and a workbook without sheet 1', async () => {
    const text = await readDailyMenu(Buffer.from('Завтрак;Каша'), 'x.xlsx');
    expect(text).toEqual({
      ok: false,
      problems: [
        {
          sheet: null,
          cell: 'workbook',
          expected: 'an XLSX workbook',
          found: 'a file that is not a ZIP/XLSX',
        },
      ],
    });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Меню');
    const noSheet = await readDailyMenu(Buffer.from(await wb.xlsx.writeBuffer()), 'x.xlsx');
    expect(noSheet).toEqual({
      ok: false,
      problems: [{ sheet: null, cell: 'workbook', expected: 'a sheet named "1"', found: 'sheets "Меню"' }],
    });
  });

  it('asks for a date when neither the sheet nor the file name gives one', async () => {
    const g = await generateWorkbook(8, ['dateFromName']);
    const read = await readDailyMenu(g.bytes, 'menu.xlsx');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problems.map((p) => p.cell)).toEqual(['J1']);
  });
});

describe('the other files of the folder', () => {
  it('writes and reads a cyclic menu of ten days', async () => {
    const days = [];
    for (let day = 1; day <= 10; day++) days.push({ day, items: (await generateWorkbook(day)).menu.items });
    const cyclic = { school: 'МБОУ «СОШ № 5»', branch: null, year: 2025, variant: 'sm' as const, days };
    const bytes = await writeCyclicMenu(cyclic);
    expect(await readCyclicMenu(bytes, 'tm2025-sm.xlsx')).toEqual({ ok: true, value: cyclic });
    const noYear = await readCyclicMenu(bytes, 'menu.xlsx');
    expect(noYear.ok).toBe(false);
  });

  it('writes and reads the costs and the index', async () => {
    const costs = {
      school: 'МБОУ «СОШ № 5»',
      year: 2025,
      rows: [
        { category: '1–4 классы', meal: 'Завтрак' as const, price: 95.5 },
        { category: 'ОВЗ', meal: 'Обед' as const, price: 142 },
      ],
    };
    expect(await readMealCosts(await writeMealCosts(costs))).toEqual({ ok: true, value: costs });
    const index = {
      school: 'МБОУ «СОШ № 5»',
      files: [{ name: '2025-09-01-sm.xlsx', title: 'Меню на 01.09.2025', updated: '2025-08-29' }],
    };
    expect(await readFolderIndex(await writeFolderIndex(index))).toEqual({ ok: true, value: index });
  });
});
