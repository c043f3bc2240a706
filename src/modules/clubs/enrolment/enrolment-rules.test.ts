import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canTransition,
  ENROLMENT_STATUSES,
  FINAL,
  nextStatuses,
  requestState,
  reviewDeadline,
} from './enrolment-status.js';
import { expiredOffers, promote, waitlistOrder, waitlistPlace } from './waitlist.js';
import { addWorkingDays, isWorkingDay } from './working-days.js';

describe('enrolment statuses', () => {
  it('follows the Госуслуги path and refuses shortcuts', () => {
    expect(canTransition('registered', 'under_review', 'staff')).toBe(true);
    expect(canTransition('under_review', 'invited', 'staff')).toBe(true);
    expect(canTransition('invited', 'approved', 'staff')).toBe(true);
    expect(canTransition('approved', 'studying', 'staff')).toBe(true);
    expect(canTransition('studying', 'finished', 'staff')).toBe(true);
    expect(canTransition('registered', 'studying', 'staff')).toBe(false);
    expect(canTransition('registered', 'approved', 'parent')).toBe(false);
    expect(canTransition('studying', 'withdrawn', 'parent')).toBe(true);
  });
  it('property: final statuses lead nowhere; every other status can be left by the parent or staff', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ENROLMENT_STATUSES), (s) => {
        const out = [...nextStatuses(s, 'parent'), ...nextStatuses(s, 'staff'), ...nextStatuses(s, 'system')];
        if (FINAL.has(s)) expect(out).toEqual([]);
        else expect(out.length).toBeGreaterThan(0);
      }),
    );
  });
  it('maps statuses to what the family sees', () => {
    expect(requestState('waitlisted')).toBe('open');
    expect(requestState('approved')).toBe('done');
    expect(requestState('refused')).toBe('refused');
    expect(requestState('withdrawn')).toBe('withdrawn');
  });
});

describe('review deadline', () => {
  it('is 7 working days, 45 with entrance tests, skipping weekends and holidays', () => {
    // Friday 2026-12-04 + 7 working days = Tuesday 2026-12-15.
    expect(reviewDeadline('2026-12-04', false)).toBe('2026-12-15');
    expect(reviewDeadline('2026-12-04', false, new Set(['2026-12-07']))).toBe('2026-12-16');
    expect(reviewDeadline('2026-12-04', true)).toBe('2027-02-05');
  });
  it('property: n working days later holds exactly n working days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 60 }), (offset, n) => {
        const start = new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const end = addWorkingDays(start, n);
        let count = 0;
        for (let d = new Date(`${start}T00:00:00Z`); d.toISOString().slice(0, 10) < end;) {
          d.setUTCDate(d.getUTCDate() + 1);
          if (isWorkingDay(d.toISOString().slice(0, 10), new Set())) count++;
        }
        expect(count).toBe(n);
        if (n > 0) expect(isWorkingDay(end, new Set())).toBe(true);
      }),
    );
  });
});

describe('waitlist', () => {
  const at = (s: number) => new Date(Date.UTC(2026, 8, 1, 10, 0, s));
  it('keeps arrival order, ties by number, and shows the place', () => {
    const list = [
      { id: 5, waitlistedAt: at(2) },
      { id: 9, waitlistedAt: at(1) },
      { id: 3, waitlistedAt: at(2) },
    ];
    expect(waitlistOrder(list).map((e) => e.id)).toEqual([9, 3, 5]);
    expect(waitlistPlace(list, 5)).toBe(3);
    expect(waitlistPlace(list, 42)).toBeNull();
  });
  it('offers freed seats to the first in line, each for a limited time', () => {
    const list = [
      { id: 1, waitlistedAt: at(3) },
      { id: 2, waitlistedAt: at(1) },
    ];
    const now = at(10);
    expect(promote(list, 1, now, 72)).toEqual([
      { id: 2, expiresAt: new Date(now.getTime() + 72 * 3_600_000) },
    ]);
    expect(promote(list, 0, now)).toEqual([]);
    const offers = [
      { id: 1, offerExpiresAt: at(5) },
      { id: 2, offerExpiresAt: at(20) },
    ];
    expect(expiredOffers(offers, now).map((o) => o.id)).toEqual([1]);
  });
  it('property: promotion takes min(seats, waiting) entries, none jumping an earlier arrival', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { maxLength: 30 }),
        fc.integer({ min: 0, max: 40 }),
        (ids, seats) => {
          const list = ids.map((id, i) => ({ id, waitlistedAt: at(i % 7) }));
          const offered = promote(list, seats, at(100)).map((o) => o.id);
          expect(offered.length).toBe(Math.min(seats, list.length));
          const order = waitlistOrder(list).map((e) => e.id);
          expect(offered).toEqual(order.slice(0, offered.length));
        },
      ),
    );
  });
});
