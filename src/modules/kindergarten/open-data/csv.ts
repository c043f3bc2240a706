import { csvField, type SpreadsheetValue } from '../../../platform/files/spreadsheet-cell.js';

/**
 * RFC 4180 CSV: CRLF line ends, a header row, fields quoted when they hold a comma, a quote, CR or LF,
 * quotes doubled. Numbers are written plainly, booleans as true/false, null as empty; text that would
 * start a spreadsheet formula gets a leading apostrophe (platform/files/spreadsheet-cell.ts).
 * The text starts with a UTF-8 byte order mark, so spreadsheet programs opening the file read the
 * Cyrillic as UTF-8 rather than the system's code page (the open-data methodological
 * recommendations v3.0 ask for UTF-8; RFC 4180 parsers skip the mark).
 */
export type CsvValue = SpreadsheetValue;

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const line = (values: readonly CsvValue[]) => values.map((v) => csvField(v)).join(',');
  const lines = [line(header)];
  for (const row of rows) lines.push(line(row));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Parses RFC 4180 text back into rows (for tests and for anyone checking a file). */
export function parseCsv(input: string): string[][] {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
