import type { Worksheet } from 'exceljs';
import { address, cellText, labelKey, readNumber } from './cell-text.js';
import type { ReadResult } from './daily-menu.js';
import { dateOfCell } from './daily-menu.js';
import type { CellProblem, Meal } from './menu.js';
import { MEALS } from './menu.js';
import { loadWorkbook, missingSheet, newWorkbook, sheetNamed, workbookBytes } from './workbook.js';

/**
 * The two other files of the `/food/` folder. The spec names them (`kpYYYY.xlsx` the cost of meals,
 * `findex.xlsx` the folder's index) without a layout; open-region writes both in the daily menu's
 * frame (docs/decisions/0032-costs-and-index-layout.md): sheet `1`, `Школа` and the name in row 1,
 * headers in row 3, one row per line below.
 */
export interface MealCosts {
  school: string;
  year: number;
  /** Price of one meal for a category of pupils (`1–4 классы`, `ОВЗ`, `5–11 классы`), roubles. */
  rows: { category: string; meal: Meal; price: number }[];
}

export interface FolderIndex {
  school: string;
  files: { name: string; title: string; updated: string }[];
}

const COST_HEADERS = ['Категория', 'Прием пищи', 'Стоимость, руб.'];
const INDEX_HEADERS = ['Файл', 'Описание', 'Изменён'];

export async function writeMealCosts(costs: MealCosts): Promise<Buffer> {
  const workbook = newWorkbook();
  const ws = workbook.addWorksheet('1');
  frame(ws, costs.school, COST_HEADERS);
  ws.getCell('E1').value = 'Год';
  ws.getCell('F1').value = costs.year;
  costs.rows.forEach((r, i) => {
    ws.getRow(4 + i).values = [r.category, r.meal, r.price];
    ws.getCell(4 + i, 3).numFmt = '0.00';
  });
  return workbookBytes(workbook);
}

export async function writeFolderIndex(index: FolderIndex): Promise<Buffer> {
  const workbook = newWorkbook();
  const ws = workbook.addWorksheet('1');
  frame(ws, index.school, INDEX_HEADERS);
  index.files.forEach((f, i) => {
    const [y, m, d] = f.updated.split('-').map(Number) as [number, number, number];
    ws.getRow(4 + i).values = [f.name, f.title, new Date(Date.UTC(y, m - 1, d))];
    ws.getCell(4 + i, 3).numFmt = 'dd.mm.yyyy';
  });
  [24, 40, 12].forEach((w, i) => (ws.getColumn(i + 1).width = w));
  return workbookBytes(workbook);
}

function frame(ws: Worksheet, school: string, headers: string[]) {
  ws.getCell('A1').value = 'Школа';
  ws.getCell('B1').value = school;
  ws.mergeCells('B1:D1');
  const header = ws.getRow(3);
  headers.forEach((h, i) => (header.getCell(i + 1).value = h));
  header.font = { bold: true };
}

export async function readMealCosts(bytes: Uint8Array): Promise<ReadResult<MealCosts>> {
  return readTable(bytes, COST_HEADERS, (ws, problems) => {
    const yearRead = readNumber(ws.getCell('F1').value);
    const year =
      yearRead.ok && yearRead.value !== null && Number.isInteger(yearRead.value) ? yearRead.value : null;
    if (year === null)
      problems.push({
        sheet: ws.name,
        cell: 'F1',
        expected: 'the year',
        found: cellText(ws.getCell('F1').value) || null,
      });
    const rows: MealCosts['rows'] = [];
    forRows(ws, 3, (r, cells) => {
      const meal = MEALS.find((m) => labelKey(m) === labelKey(cells[1]!));
      const price = readNumber(ws.getCell(r, 3).value);
      if (cells[0] === '')
        problems.push({ sheet: ws.name, cell: address(r, 1), expected: 'a category of pupils', found: null });
      if (!meal)
        problems.push({
          sheet: ws.name,
          cell: address(r, 2),
          expected: `a meal (${MEALS.join(', ')})`,
          found: cells[1] || null,
        });
      if (!price.ok || price.value === null)
        problems.push({ sheet: ws.name, cell: address(r, 3), expected: 'a number', found: cells[2] || null });
      else if (meal && cells[0] !== '') rows.push({ category: cells[0]!, meal, price: price.value });
    });
    return (school) => ({ school, year: year ?? 0, rows });
  });
}

export async function readFolderIndex(bytes: Uint8Array): Promise<ReadResult<FolderIndex>> {
  return readTable(bytes, INDEX_HEADERS, (ws, problems) => {
    const files: FolderIndex['files'] = [];
    forRows(ws, 3, (r, cells) => {
      const updated = dateOfCell(ws.getCell(r, 3).value);
      if (cells[0] === '')
        problems.push({ sheet: ws.name, cell: address(r, 1), expected: 'a file name', found: null });
      if (updated === null)
        problems.push({
          sheet: ws.name,
          cell: address(r, 3),
          expected: 'a date (ДД.ММ.ГГГГ)',
          found: cells[2] || null,
        });
      else if (cells[0] !== '') files.push({ name: cells[0]!, title: cells[1]!, updated });
    });
    return (school) => ({ school, files });
  });
}

async function readTable<T>(
  bytes: Uint8Array,
  headers: string[],
  body: (ws: Worksheet, problems: CellProblem[]) => (school: string) => T,
): Promise<ReadResult<T>> {
  const loaded = await loadWorkbook(bytes);
  if (!loaded.workbook) return { ok: false, problems: loaded.problems };
  const ws = sheetNamed(loaded.workbook, '1');
  if (!ws) return { ok: false, problems: [missingSheet(loaded.workbook, '1')] };
  const problems: CellProblem[] = [];
  const school = cellText(ws.getCell('B1').value);
  if (labelKey(cellText(ws.getCell('A1').value)) !== 'школа')
    problems.push({
      sheet: ws.name,
      cell: 'A1',
      expected: 'the label "Школа"',
      found: cellText(ws.getCell('A1').value) || null,
    });
  else if (school === '')
    problems.push({ sheet: ws.name, cell: 'B1', expected: "the school's name", found: null });
  headers.forEach((h, i) => {
    const found = cellText(ws.getCell(3, i + 1).value);
    if (labelKey(found) !== labelKey(h))
      problems.push({
        sheet: ws.name,
        cell: address(3, i + 1),
        expected: `the header "${h}"`,
        found: found || null,
      });
  });
  if (problems.length > 0) return { ok: false, problems };
  const finish = body(ws, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: finish(school) };
}

function forRows(ws: Worksheet, headerRow: number, each: (row: number, cells: string[]) => void) {
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const cells = [1, 2, 3].map((c) => cellText(ws.getCell(r, c).value));
    if (cells.every((c) => c === '')) continue;
    each(r, cells);
  }
}
