import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatSnils, parseSnils, snilsControl, SNILS_PATTERN } from './snils.js';

const nineDigits = fc.stringMatching(/^[0-9]{9}$/);

describe('СНИЛС', () => {
  it('accepts known valid numbers in any spelling and stores one form', () => {
    expect(parseSnils('112-233-445 95')).toEqual({ snils: '112-233-445 95' });
    expect(parseSnils('11223344595')).toEqual({ snils: '112-233-445 95' });
    expect(parseSnils(' 112 233 445 95 ')).toEqual({ snils: '112-233-445 95' });
  });

  it('refuses a wrong control number, and what is not eleven digits', () => {
    expect(parseSnils('112-233-445 96')).toEqual({ problem: 'control' });
    expect(parseSnils('112-233-445')).toEqual({ problem: 'format' });
    expect(parseSnils('112-233-445 9a')).toEqual({ problem: 'format' });
  });

  it('does not check numbers issued before the control number (up to 001-001-998)', () => {
    expect(parseSnils('001-001-998 00')).toEqual({ snils: '001-001-998 00' });
  });

  it('the control number: the sum below 100, 00 for 100 and 101, modulo 101 above (100 again 00)', () => {
    expect(snilsControl('920000010')).toBe('99'); // sum 99
    expect(snilsControl('920000100')).toBe('00'); // 100
    expect(snilsControl('920000101')).toBe('00'); // 101
    expect(snilsControl('920000110')).toBe('01'); // 102
    expect(snilsControl('996100000')).toBe('00'); // 201 ≡ 100
  });

  it('property: nine digits with their control number always parse, to the stored pattern', () => {
    fc.assert(
      fc.property(nineDigits, (body) => {
        const parsed = parseSnils(body + snilsControl(body));
        expect(parsed).toEqual({ snils: formatSnils(body + snilsControl(body)) });
        expect('snils' in parsed && SNILS_PATTERN.test(parsed.snils)).toBe(true);
      }),
    );
  });

  it('property: changing one digit of a checked number is always caught', () => {
    fc.assert(
      fc.property(
        nineDigits,
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 1, max: 9 }),
        (body, i, delta) => {
          fc.pre(Number(body) > 1_001_998);
          const changed = body.slice(0, i) + String((Number(body[i]) + delta) % 10) + body.slice(i + 1);
          fc.pre(Number(changed) > 1_001_998);
          // Weights 9…1 are all below 101 and non-zero, so a one-digit change moves the sum by
          // 1–81 weighted units: the control differs unless both sums land on 00 (100/101/… ≡ 0).
          const a = snilsControl(body);
          const b = snilsControl(changed);
          if (a === b) expect(a).toBe('00');
          else expect(parseSnils(changed + a)).toEqual({ problem: 'control' });
        },
      ),
    );
  });

  it('property: the control number is always two digits', () => {
    fc.assert(
      fc.property(nineDigits, (body) => {
        expect(snilsControl(body)).toMatch(/^[0-9]{2}$/);
      }),
    );
  });
});
