import type { CellValue } from 'exceljs';

/**
 * How real schools' cells are turned into values. Files come from 1C, Excel, LibreOffice and
 * hand-editing, so the same thing appears as a number, a text with a decimal comma, a rich text or a
 * formula's cached result; labels differ in `ё`, case and spacing.
 */

/** A cell's content as plain text (rich text joined, formula results taken), trimmed; `''` when empty. */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return tidy(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return tidy(value.richText.map((r) => r.text).join(''));
    if ('result' in value) return value.result === undefined ? '' : cellText(value.result as CellValue);
    if ('text' in value) return tidy(String(value.text));
    if ('error' in value) return String(value.error);
  }
  return '';
}

/** Non-breaking and repeated spaces collapsed, ends trimmed. */
function tidy(text: string): string {
  return text.replace(/[\u00a0\u2007\u202f\s]+/g, ' ').trim();
}

/** A label reduced to letters and digits, lower case, `ё` as `е`: `Приём  пищи` ≡ `прием пищи`. */
export function labelKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^0-9a-zа-я]+/g, '');
}

/** The cached result of a formula cell, or the value itself. */
export function plainValue(value: CellValue): CellValue {
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && 'formula' in value)
    return (value.result ?? null) as CellValue;
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && 'sharedFormula' in value)
    return (value.result ?? null) as CellValue;
  return value;
}

const DECIMAL = /^[+]?\d+(?:[.,]\d+)?$/;

/** A decimal written as text: `12,5`, `12.5`, ` 246 ` (spaces inside thousands too: `1 250,5`). */
export function parseDecimalText(text: string): number | null {
  const compact = text.replace(/ /g, '');
  if (!DECIMAL.test(compact)) return null;
  return Number(compact.replace(',', '.'));
}

export type NumberRead = { ok: true; value: number | null } | { ok: false; found: string };

/** A number cell: a numeric cell, a decimal text, or empty (`null`). Negative amounts are refused. */
export function readNumber(value: CellValue): NumberRead {
  const plain = plainValue(value);
  if (typeof plain === 'number')
    return Number.isFinite(plain) && plain >= 0
      ? { ok: true, value: plain }
      : { ok: false, found: String(plain) };
  const text = cellText(plain);
  if (text === '' || text === '-' || text === '—') return { ok: true, value: null };
  const parsed = parseDecimalText(text);
  return parsed === null ? { ok: false, found: text } : { ok: true, value: parsed };
}

export type YieldRead =
  { ok: true; grams: number | null; text: string | null } | { ok: false; found: string };

/**
 * A yield: `200`, `12,5`, or a compound `150/5` (a dish and its sauce, or `200/15/7` with sugar and
 * lemon) whose weight is the sum of its parts; the text is kept as written, so `150/5` is published
 * back as `150/5`.
 */
export function readYield(value: CellValue): YieldRead {
  const plain = plainValue(value);
  if (typeof plain === 'number') {
    return Number.isFinite(plain) && plain >= 0
      ? { ok: true, grams: plain, text: String(plain) }
      : { ok: false, found: String(plain) };
  }
  const text = cellText(plain);
  if (text === '') return { ok: true, grams: null, text: null };
  const parts = text.split('/').map((p) => parseDecimalText(p.trim()));
  if (parts.some((p) => p === null)) return { ok: false, found: text };
  const sum = (parts as number[]).reduce((a, b) => a + b, 0);
  // Parts are written with at most a few decimals; rounding removes binary noise (0.1 + 0.2).
  return { ok: true, grams: Math.round(sum * 1e6) / 1e6, text };
}

/** `A1` address of a 1-based row and column. */
export function address(row: number, column: number): string {
  let name = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26))
    name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return `${name}${row}`;
}
