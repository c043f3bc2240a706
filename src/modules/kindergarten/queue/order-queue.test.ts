import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allPositions, kindergartenQueueKey, orderQueues, type QueueApplication } from './order-queue.js';
import { comparePriority } from './queue-priority.js';

const DAY = '2026-12-01';
const appArb = (i: number): fc.Arbitrary<QueueApplication> =>
  fc.record({
    id: fc.constant(`a${i}`),
    serial: fc.constant(i + 1),
    // Coarse moments so ties on registration time happen often.
    registeredAt: fc
      .integer({ min: 0, max: 20 })
      .map((m) => new Date(Date.UTC(2025, 0, 1, 0, m)).toISOString()),
    ageGroup: fc.integer({ min: 1, max: 3 }),
    kindergartenIds: fc.uniqueArray(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 3 }),
    benefits: fc.array(
      fc.record({
        class: fc.constantFrom('extraordinary', 'first', 'sibling'),
        status: fc.constantFrom('claimed', 'verified', 'rejected'),
        validUntil: fc.constantFrom(null, '2025-06-01', '2030-01-01'),
        siblingKindergartenId: fc.integer({ min: 1, max: 4 }),
      }),
      { maxLength: 2 },
    ),
  }) as fc.Arbitrary<QueueApplication>;
const appsArb = fc
  .integer({ min: 0, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => appArb(i))));

describe('orderQueues', () => {
  it('is deterministic: any input order gives the same queues', () => {
    fc.assert(
      fc.property(appsArb, fc.integer(), (apps, seed) => {
        const shuffled = [...apps].sort(
          (a, b) => ((a.serial * 7919 + seed) % 101) - ((b.serial * 7919 + seed) % 101),
        );
        const a = orderQueues(apps, DAY);
        const b = orderQueues(shuffled, DAY);
        const ids = (m: Map<unknown, { id: string }[]>) =>
          [...m.entries()].map(([k, v]) => [k, v.map((e) => e.id)]).sort();
        expect(ids(b.municipality)).toEqual(ids(a.municipality));
        expect(ids(b.kindergarten)).toEqual(ids(a.kindergarten));
      }),
    );
  });

  it('sorts by class, then registration time, then serial; each child once per queue', () => {
    fc.assert(
      fc.property(appsArb, (apps) => {
        const q = orderQueues(apps, DAY);
        for (const list of [...q.municipality.values(), ...q.kindergarten.values()]) {
          for (let i = 1; i < list.length; i++)
            expect(comparePriority(list[i - 1]!.priority, list[i]!.priority)).toBeLessThan(0);
          expect(new Set(list.map((e) => e.id)).size).toBe(list.length);
        }
        const total = [...q.municipality.values()].reduce((s, l) => s + l.length, 0);
        expect(total).toBe(apps.length);
      }),
    );
  });

  it('applies the sibling right at the sibling’s kindergarten only', () => {
    fc.assert(
      fc.property(appsArb, (apps) => {
        const q = orderQueues(apps, DAY);
        for (const entry of [...q.municipality.values()].flat()) expect(entry.queueClass).not.toBe('sibling');
        for (const [key, list] of q.kindergarten) {
          const kg = Number(key.split(':')[0]);
          for (const e of list.filter((x) => x.queueClass === 'sibling')) {
            const app = apps.find((a) => a.id === e.id)!;
            expect(
              app.benefits.some(
                (b) => b.class === 'sibling' && b.status === 'verified' && b.siblingKindergartenId === kg,
              ),
            ).toBe(true);
          }
        }
      }),
    );
  });

  it('positions count the children ahead by class exactly', () => {
    fc.assert(
      fc.property(appsArb, (apps) => {
        const rows = allPositions(orderQueues(apps, DAY));
        for (const r of rows) {
          const ahead = r.ahead.extraordinary + r.ahead.first + r.ahead.sibling + r.ahead.general;
          expect(ahead).toBe(r.position - 1);
          expect(r.position).toBeLessThanOrEqual(r.total);
        }
      }),
    );
  });

  it('a worked example: first-priority before general, ties by time then serial', () => {
    const base = { ageGroup: 2, kindergartenIds: [1] };
    const apps: QueueApplication[] = [
      { ...base, id: 'g-early', serial: 1, registeredAt: '2025-01-01T10:00:00Z', benefits: [] },
      { ...base, id: 'g-late', serial: 3, registeredAt: '2025-01-01T10:00:00Z', benefits: [] },
      {
        ...base,
        id: 'first',
        serial: 9,
        registeredAt: '2025-05-01T10:00:00Z',
        benefits: [{ class: 'first', status: 'verified', validUntil: null, siblingKindergartenId: null }],
      },
      {
        ...base,
        id: 'claimed',
        serial: 2,
        registeredAt: '2024-01-01T10:00:00Z',
        benefits: [
          { class: 'extraordinary', status: 'claimed', validUntil: null, siblingKindergartenId: null },
        ],
      },
    ];
    const q = orderQueues(apps, DAY);
    expect(q.municipality.get(2)!.map((e) => e.id)).toEqual(['first', 'claimed', 'g-early', 'g-late']);
    expect(q.kindergarten.get(kindergartenQueueKey(1, 2))!.map((e) => e.id)).toEqual([
      'first',
      'claimed',
      'g-early',
      'g-late',
    ]);
  });
});
