import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseBirthCertificate, storedSpellings } from './birth-certificate.js';

describe('birth certificate', () => {
  it('stores one form for the ways people type it', () => {
    for (const typed of [
      'I-ТС 123456',
      'i-тс 123456',
      'I ТС 123456',
      'I–ТС № 123456',
      'IТС123456',
      'І-ТС 123456',
    ])
      expect(normaliseBirthCertificate(typed), typed).toBe('I-ТС 123456');
    expect(normaliseBirthCertificate('XIV-МЮ 000001')).toBe('XIV-МЮ 000001');
    expect(normaliseBirthCertificate('ХІV-МЮ 000001')).toBe('XIV-МЮ 000001');
  });

  it('refuses what is not a Roman series, two Cyrillic capitals and six digits', () => {
    for (const typed of [
      'IIII-ТС 123456',
      'ST-АБ 123456',
      'I-TC 123456',
      'I-ТС 12345',
      'I-ТС 1234567',
      'I-ТСС 123456',
      '',
      '123456',
    ])
      expect(normaliseBirthCertificate(typed), typed).toBeNull();
  });

  it('lists the spelling with «№» as an older stored form', () => {
    expect(storedSpellings('IV-АБ 000123')).toEqual(['IV-АБ 000123', 'IV-АБ № 000123']);
  });

  const roman = fc.constantFrom('I', 'II', 'III', 'IV', 'V', 'VI', 'IX', 'X', 'XIV', 'XXXIX', 'XL', 'C');
  const letters = fc.stringMatching(/^[А-ЯЁ]{2}$/);
  const number = fc.stringMatching(/^[0-9]{6}$/);

  it('property: the stored form is a fixed point and fits the column check', () => {
    fc.assert(
      fc.property(
        roman,
        letters,
        number,
        fc.constantFrom('-', ' - ', '–', ' '),
        fc.boolean(),
        (s, l, n, dash, sign) => {
          const typed = `${s}${dash}${sign ? l.toLowerCase() : l}${sign ? ' № ' : ' '}${n}`;
          const stored = normaliseBirthCertificate(typed);
          expect(stored).toBe(`${s}-${l} ${n}`);
          expect(normaliseBirthCertificate(stored!)).toBe(stored);
          expect(stored!.length).toBeGreaterThanOrEqual(6);
          expect(stored!.length).toBeLessThanOrEqual(30);
        },
      ),
    );
  });
});
