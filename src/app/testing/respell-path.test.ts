import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { respellings } from './respell-path.js';

describe('respellings', () => {
  it('encodes the first letter of each segment, as the reported attack did', () => {
    const paths = respellings('/api/kindergarten/municipalities/1/applications').map((r) => r.path);
    expect(paths).toContain('/%61pi/kindergarten/municipalities/1/applications');
    expect(paths).toContain('/api/%6bindergarten/municipalities/1/applications');
    expect(paths).toContain('/api/%6Bindergarten/municipalities/1/applications');
    expect(paths).toContain(
      '/%61%70%69/%6B%69%6E%64%65%72%67%61%72%74%65%6E/%6D%75%6E%69%63%69%70%61%6C%69%74%69%65%73/%31/%61%70%70%6C%69%63%61%74%69%6F%6E%73',
    );
  });

  it('every spelling decodes back to the path, or differs only by a delimiter, case or slash trick', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { minLength: 1, maxLength: 5 }),
        (parts) => {
          const path = `/${parts.join('/')}`;
          for (const r of respellings(path)) {
            if (/%xx|%XX|encoded$/.test(r.how)) expect(decodeURIComponent(r.path), r.how).toBe(path);
            expect(r.path.startsWith('/')).toBe(true);
          }
        },
      ),
    );
  });
});
