import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path.js';

const BASE = 'http://host/';
const sameOrigin = (value: string) => new URL(value, BASE).origin === 'http://host';

// The characters open-redirect tricks are made of, so generated strings hit them often.
const TRICKY = [...'/\\%.:@?#&=;~-_aAdDfFcCeE0123456789 \t\n\r\f\v\u0000\u007f\u00a0\u2028\u3000é'];
const trickyString = fc.array(fc.constantFrom(...TRICKY), { maxLength: 24 }).map((chars) => chars.join(''));
const candidate = fc.oneof(
  trickyString.map((s) => `/${s}`),
  trickyString,
  fc.string({ unit: 'binary', maxLength: 40 }).map((s) => `/${s}`),
  fc.webPath(),
);

describe('safeReturnPath', () => {
  it('keeps same-site paths with their query and fragment', () => {
    for (const path of [
      '/',
      '/my',
      '/account?tab=2#top',
      '/kindergartens/12',
      '/search?q=a%2Cb',
      '/%D0%BC%D0%BE%D0%B8',
    ])
      expect(safeReturnPath(path)).toBe(path);
  });

  it('falls back for other sites, schemes, control characters and backslashes', () => {
    for (const value of [
      undefined,
      null,
      '',
      'my',
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '\\/evil.example',
      '/\t/evil.example',
      '/%09/evil.example',
      '/%0a/evil.example',
      '/%0D%0ASet-Cookie:x=1',
      '/\r\nSet-Cookie: x=1',
      '/ok\nmore',
      '/a b',
      '/a%5cb',
      '/%2F/evil.example',
      '/%5C/evil.example',
      '/%zz',
      '/bad%',
      '/javascript:alert(1)\u2028',
      '/моё',
      `/${'a'.repeat(500)}`,
      // Dot segments: normalised, «/.//evil.example» becomes the scheme-relative «//evil.example».
      '/.%2f/evil.example',
      '/./%2fevil.example',
      '/.//evil.example',
      '/a/..//evil.example',
      '/%2e/%2fevil.example',
      '/%2E%2E/x',
      '/x/.',
    ])
      expect(safeReturnPath(value), JSON.stringify(value)).toBe('/');
    expect(safeReturnPath('//evil.example', '/my')).toBe('/my');
  });

  it('returns either the value itself or the fallback', () => {
    fc.assert(
      fc.property(candidate, (value) => {
        const safe = safeReturnPath(value, '/fallback');
        expect([value, '/fallback']).toContain(safe);
      }),
      { numRuns: 2000 },
    );
  });

  it('accepts only values that resolve against http://host/ to the same origin, also after one decoding', () => {
    fc.assert(
      fc.property(candidate, (value) => {
        if (safeReturnPath(value, '') !== value) return;
        expect(sameOrigin(value)).toBe(true);
        expect(new URL(value, BASE).href.startsWith(BASE)).toBe(true);
        // A proxy or router that decodes the value once must still see a path on this site.
        let decoded: string;
        try {
          decoded = decodeURIComponent(value);
        } catch {
          return;
        }
        expect(sameOrigin(decoded), decoded).toBe(true);
        // Normalised (dot segments removed), before and after one decoding, it is still no «//host».
        expect(new URL(value, BASE).pathname.startsWith('//'), value).toBe(false);
        if (/^\/[^/\\]/.test(decoded) || decoded === '/')
          expect(new URL(decoded, BASE).pathname.startsWith('//'), decoded).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });
});
