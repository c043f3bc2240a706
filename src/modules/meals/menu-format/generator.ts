import ExcelJS from 'exceljs';
import { Rng } from '../../../demo/random.js';
import { readYield } from './cell-text.js';
import { foodFileName } from './file-names.js';
import type { DishCard } from './generator-dishes.js';
import { MEAL_PLAN } from './generator-dishes.js';
import type { CellProblem, DailyMenu, Meal, MenuItem, Variant } from './menu.js';
import { COLUMNS } from './menu-sheet.js';
import { workbookBytes } from './workbook.js';

/**
 * Real-shaped daily menu workbooks, deterministic from a seed, for tests and the bench. Each carries
 * the menu it encodes, so a test compares what the reader got with what was written. The messy
 * shapes are the ones the spec lists as found in real schools' files.
 */
export const MESSES = [
  'mergedMeals', // the meal name in cells merged down its block
  'mergedSchool', // the school name merged over several cells
  'headerSpelling', // `Приём  пищи`, `ВЫХОД,г`, `Калорийность, ккал`
  'textNumbers', // numbers as text with a decimal comma: `12,5`
  'emptyPrices', // price cells left empty
  'movedLabels', // row-1 labels in other columns than the template's
  'sheetNotFirst', // sheet `1` after another sheet
  'extraSheets', // further sheets (notes, a second menu)
  'emptyRows', // empty rows between blocks and at the end
  'dateFromName', // no date in the sheet: the file name gives it
  'totalsRows', // `Итого` rows after each meal
] as const;
export type Mess = (typeof MESSES)[number];

export interface GeneratedWorkbook {
  fileName: string;
  bytes: Buffer;
  menu: DailyMenu;
  messes: Mess[];
}

const SCHOOLS = [
  'МБОУ «СОШ № 5»',
  'МАОУ «Лицей № 2» г. Уфы',
  'МБОУ СОШ с. Николаевка',
  'ГБОУ «Гимназия № 1»',
];

/** A day's menu drawn from the dish cards: the school's meals, one dish per course. */
export function generateMenu(
  rng: Rng,
  options: { school?: string; date?: string; variant?: Variant; meals?: Meal[] } = {},
): DailyMenu {
  const meals = options.meals ?? (rng.chance(0.5) ? ['Завтрак', 'Обед'] : ['Завтрак', 'Обед', 'Полдник']);
  const items: MenuItem[] = [];
  for (const meal of meals)
    for (const course of MEAL_PLAN[meal]) items.push(itemOf(meal, rng.pick(course), rng));
  const day = rng.int(1, 28);
  return {
    school: options.school ?? rng.pick(SCHOOLS),
    branch: rng.chance(0.3) ? `корпус ${rng.int(1, 3)}` : null,
    date: options.date ?? `2025-${String(rng.int(9, 12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    variant: options.variant ?? (rng.chance(0.2) ? 'ss' : 'sm'),
    items,
  };
}

export function itemOf(meal: Meal, card: DishCard, rng?: Rng): MenuItem {
  const y = readYield(card.yield);
  return {
    meal,
    section: card.section,
    recipe: card.recipe,
    dish: card.dish,
    yield_g: y.ok ? y.grams : null,
    yield_text: y.ok ? y.text : null,
    // Prices differ by school and month: a few kopecks either way.
    price: rng ? Math.round(card.price * 100 + rng.int(-50, 50)) / 100 : card.price,
    kcal: card.kcal,
    protein: card.protein,
    fat: card.fat,
    carbs: card.carbs,
  };
}

/** A workbook for `seed`: its menu, and a random half of the messes (or the ones asked for). */
export async function generateWorkbook(seed: number, messes?: readonly Mess[]): Promise<GeneratedWorkbook> {
  const rng = Rng.derive(seed, 'meals-workbook');
  const chosen = messes ? [...messes] : MESSES.filter(() => rng.chance(0.5));
  let menu = generateMenu(rng);
  if (chosen.includes('emptyPrices'))
    menu = { ...menu, items: menu.items.map((i) => (rng.chance(0.5) ? { ...i, price: null } : i)) };
  const workbook = layOut(menu, new Set(chosen), rng);
  return {
    fileName: foodFileName({ kind: 'daily', date: menu.date, variant: menu.variant }),
    bytes: await workbookBytes(workbook),
    menu,
    messes: chosen,
  };
}

function layOut(menu: DailyMenu, mess: Set<Mess>, rng: Rng): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  if (mess.has('sheetNotFirst')) wb.addWorksheet('Лист1').getCell('A1').value = 'Меню утверждено директором';
  const ws = wb.addWorksheet('1');
  if (mess.has('extraSheets')) {
    const notes = wb.addWorksheet('Примечание');
    notes.getCell('A1').value = 'Прием пищи';
    notes.getCell('B1').value = 'Блюдо';
    wb.addWorksheet('2').getCell('A1').value = 'Школа';
  }
  const text = (n: number | null) =>
    n === null ? null : mess.has('textNumbers') && rng.chance(0.6) ? String(n).replace('.', ',') : n;

  // Row 1: labels in the template's columns or moved right; the school's name merged or not.
  const [schoolCol, branchCol, dayCol] = mess.has('movedLabels') ? [2, 7, 11] : [1, 5, 9];
  ws.getCell(1, schoolCol).value = mess.has('headerSpelling') ? 'школа' : 'Школа';
  ws.getCell(1, schoolCol + 1).value = menu.school;
  if (mess.has('mergedSchool')) ws.mergeCells(1, schoolCol + 1, 1, schoolCol + 3);
  ws.getCell(1, branchCol).value = 'Отд./корп';
  ws.getCell(1, branchCol + 1).value = menu.branch;
  ws.getCell(1, dayCol).value = 'День';
  if (!mess.has('dateFromName')) {
    const [y, m, d] = menu.date.split('-').map(Number) as [number, number, number];
    ws.getCell(1, dayCol + 1).value = rng.chance(0.5)
      ? new Date(Date.UTC(y, m - 1, d))
      : `${String(d).padStart(2, '0')}.${String(m).padStart(2, '0')}.${y}`;
  }

  const titles = mess.has('headerSpelling')
    ? [
        'Приём  пищи',
        'раздел',
        '№  рец.',
        'БЛЮДО',
        'ВЫХОД,г',
        'Цена, руб.',
        'Калорийность, ккал',
        'Белки, г',
        'Жиры, г',
        'Углеводы, г',
      ]
    : COLUMNS.map((c) => c.title);
  ws.getRow(3).values = titles;

  let r = 4;
  const meals = [...new Set(menu.items.map((i) => i.meal))];
  for (const meal of meals) {
    const block = menu.items.filter((i) => i.meal === meal);
    const first = r;
    for (const item of block) {
      const row = ws.getRow(r++);
      row.getCell(1).value = r - 1 === first ? meal : null;
      row.getCell(2).value = item.section;
      row.getCell(3).value =
        item.recipe !== null && /^\d+$/.test(item.recipe) && rng.chance(0.5)
          ? Number(item.recipe)
          : item.recipe;
      row.getCell(4).value = item.dish;
      row.getCell(5).value =
        item.yield_text !== null && item.yield_text.includes('/') ? item.yield_text : text(item.yield_g);
      row.getCell(6).value = text(item.price);
      row.getCell(7).value = text(item.kcal);
      row.getCell(8).value = text(item.protein);
      row.getCell(9).value = text(item.fat);
      row.getCell(10).value = text(item.carbs);
    }
    if (mess.has('mergedMeals') && r - 1 > first) ws.mergeCells(first, 1, r - 1, 1);
    if (mess.has('totalsRows')) {
      const sum = (f: 'kcal' | 'protein') => Math.round(block.reduce((a, i) => a + (i[f] ?? 0), 0) * 10) / 10;
      ws.getRow(r++).values = [
        null,
        null,
        null,
        `Итого за ${meal.toLowerCase()}`,
        null,
        null,
        sum('kcal'),
        sum('protein'),
      ];
    }
    if (mess.has('emptyRows')) r += rng.int(1, 2);
  }
  if (mess.has('emptyRows')) ws.getCell(r + 3, 1).value = '';
  return wb;
}

export type Fault = 'textInNumber' | 'unknownMeal' | 'missingDish' | 'badYield' | 'missingHeader';

/**
 * A workbook with faults in known cells and the problems the reader must report for them: each
 * fault lands in its own row of the data, so the expected list is exact.
 */
export async function generateFaultyWorkbook(
  seed: number,
  faults: readonly Fault[],
): Promise<{ fileName: string; bytes: Buffer; problems: CellProblem[] }> {
  const rng = Rng.derive(seed, 'meals-faulty');
  const menu = generateMenu(rng, { meals: ['Завтрак', 'Обед'] });
  const wb = layOut(menu, new Set<Mess>(['mergedSchool']), rng);
  const ws = wb.getWorksheet('1')!;
  const problems: CellProblem[] = [];
  const at = (row: number, col: number) => ws.getCell(row, col);
  const rows = rng
    .sample(
      menu.items.map((_, i) => 4 + i).filter((r) => r !== 4),
      faults.length,
    )
    .sort((a, b) => a - b);
  faults.forEach((fault, i) => {
    const row = rows[i]!;
    if (fault === 'textInNumber') {
      const col = rng.int(6, 10);
      at(row, col).value = 'двести';
      problems.push({ sheet: '1', cell: at(row, col).address, expected: 'a number', found: 'двести' });
    } else if (fault === 'unknownMeal') {
      at(row, 1).value = 'Перекус';
      problems.push({
        sheet: '1',
        cell: at(row, 1).address,
        expected: 'a meal (Завтрак, Завтрак 2, Обед, Полдник, Ужин, Ужин 2)',
        found: 'Перекус',
      });
    } else if (fault === 'missingDish') {
      at(row, 4).value = null;
      problems.push({ sheet: '1', cell: at(row, 4).address, expected: "the dish's name", found: null });
    } else if (fault === 'badYield') {
      at(row, 5).value = '150 г';
      problems.push({
        sheet: '1',
        cell: at(row, 5).address,
        expected: 'a yield in grams (a number, or parts such as 150/5)',
        found: '150 г',
      });
    } else {
      at(3, 6).value = 'Примечание';
      problems.push({ sheet: '1', cell: 'F3', expected: 'the header "Цена"', found: 'Примечание' });
    }
  });
  // A missing header stops the reader before the rows: only that problem is reported then.
  const reported = faults.includes('missingHeader') ? problems.filter((p) => p.cell === 'F3') : problems;
  return {
    fileName: foodFileName({ kind: 'daily', date: menu.date, variant: menu.variant }),
    bytes: await workbookBytes(wb),
    problems: reported.sort((a, b) => rowOf(a.cell) - rowOf(b.cell) || a.cell.localeCompare(b.cell)),
  };
}

const rowOf = (cell: string) => Number(cell.replace(/^[A-Z]+/, ''));
