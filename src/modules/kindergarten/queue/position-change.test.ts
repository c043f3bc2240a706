import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  changeSummary,
  explainPositionChange,
  positionOn,
  type HistoryApplication,
} from './position-change.js';
import { estimateWait } from './wait-estimate.js';

const DAYS = ['2026-01-10', '2026-02-10', '2026-03-10', '2026-04-10'];
const moment = (d: string, h = 10) => `${d}T${String(h).padStart(2, '0')}:00:00.000Z`;

const histArb = (i: number): fc.Arbitrary<HistoryApplication> =>
  fc
    .record({
      reg: fc.integer({ min: 0, max: 2 }),
      exit: fc.option(
        fc.tuple(fc.integer({ min: 1, max: 3 }), fc.constantFrom('directed', 'removed', 'refused' as const)),
        { nil: null },
      ),
      benefit: fc.option(
        fc.tuple(
          fc.constantFrom('extraordinary', 'first', 'sibling' as const),
          fc.integer({ min: 0, max: 3 }),
          fc.constantFrom(null, '2026-03-01'),
        ),
        { nil: null },
      ),
      kgs: fc.uniqueArray(fc.integer({ min: 1, max: 2 }), { minLength: 1, maxLength: 2 }),
    })
    .map(({ reg, exit, benefit, kgs }) => {
      const registeredAt = moment(DAYS[reg]!, 8);
      const statuses: HistoryApplication['statuses'][number][] = [
        { at: registeredAt, status: 'registered', actorId: null },
      ];
      if (exit && exit[0] > reg)
        statuses.push({ at: moment(DAYS[exit[0]]!, 12), status: exit[1], actorId: i % 2 ? 'parent' : null });
      return {
        id: `a${i}`,
        serial: i + 1,
        registeredAt,
        applicantId: 'parent',
        statuses,
        choices: [{ at: registeredAt, kindergartenIds: kgs }],
        benefits: benefit
          ? [
              {
                class: benefit[0],
                status: 'verified' as const,
                decidedAt: moment(DAYS[benefit[1]]!, 9),
                validUntil: benefit[2],
                siblingKindergartenId: 1,
              },
            ]
          : [],
      };
    });
const queueArb = fc
  .integer({ min: 1, max: 25 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => histArb(i))));

describe('explainPositionChange', () => {
  it('reasons add up to the change of position exactly, in every queue', () => {
    fc.assert(
      fc.property(
        queueArb,
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom(null, 1, 2),
        (queue, i, j, kg) => {
          const [from, to] = [DAYS[Math.min(i, j)]!, DAYS[Math.max(i, j)]!];
          for (const target of queue) {
            const c = explainPositionChange(target, queue, from, to, kg);
            expect(c.fromPosition).toBe(positionOn(target, queue, from, kg));
            expect(c.toPosition).toBe(positionOn(target, queue, to, kg));
            if (c.delta === null) continue;
            expect(c.reasons.reduce((s, r) => s + r.delta, 0)).toBe(c.delta);
            for (const r of c.reasons) expect(Math.abs(r.delta)).toBe(r.count);
            expect(changeSummary(c, 'ru').length).toBeGreaterThan(5);
          }
        },
      ),
    );
  });

  it('names a placement ahead and a new first-priority arrival', () => {
    const reg = (
      id: string,
      serial: number,
      at: string,
      extra: Partial<HistoryApplication> = {},
    ): HistoryApplication => ({
      id,
      serial,
      registeredAt: at,
      applicantId: null,
      statuses: [{ at, status: 'registered', actorId: null }],
      choices: [{ at, kindergartenIds: [1] }],
      benefits: [],
      ...extra,
    });
    const me = reg('me', 3, moment('2026-01-10', 9));
    const placed = reg('placed', 1, moment('2026-01-05'), {
      statuses: [
        { at: moment('2026-01-05'), status: 'registered', actorId: null },
        { at: moment('2026-02-01'), status: 'directed', actorId: null },
      ],
    });
    const first = reg('first', 5, moment('2026-02-02'), {
      benefits: [
        {
          class: 'first',
          status: 'verified',
          decidedAt: moment('2026-02-03'),
          validUntil: null,
          siblingKindergartenId: null,
        },
      ],
    });
    const c = explainPositionChange(me, [me, placed, first], '2026-01-20', '2026-02-20', null);
    expect(c).toMatchObject({ fromPosition: 2, toPosition: 2, delta: 0 });
    expect(c.reasons.map((r) => [r.code, r.queueClass, r.delta]).sort()).toEqual([
      ['ahead_placed', 'general', -1],
      ['new_ahead', 'first', 1],
    ]);
  });
});

describe('estimateWait', () => {
  it('never estimates before the desired date, and gives none when the queue does not move', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (position, placed, arrivals) => {
          const w = estimateWait({
            position,
            placedInWindow: placed,
            arrivalsAheadInWindow: arrivals,
            windowMonths: 12,
            today: '2026-12-01',
            desiredDate: '2027-09-01',
          });
          if (placed <= arrivals) expect(w.months).toBeNull();
          else expect(w.expectedDate! >= '2027-09-01').toBe(true);
        },
      ),
    );
  });
});
