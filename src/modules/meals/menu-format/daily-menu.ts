import type { CellValue } from 'exceljs';
import { cellText, parseDecimalText } from './cell-text.js';
import { isCalendarDate, parseFoodFileName } from './file-names.js';
import type { CellProblem, DailyMenu, Variant } from './menu.js';
import { readMenuSheet, writeMenuSheet } from './menu-sheet.js';
import { loadWorkbook, missingSheet, newWorkbook, sheetNamed, workbookBytes } from './workbook.js';

export type ReadResult<T> = { ok: true; value: T } | { ok: false; problems: CellProblem[] };

/**
 * Reads a daily menu workbook (`YYYY-MM-DD-sm.xlsx`): sheet `1` wherever it is among the sheets,
 * the date from the `День` cell or else from the file name, the variant from the file name (`sm`
 * when the name does not say).
 */
export async function readDailyMenu(bytes: Uint8Array, fileName?: string): Promise<ReadResult<DailyMenu>> {
  const loaded = await loadWorkbook(bytes);
  if (!loaded.workbook) return { ok: false, problems: loaded.problems };
  const ws = sheetNamed(loaded.workbook, '1');
  if (!ws) return { ok: false, problems: [missingSheet(loaded.workbook, '1')] };
  const { sheet, problems } = readMenuSheet(ws);
  const named = fileName ? parseFoodFileName(fileName) : null;
  const fromName = named?.kind === 'daily' ? named : null;
  let date: string | null = null;
  if (sheet?.day) {
    date = dateOfCell(sheet.day.value);
    if (date === null)
      problems.push({
        sheet: ws.name,
        cell: sheet.day.cell,
        expected: 'a date (ДД.ММ.ГГГГ)',
        found: cellText(sheet.day.value),
      });
  } else if (fromName) date = fromName.date;
  else if (sheet)
    problems.push({
      sheet: ws.name,
      cell: 'J1',
      expected: 'the date (in the cell after "День", or in the file name YYYY-MM-DD-sm.xlsx)',
      found: null,
    });
  if (!sheet || problems.length > 0 || date === null) return { ok: false, problems };
  const variant: Variant = fromName?.variant ?? 'sm';
  return {
    ok: true,
    value: { school: sheet.school, branch: sheet.branch, date, variant, items: sheet.items },
  };
}

export async function writeDailyMenu(menu: DailyMenu): Promise<Buffer> {
  const workbook = newWorkbook();
  const [y, m, d] = menu.date.split('-').map(Number) as [number, number, number];
  writeMenuSheet(workbook.addWorksheet('1'), {
    school: menu.school,
    branch: menu.branch,
    day: new Date(Date.UTC(y, m - 1, d)),
    items: menu.items,
  });
  return workbookBytes(workbook);
}

/** A date cell, a `ДД.ММ.ГГГГ` / `ГГГГ-ММ-ДД` text, or an Excel serial day number. */
export function dateOfCell(value: CellValue): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (typeof value === 'number') return excelSerialDate(value);
  const text = cellText(value);
  const ru = /^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s*г\.?)?$/.exec(text);
  if (ru) {
    const iso = `${ru[3]}-${ru[2]!.padStart(2, '0')}-${ru[1]!.padStart(2, '0')}`;
    return isCalendarDate(iso) ? iso : null;
  }
  if (isCalendarDate(text)) return text;
  const serial = parseDecimalText(text);
  return serial === null ? null : excelSerialDate(serial);
}

function excelSerialDate(serial: number): string | null {
  // 25569 is 1970-01-01 in Excel's 1900 date system; days before 2000 are not a school menu.
  if (!Number.isInteger(serial) || serial < 36526 || serial > 73051) return null;
  return new Date((serial - 25569) * 86_400_000).toISOString().slice(0, 10);
}
