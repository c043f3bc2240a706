import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CsvSyntaxError, parseCsv } from './parse-csv.js';

const fieldsOf = (text: string): string[][] => parseCsv(text).map((r) => [...r.fields]);

describe('parseCsv', () => {
  it('reads plain rows with LF or CRLF line ends and a trailing newline', () => {
    expect(fieldsOf('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(fieldsOf('a,b\r\n1,2\r\n3,4')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('drops a UTF-8 byte order mark before the header', () => {
    expect(fieldsOf('\uFEFFyear,births\n2020,5')[0]).toEqual(['year', 'births']);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, and keeps their start line', () => {
    const records = parseCsv('h1,h2\n"a, b","say ""hi"""\n"two\nlines",x\nlast,""\n');
    expect(records.map((r) => r.fields)).toEqual([
      ['h1', 'h2'],
      ['a, b', 'say "hi"'],
      ['two\nlines', 'x'],
      ['last', ''],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it('keeps empty fields and skips empty lines', () => {
    expect(fieldsOf('a,,c\n\n,\n')).toEqual([
      ['a', '', 'c'],
      ['', ''],
    ]);
  });

  it('names the line of a broken quote', () => {
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"open\nstill open')).toThrow(/not closed/);
    const error = (() => {
      try {
        parseCsv('a,b\n1,2\n3,x"y\n');
      } catch (e) {
        return e as CsvSyntaxError;
      }
    })();
    expect(error?.line).toBe(3);
    expect(() => parseCsv('a\n"q"x\n')).toThrow(/after the closing quote/);
  });

  it('reads back whatever an RFC 4180 writer writes', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'я', ',', '"', '\n', '\r\n', ' ', '1') });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(table, (rows) => {
        const quote = (f: string): string => `"${f.replaceAll('"', '""')}"`;
        const text = rows.map((r) => r.map(quote).join(',')).join('\r\n');
        expect(fieldsOf(text)).toEqual(rows);
      }),
    );
  });
});
