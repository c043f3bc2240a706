import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkInn, checkKpp, checkOgrn, innCheckDigits, ogrnCheckDigit } from './tax-ids.js';

const digits = (n: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
/** Every other digit in place of position i. */
const typos = (id: string, i: number) =>
  [...'0123456789'].filter((c) => c !== id[i]).map((c) => id.slice(0, i) + c + id.slice(i + 1));

describe('ИНН', () => {
  it('accepts published identifiers', () => {
    expect(checkInn('7707083893')).toBeNull(); // ПАО Сбербанк
    expect(checkInn('7830002293')).toBeNull();
    expect(checkInn('500100732259')).toBeNull(); // an individual entrepreneur's, from the FNS examples
  });

  it('names the problem', () => {
    expect(checkInn('7707083894')).toBe('check-digit');
    expect(checkInn('77070838')).toBe('format');
    expect(checkInn('77070838 3')).toBe('format');
  });

  it('completed bodies pass, and any change of one control digit is caught', () => {
    fc.assert(
      fc.property(fc.oneof(digits(9), digits(10)), (body) => {
        const inn = body + innCheckDigits(body);
        expect(checkInn(inn)).toBeNull();
        for (let i = body.length; i < inn.length; i++)
          for (const wrong of typos(inn, i)) expect(checkInn(wrong)).toBe('check-digit');
      }),
    );
  });
});

describe('ОГРН', () => {
  it('accepts published identifiers and refuses a changed digit', () => {
    expect(checkOgrn('1027700132195')).toBeNull(); // ПАО Сбербанк
    expect(checkOgrn('1027700132196')).toBe('check-digit');
    expect(checkOgrn('102770013219')).toBe('format');
  });

  it('completed bodies of 12 and 14 digits pass', () => {
    fc.assert(
      fc.property(fc.oneof(digits(12), digits(14)), (body) => {
        const ogrn = body + ogrnCheckDigit(body);
        expect(checkOgrn(ogrn)).toBeNull();
        for (const wrong of typos(ogrn, ogrn.length - 1)) expect(checkOgrn(wrong)).toBe('check-digit');
      }),
    );
  });
});

describe('КПП', () => {
  it('checks the shape', () => {
    expect(checkKpp('773601001')).toBeNull();
    expect(checkKpp('7736AB001')).toBeNull();
    expect(checkKpp('77360100')).toBe('format');
    expect(checkKpp('7736ab001')).toBe('format');
  });
});
