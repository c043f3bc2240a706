import type { Cell, CellValue, Worksheet } from 'exceljs';
import { address, cellText, labelKey, plainValue, readNumber, readYield } from './cell-text.js';
import type { CellProblem, Meal, MenuItem } from './menu.js';
import { MEALS, NUMBER_FIELDS } from './menu.js';

/**
 * One sheet in the layout of the federal daily menu template: row 1 `Школа` | name … `Отд./корп` |
 * branch … `День` | date; a header row `Прием пищи | Раздел | № рец. | Блюдо | Выход, г | Цена |
 * Калорийность | Белки | Жиры | Углеводы`; items below it. The daily menu is one such sheet; the
 * cyclic menu is one per day of the cycle.
 */
export interface MenuSheet {
  school: string;
  branch: string | null;
  /** The raw `День` value (a date, a date text, a cycle day number) and its cell, or null when absent. */
  day: { value: CellValue; cell: string } | null;
  items: MenuItem[];
}

export type Column = 'meal' | 'section' | 'recipe' | 'dish' | 'yield' | (typeof NUMBER_FIELDS)[number];

/** The template's columns, titles and the label keys real files use for them. */
export const COLUMNS: readonly { column: Column; title: string; matches: (key: string) => boolean }[] = [
  { column: 'meal', title: 'Прием пищи', matches: (k) => k === 'приемпищи' },
  { column: 'section', title: 'Раздел', matches: (k) => k === 'раздел' },
  { column: 'recipe', title: '№ рец.', matches: (k) => k.startsWith('рец') || k === 'номеррецептуры' },
  { column: 'dish', title: 'Блюдо', matches: (k) => k === 'блюдо' || k === 'наименованиеблюда' },
  { column: 'yield', title: 'Выход, г', matches: (k) => k.startsWith('выход') },
  { column: 'price', title: 'Цена', matches: (k) => k.startsWith('цена') || k.startsWith('стоимость') },
  {
    column: 'kcal',
    title: 'Калорийность',
    matches: (k) => k.startsWith('калорийн') || k.startsWith('энергетическаяценность'),
  },
  { column: 'protein', title: 'Белки', matches: (k) => k.startsWith('белки') },
  { column: 'fat', title: 'Жиры', matches: (k) => k.startsWith('жиры') },
  { column: 'carbs', title: 'Углеводы', matches: (k) => k.startsWith('углеводы') },
];

const HEADER_LABELS = { school: 'школа', branch: 'отдкорп', day: 'день' } as const;
const MEAL_BY_KEY = new Map<string, Meal>([
  ...MEALS.map((m) => [labelKey(m), m] as const),
  ['2завтрак', 'Завтрак 2'],
  ['второйзавтрак', 'Завтрак 2'],
  ['2ужин', 'Ужин 2'],
  ['второйужин', 'Ужин 2'],
]);
const MEAL_LIST = MEALS.join(', ');
/** Real headers sit in the first rows; the template's is row 3. */
const HEADER_SEARCH_ROWS = 12;

export function readMenuSheet(ws: Worksheet): { sheet: MenuSheet | null; problems: CellProblem[] } {
  const problems: CellProblem[] = [];
  const problem = (cell: string, expected: string, found: string | null) =>
    problems.push({ sheet: ws.name, cell, expected, found });

  const labels = findLabels(ws);
  const schoolValue = labels.school ? valueRightOf(ws, labels.school) : null;
  const school = schoolValue ? cellText(schoolValue.value) : '';
  if (!labels.school) problem('A1', 'the label "Школа"', cellText(ws.getCell('A1').value) || null);
  else if (school === '')
    problem(address(labels.school.row, labels.school.col + 1), "the school's name", null);
  const branchValue = labels.branch ? valueRightOf(ws, labels.branch) : null;
  const branch = branchValue ? cellText(branchValue.value) || null : null;
  const dayValue = labels.day ? valueRightOf(ws, labels.day) : null;
  const day = dayValue ? { value: plainValue(dayValue.value), cell: dayValue.cell } : null;

  const header = findHeaderRow(ws);
  if (header === null) {
    problem(
      'A3',
      `the header row (${COLUMNS.map((c) => c.title).join(' | ')})`,
      cellText(ws.getCell('A3').value) || null,
    );
    return { sheet: null, problems };
  }
  const columns = new Map<Column, number>();
  for (const [i, spec] of COLUMNS.entries()) {
    const at = header.columns.get(spec.column);
    if (at === undefined)
      problem(
        address(header.row, i + 1),
        `the header "${spec.title}"`,
        cellText(ws.getRow(header.row).getCell(i + 1).value) || null,
      );
    else columns.set(spec.column, at);
  }
  if (columns.size < COLUMNS.length) return { sheet: null, problems };

  const items: MenuItem[] = [];
  let meal: Meal | null = null;
  for (let r = header.row + 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const at = (c: Column) => row.getCell(columns.get(c)!);
    const text = (c: Column) => cellText(plainValue(at(c).value));
    const others = COLUMNS.filter((c) => c.column !== 'meal').map((c) => text(c.column));
    const mealCell = at('meal');
    const mealText = text('meal');
    if (mealText !== '') {
      const named = MEAL_BY_KEY.get(labelKey(mealText));
      if (named) meal = named;
      else if (others.every((t) => t === '') || labelKey(mealText).startsWith('итого')) continue;
      else {
        problem(mealCell.address, `a meal (${MEAL_LIST})`, mealText);
        continue;
      }
    }
    if (others.every((t) => t === '')) continue; // an empty row, or a meal's title row
    const dish = text('dish');
    if (/^(итого|всего)/.test(labelKey(dish))) continue; // a totals row: the reader recomputes sums
    if (dish === '') {
      problem(at('dish').address, "the dish's name", null);
      continue;
    }
    if (meal === null) {
      problem(mealCell.address, `a meal (${MEAL_LIST})`, null);
      continue;
    }
    const yieldRead = readYield(at('yield').value);
    if (!yieldRead.ok)
      problem(at('yield').address, 'a yield in grams (a number, or parts such as 150/5)', yieldRead.found);
    const numbers: Partial<Record<(typeof NUMBER_FIELDS)[number], number | null>> = {};
    for (const field of NUMBER_FIELDS) {
      const read = readNumber(at(field).value);
      if (read.ok) numbers[field] = read.value;
      else problem(at(field).address, 'a number', read.found);
    }
    const section = text('section');
    const recipe = text('recipe');
    items.push({
      meal,
      section: section === '' ? null : section,
      recipe: recipe === '' ? null : recipe,
      dish,
      yield_g: yieldRead.ok ? yieldRead.grams : null,
      yield_text: yieldRead.ok ? yieldRead.text : null,
      price: numbers.price ?? null,
      kcal: numbers.kcal ?? null,
      protein: numbers.protein ?? null,
      fat: numbers.fat ?? null,
      carbs: numbers.carbs ?? null,
    });
  }
  if (problems.length > 0) return { sheet: null, problems };
  return { sheet: { school, branch, day, items }, problems };
}

type Position = { row: number; col: number };

/** Row-1 labels (or row 2: some files put the date there), wherever their columns are. */
function findLabels(ws: Worksheet): Partial<Record<keyof typeof HEADER_LABELS, Position>> {
  const found: Partial<Record<keyof typeof HEADER_LABELS, Position>> = {};
  for (let r = 1; r <= 2; r++) {
    const row = ws.getRow(r);
    for (let c = 1; c <= Math.max(row.cellCount, 1); c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) continue;
      const key = labelKey(cellText(cell.value));
      for (const [name, label] of Object.entries(HEADER_LABELS) as [keyof typeof HEADER_LABELS, string][])
        if (key === label && !found[name]) found[name] = { row: r, col: c };
    }
  }
  return found;
}

const isLabel = (cell: Cell) =>
  Object.values(HEADER_LABELS).includes(labelKey(cellText(cell.value)) as never);

/** The first filled cell right of a label, skipping the label's own merged cells; a further label stops the search. */
function valueRightOf(ws: Worksheet, at: Position): { value: CellValue; cell: string } | null {
  const row = ws.getRow(at.row);
  const label = row.getCell(at.col);
  for (let c = at.col + 1; c <= Math.max(row.cellCount, at.col + 1); c++) {
    const cell = row.getCell(c);
    if (cell.isMerged && cell.master.address === label.address) continue;
    if (cell.isMerged && cell.master.address !== cell.address) continue;
    if (isLabel(cell)) return null;
    if (cellText(plainValue(cell.value)) !== '') return { value: cell.value, cell: cell.address };
  }
  return null;
}

function findHeaderRow(ws: Worksheet): { row: number; columns: Map<Column, number> } | null {
  for (let r = 1; r <= Math.min(ws.rowCount, HEADER_SEARCH_ROWS); r++) {
    const row = ws.getRow(r);
    const columns = new Map<Column, number>();
    for (let c = 1; c <= row.cellCount; c++) {
      const key = labelKey(cellText(row.getCell(c).value));
      if (key === '') continue;
      const spec = COLUMNS.find((s) => !columns.has(s.column) && s.matches(key));
      if (spec) columns.set(spec.column, c);
    }
    if (columns.has('meal') && columns.has('dish')) return { row: r, columns };
  }
  return null;
}

/** Writes a sheet in the template's layout; the meal is written in the first row of its block. */
export function writeMenuSheet(
  ws: Worksheet,
  sheet: {
    school: string;
    branch: string | null;
    day: Date | number | string | null;
    items: readonly MenuItem[];
  },
): void {
  // Text is written as shared-string cells, which spreadsheets never evaluate, so a dish named
  // `=…` stays that text and reads back unchanged (no apostrophe needed, unlike CSV).
  ws.getCell('A1').value = 'Школа';
  ws.getCell('B1').value = sheet.school;
  ws.mergeCells('B1:D1');
  ws.getCell('E1').value = 'Отд./корп';
  ws.getCell('F1').value = sheet.branch;
  ws.getCell('I1').value = 'День';
  const dayCell = ws.getCell('J1');
  dayCell.value = sheet.day;
  if (sheet.day instanceof Date) dayCell.numFmt = 'dd.mm.yyyy';
  const header = ws.getRow(3);
  COLUMNS.forEach((c, i) => (header.getCell(i + 1).value = c.title));
  header.font = { bold: true };
  let previous: Meal | null = null;
  sheet.items.forEach((item, i) => {
    const row = ws.getRow(4 + i);
    row.getCell(1).value = item.meal === previous ? null : item.meal;
    previous = item.meal;
    row.getCell(2).value = item.section;
    row.getCell(3).value = item.recipe;
    row.getCell(4).value = item.dish;
    row.getCell(5).value = yieldCellValue(item);
    NUMBER_FIELDS.forEach((field, j) => {
      const cell = row.getCell(6 + j);
      cell.value = item[field];
      cell.numFmt = field === 'price' ? '0.00' : '0.0#';
    });
  });
  [12, 12, 8, 40, 10, 8, 13, 8, 8, 10].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** A plain yield as a number cell; a compound (`150/5`) or a text the reader keeps (`12,5`) as text. */
function yieldCellValue(item: MenuItem): number | string | null {
  if (item.yield_text === null) return item.yield_g;
  return item.yield_g !== null && item.yield_text === String(item.yield_g) ? item.yield_g : item.yield_text;
}
