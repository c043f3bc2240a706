import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredChild, StoredProgram, StoredReview } from './draft-review.js';
import { ageBandOf, reconcile } from './reconcile.js';

const program = (id: string, seats: number, admitted: number): StoredProgram => ({
  programId: id,
  groupId: 1,
  kindergartenId: 1,
  seats,
  held: 0,
  admitted,
  applicants: admitted,
  cutoff: null,
});
const child = (ageGroup: number, assigned: string | null, keptCurrent = false): StoredChild => ({
  childId: `c${Math.random()}`,
  applicationId: '00000000-0000-0000-0000-000000000000',
  ageGroup,
  priority: [3],
  assigned,
  choiceRank: assigned && !keptCurrent ? 1 : null,
  keptCurrent,
  explanation: { ru: '', en: '' },
});

describe('wave reconciliation (issue 20: «Распределено 18» against «выдано направлений: 15»)', () => {
  it('reads the age band from a program id', () => {
    expect(ageBandOf('K0001/3-4/17')).toEqual({ ageFrom: 3, ageTo: 4 });
    expect(ageBandOf('nonsense')).toBeNull();
  });

  it('splits placed children into directions and children kept in their current group', () => {
    const review: StoredReview = {
      programs: [program('K1/3-4/1', 3, 3)],
      children: [child(3, 'K1/3-4/1'), child(3, 'K1/3-4/1', true), child(3, 'K1/3-4/1')],
    };
    expect(reconcile(review)).toMatchObject({ keptCurrent: 1, directions: 2 });
  });

  it('says why children stay unplaced while seats stay free', () => {
    const review: StoredReview = {
      programs: [program('K1/1-2/1', 2, 2), program('K2/3-4/2', 5, 1)],
      children: [child(1, null), child(3, null), child(3, null), child(3, 'K2/3-4/2')],
    };
    const r = reconcile(review);
    // The one-year-old: no seat of its age left anywhere. The three-year-olds: seats of their age
    // are left, in a kindergarten or group they did not choose.
    expect(r.unplacedByReason).toEqual({ ageGroup: 1, notChosen: 2 });
    expect(r.seatsLeftByAge).toEqual([{ ageFrom: 3, ageTo: 4, seats: 4 }]);
  });

  it('adds up: directions + kept = placed, reasons sum to the unplaced', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ age: fc.integer({ min: 1, max: 6 }), outcome: fc.integer({ min: 0, max: 2 }) })),
        fc.array(fc.record({ age: fc.integer({ min: 1, max: 6 }), seats: fc.nat(5), admitted: fc.nat(5) })),
        (kids, groups) => {
          const programs = groups.map((g, i) =>
            program(`K${i}/${g.age}-${g.age + 1}/${i}`, Math.max(g.seats, g.admitted), g.admitted),
          );
          const children = kids.map((k) =>
            child(k.age, k.outcome === 0 ? null : 'K0/1-2/0', k.outcome === 2),
          );
          const r = reconcile({ programs, children });
          const placed = children.filter((c) => c.assigned !== null).length;
          expect(r.directions + r.keptCurrent).toBe(placed);
          expect(r.unplacedByReason.ageGroup + r.unplacedByReason.notChosen).toBe(children.length - placed);
          expect(r.seatsLeftByAge.reduce((s, b) => s + b.seats, 0)).toBe(
            programs.reduce((s, p) => s + p.seats - p.admitted, 0),
          );
        },
      ),
    );
  });
});
