import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageGroupFor, enrollmentSeptemberFirst, fullYears } from './age-group.js';
import {
  baseClass,
  classAtKindergarten,
  comparePriority,
  DEFAULT_QUEUE_ORDER,
  priorityWithOverrides,
  type PriorityApplication,
  type PriorityBenefit,
} from './queue-priority.js';

const day = fc
  .date({ min: new Date('2015-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const benefit: fc.Arbitrary<PriorityBenefit> = fc.record({
  class: fc.constantFrom('extraordinary', 'first', 'sibling'),
  status: fc.constantFrom('claimed', 'verified', 'rejected', 'expired'),
  validUntil: fc.option(day, { nil: null }),
  siblingKindergartenId: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
}) as fc.Arbitrary<PriorityBenefit>;
export const priorityApp: fc.Arbitrary<PriorityApplication> = fc.record({
  registeredAt: fc.date({ min: new Date('2020-01-01'), max: new Date('2026-12-01'), noInvalidDate: true }),
  serial: fc.integer({ min: 1, max: 1_000_000 }),
  benefits: fc.array(benefit, { maxLength: 3 }),
});

describe('comparePriority', () => {
  const prio = fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer(), fc.integer());
  it('is a total order: antisymmetric, reflexive and transitive', () => {
    fc.assert(
      fc.property(prio, prio, prio, (a, b, c) => {
        expect(Math.sign(comparePriority(a, b))).toBe(-Math.sign(comparePriority(b, a)));
        expect(comparePriority(a, a)).toBe(0);
        if (comparePriority(a, b) <= 0 && comparePriority(b, c) <= 0)
          expect(comparePriority(a, c)).toBeLessThanOrEqual(0);
      }),
    );
  });
});

describe('classes and overrides', () => {
  it('only a verified, unexpired benefit counts; unverified ones never raise a child', () => {
    fc.assert(
      fc.property(priorityApp, day, (app, d) => {
        const counted = app.benefits.filter(
          (b) =>
            b.status === 'verified' && (b.validUntil === null || b.validUntil >= d) && b.class !== 'sibling',
        );
        const cls = baseClass(app, d);
        if (counted.length === 0) expect(cls).toBe('general');
        else expect(counted.map((b) => b.class)).toContain(cls);
      }),
    );
  });

  it('the sibling right applies at the sibling’s kindergarten only, and never lowers a child', () => {
    fc.assert(
      fc.property(priorityApp, day, fc.integer({ min: 1, max: 6 }), (app, d, kg) => {
        const { priority, byKindergarten } = priorityWithOverrides(app, d);
        const at = classAtKindergarten(app, kg, d);
        const ranked = DEFAULT_QUEUE_ORDER.classOrder.indexOf(at);
        expect(ranked).toBeLessThanOrEqual(priority[0]);
        const override = byKindergarten.get(kg);
        if (override) {
          expect(comparePriority(override, priority)).toBeLessThan(0);
          expect(
            app.benefits.some(
              (b) => b.class === 'sibling' && b.siblingKindergartenId === kg && b.status === 'verified',
            ),
          ).toBe(true);
        } else expect(ranked).toBe(priority[0]);
        // Time and serial are the same in every queue: only the class changes.
        if (override) expect(override.slice(1)).toEqual(priority.slice(1));
      }),
    );
  });
});

describe('age group', () => {
  it('is the full years on 1 September of the desired date’s school year', () => {
    fc.assert(
      fc.property(day, day, (birth, desired) => {
        fc.pre(birth <= desired);
        const sept = enrollmentSeptemberFirst(desired);
        expect(sept <= desired).toBe(true);
        expect(sept.endsWith('-09-01')).toBe(true);
        const g = ageGroupFor(birth, sept);
        expect(g).toBe(Math.max(0, fullYears(birth, sept)));
        // One day older never makes a child younger.
        expect(fullYears(birth, desired)).toBeGreaterThanOrEqual(fullYears(birth, sept) - 0);
      }),
    );
  });

  it('fullYears turns on the birthday', () => {
    expect(fullYears('2020-03-01', '2023-02-28')).toBe(2);
    expect(fullYears('2020-03-01', '2023-03-01')).toBe(3);
    expect(ageGroupFor('2021-09-02', '2024-09-01')).toBe(2);
    expect(ageGroupFor('2021-09-01', '2024-09-01')).toBe(3);
  });
});
