import { cellText, readNumber } from './cell-text.js';
import type { ReadResult } from './daily-menu.js';
import { parseFoodFileName } from './file-names.js';
import type { CellProblem, MenuItem, Variant } from './menu.js';
import { readMenuSheet, writeMenuSheet } from './menu-sheet.js';
import { loadWorkbook, newWorkbook, workbookBytes } from './workbook.js';

/**
 * The typical (cyclic) menu of the year, `tmYYYY-sm.xlsx`. The spec names the file but not its
 * inside; open-region writes (docs/decisions/0031-cyclic-menu-layout.md) one sheet per day of the
 * cycle, named `1`…`N`, each in the daily template's layout with the cycle day's number in the
 * `День` cell, so sheet `1` alone is still a valid daily-shaped sheet for a robot.
 */
export interface CyclicMenu {
  school: string;
  branch: string | null;
  year: number;
  variant: Variant;
  days: { day: number; items: MenuItem[] }[];
}

export async function readCyclicMenu(bytes: Uint8Array, fileName?: string): Promise<ReadResult<CyclicMenu>> {
  const loaded = await loadWorkbook(bytes);
  if (!loaded.workbook) return { ok: false, problems: loaded.problems };
  const named = fileName ? parseFoodFileName(fileName) : null;
  const fromName = named?.kind === 'cyclic' ? named : null;
  const daySheets = loaded.workbook.worksheets
    .filter((ws) => /^\d{1,2}$/.test(ws.name.trim()) && Number(ws.name.trim()) >= 1)
    .sort((a, b) => Number(a.name) - Number(b.name));
  const problems: CellProblem[] = [];
  if (daySheets.length === 0)
    return {
      ok: false,
      problems: [
        {
          sheet: null,
          cell: 'workbook',
          expected: 'sheets named 1…N, one per day of the cycle',
          found: `sheets ${loaded.workbook.worksheets.map((ws) => JSON.stringify(ws.name)).join(', ')}`,
        },
      ],
    };
  const days: CyclicMenu['days'] = [];
  let school: string | null = null;
  let branch: string | null = null;
  for (const ws of daySheets) {
    const read = readMenuSheet(ws);
    problems.push(...read.problems);
    if (!read.sheet) continue;
    if (school === null) ({ school, branch } = read.sheet);
    else if (read.sheet.school !== school)
      problems.push({
        sheet: ws.name,
        cell: 'B1',
        expected: `the same school as sheet 1 ("${school}")`,
        found: read.sheet.school,
      });
    const day = Number(ws.name.trim());
    if (read.sheet.day) {
      const written = readNumber(read.sheet.day.value);
      if (!written.ok || written.value !== day)
        problems.push({
          sheet: ws.name,
          cell: read.sheet.day.cell,
          expected: `the cycle day ${day} (the sheet's name)`,
          found: cellText(read.sheet.day.value),
        });
    }
    days.push({ day, items: read.sheet.items });
  }
  days.forEach((d, i) => {
    if (d.day !== i + 1)
      problems.push({
        sheet: String(d.day),
        cell: 'workbook',
        expected: `the sheet "${i + 1}" before it (cycle days are numbered 1…N)`,
        found: null,
      });
  });
  const year = fromName?.year ?? null;
  if (year === null)
    problems.push({
      sheet: null,
      cell: 'workbook',
      expected: 'a file name tmYYYY-sm.xlsx giving the year',
      found: fileName ?? null,
    });
  if (problems.length > 0 || school === null || year === null) return { ok: false, problems };
  return { ok: true, value: { school, branch, year, variant: fromName?.variant ?? 'sm', days } };
}

export async function writeCyclicMenu(menu: CyclicMenu): Promise<Buffer> {
  const workbook = newWorkbook();
  for (const day of menu.days)
    writeMenuSheet(workbook.addWorksheet(String(day.day)), {
      school: menu.school,
      branch: menu.branch,
      day: day.day,
      items: day.items,
    });
  return workbookBytes(workbook);
}
