import ExcelJS from 'exceljs';
import { csvField, spreadsheetValue } from './spreadsheet-cell.js';

/** One column of a table written to XLSX and CSV. */
export interface Column {
  key: string;
  title: string;
  /** exceljs number format; integers by default. */
  format?: string;
}

/** A table as plain rows: a service's XLSX and CSV are both written from it, as its screen shows it. */
export interface ReportTable {
  sheet: string;
  title: string;
  columns: Column[];
  rows: (string | number | null)[][];
}

/**
 * An XLSX workbook of report tables (laid out like the ФГИС ДДО indicator tables and form 85-К):
 * a title row, a header row, then one row per area (or age band, or kindergarten). Numbers are
 * written as numbers (never text) with a display format, so they read back exactly; text that would
 * start a formula (a name typed as `=HYPERLINK(…)`) is written with a leading apostrophe.
 */
export async function tablesToXlsx(
  tables: ReportTable[],
  meta: { title: string; generatedAt: Date },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'open-region';
  wb.created = meta.generatedAt;
  wb.title = meta.title;
  for (const t of tables) {
    const ws = wb.addWorksheet(t.sheet, { views: [{ state: 'frozen', ySplit: 2 }] });
    ws.addRow([spreadsheetValue(t.title)]).font = { bold: true, size: 12 };
    ws.mergeCells(1, 1, 1, Math.max(1, t.columns.length));
    const header = ws.addRow(t.columns.map((c) => spreadsheetValue(c.title)));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    header.height = 48;
    for (const row of t.rows) ws.addRow(row.map(spreadsheetValue));
    t.columns.forEach((c, i) => {
      const col = ws.getColumn(i + 1);
      col.width = i === 0 || c.key === 'name' ? 34 : 16;
      if (c.format) col.numFmt = c.format;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** CSV of one table: `;`-separated with a UTF-8 BOM, as spreadsheet software in Russia expects. */
export function tableToCsv(t: ReportTable): string {
  const cell = (v: string | number | null) => csvField(v, ';');
  const lines = [t.columns.map((c) => cell(c.title)).join(';'), ...t.rows.map((r) => r.map(cell).join(';'))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
