import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maskNumber } from './masked-number.js';

const KEY = 'test-key-0123456789abcdef';
const number = (serial: number) => `01-2026-${String(serial).padStart(7, '0')}`;

describe('maskNumber', () => {
  it('keeps the municipality and year, and shows six characters of a keyed code instead of the serial', () => {
    expect(maskNumber(number(1234), KEY)).toMatch(/^01-2026-•••[0-9A-HJKMNP-TV-Z]{6}$/);
    expect(maskNumber(number(1234), KEY)).toBe(maskNumber(number(1234), KEY));
    // A number of another shape (e.g. imported) gets no prefix, never its own digits.
    expect(maskNumber('EPGU-77-99881', KEY)).toMatch(/^•••[0-9A-Z]{6}$/);
  });

  it('depends on the key: the same number under another key has another mask', () => {
    const masks = new Set(['a', 'b', 'c', 'd'].map((k) => maskNumber(number(42), `${KEY}-${k}`)));
    expect(masks.size).toBe(4);
  });

  it('neighbouring serials get unrelated codes: nothing to count from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_998 }), (serial) => {
        const [a, b] = [serial, serial + 1].map((s) => maskNumber(number(s), KEY).slice(-6));
        const same = [...a!].filter((c, i) => c === b![i]).length;
        // Six independent characters of 32: more than four equal would be a 1-in-10⁶ event.
        expect(same).toBeLessThanOrEqual(4);
      }),
    );
  });

  it('gives one queue (10,000 serials) practically distinct codes', () => {
    const codes = new Set(Array.from({ length: 10_000 }, (_, i) => maskNumber(number(i + 1), KEY)));
    expect(codes.size).toBeGreaterThan(9_990);
  });
});
