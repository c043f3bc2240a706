import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RUSSIAN_SUBJECTS, subjectByPopulationShare } from './russian-subjects.js';

describe('Russian subjects', () => {
  it('lists 89 subjects with distinct two-digit codes', () => {
    expect(RUSSIAN_SUBJECTS).toHaveLength(89);
    expect(new Set(RUSSIAN_SUBJECTS.map((s) => s.code)).size).toBe(89);
    for (const s of RUSSIAN_SUBJECTS) expect(s.code).toMatch(/^[0-9]{2}$/);
  });

  it('lands every share on a subject, each subject on a span as wide as its population', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), (u) => {
        expect(RUSSIAN_SUBJECTS).toContain(subjectByPopulationShare(u));
      }),
    );
    const hits = new Map<string, number>();
    for (let i = 0; i < 100_000; i++) {
      const s = subjectByPopulationShare((i + 0.5) / 100_000).code;
      hits.set(s, (hits.get(s) ?? 0) + 1);
    }
    expect(hits.size).toBe(89);
    expect(hits.get('77')!).toBeGreaterThan(hits.get('43')! * 10);
  });
});
