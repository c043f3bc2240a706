import ExcelJS from 'exceljs';
import type { CellProblem } from './menu.js';

/** An XLSX is a ZIP: refuse anything else before exceljs tries to inflate it. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export async function loadWorkbook(
  bytes: Uint8Array,
): Promise<{ workbook: ExcelJS.Workbook; problems: [] } | { workbook: null; problems: CellProblem[] }> {
  const refused = (found: string): { workbook: null; problems: CellProblem[] } => ({
    workbook: null,
    problems: [{ sheet: null, cell: 'workbook', expected: 'an XLSX workbook', found }],
  });
  if (!looksLikeXlsx(bytes))
    return refused(bytes.length === 0 ? 'an empty file' : 'a file that is not a ZIP/XLSX');
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch (error) {
    return refused(`a damaged workbook (${(error as Error).message.slice(0, 80)})`);
  }
  return { workbook, problems: [] };
}

/** A sheet by name, its name compared trimmed (`1 ` happens). */
export function sheetNamed(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  return workbook.worksheets.find((ws) => ws.name.trim() === name);
}

export function missingSheet(workbook: ExcelJS.Workbook, name: string): CellProblem {
  return {
    sheet: null,
    cell: 'workbook',
    expected: `a sheet named "${name}"`,
    found: `sheets ${workbook.worksheets.map((ws) => JSON.stringify(ws.name)).join(', ') || 'none'}`,
  };
}

export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function newWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'open-region';
  // A fixed date keeps written files byte-stable for the same menu (the robot compares files).
  workbook.created = new Date(Date.UTC(2020, 0, 1));
  workbook.modified = workbook.created;
  return workbook;
}
