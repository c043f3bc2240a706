import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvField, neutraliseFormula, spreadsheetValue } from './spreadsheet-cell.js';

const TRIGGERS = ['=', '+', '-', '@', '\t', '\r'];

/** Undoes RFC 4180 quoting of one field (the inverse the property below checks against). */
const unquote = (field: string) =>
  field.startsWith('"') && field.endsWith('"') && field.length >= 2
    ? field.slice(1, -1).replace(/""/g, '"')
    : field;

describe('neutraliseFormula', () => {
  it('prefixes an apostrophe to text a spreadsheet would take for a formula', () => {
    expect(neutraliseFormula('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(neutraliseFormula('+1')).toBe("'+1");
    expect(neutraliseFormula('-2+3')).toBe("'-2+3");
    expect(neutraliseFormula('@SUM(1)')).toBe("'@SUM(1)");
    expect(neutraliseFormula('\t=1')).toBe("'\t=1");
    expect(neutraliseFormula('\r=1')).toBe("'\r=1");
    expect(neutraliseFormula('Детский сад № 1')).toBe('Детский сад № 1');
    expect(neutraliseFormula('a=1')).toBe('a=1');
    expect(neutraliseFormula('')).toBe('');
  });

  it('for any text: the result never starts a formula, and only a trigger is changed, by one apostrophe', () => {
    const text = fc.oneof(
      fc.string(),
      fc.tuple(fc.constantFrom(...TRIGGERS), fc.string()).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(text, (s) => {
        const out = neutraliseFormula(s);
        expect(TRIGGERS.includes(out[0] ?? '')).toBe(false);
        if (TRIGGERS.includes(s[0] ?? '')) expect(out).toBe(`'${s}`);
        else expect(out).toBe(s);
      }),
    );
  });
});

describe('spreadsheetValue (XLSX cells)', () => {
  it('neutralises text only: numbers, booleans and empty cells stay typed', () => {
    expect(spreadsheetValue('=1+1')).toBe("'=1+1");
    expect(spreadsheetValue(-5)).toBe(-5);
    expect(spreadsheetValue(0.25)).toBe(0.25);
    expect(spreadsheetValue(true)).toBe(true);
    expect(spreadsheetValue(null)).toBeNull();
    expect(spreadsheetValue(undefined)).toBeNull();
  });
});

describe('csvField', () => {
  it('neutralises, then quotes when the field holds the separator, a quote or a line break', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('@SUM(1)')).toBe("'@SUM(1)");
    expect(csvField('\r=1')).toBe(`"'\r=1"`);
    expect(csvField('a;b')).toBe('a;b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField(-3)).toBe('-3');
    expect(csvField(false)).toBe('false');
    expect(csvField(null)).toBe('');
    expect(csvField(undefined)).toBe('');
  });

  it('for any text and separator: unquoting the field gives the neutralised text, never a formula', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.tuple(fc.constantFrom(...TRIGGERS), fc.string()).map(([a, b]) => a + b),
        ),
        fc.constantFrom(',' as const, ';' as const),
        (s, separator) => {
          const field = csvField(s, separator);
          expect(unquote(field)).toBe(neutraliseFormula(s));
          // Outside quotes a field never holds its separator, a quote or a line break.
          if (!field.startsWith('"')) expect(/["\r\n]/.test(field) || field.includes(separator)).toBe(false);
          expect(TRIGGERS.includes(unquote(field)[0] ?? '')).toBe(false);
        },
      ),
    );
  });
});
