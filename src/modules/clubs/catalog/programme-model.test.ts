import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fullYearsOn,
  joinOutcome,
  whyNotJoinable,
  windowOpen,
  type JoinableGroup,
} from './programme-model.js';

const group: JoinableGroup = {
  ageMin: 7,
  ageMax: 12,
  ovzTypes: ['speech'],
  enrolmentOpensOn: '2026-08-20',
  enrolmentClosesOn: '2026-09-15',
  startsOn: '2026-09-01',
  seats: 10,
  seatsTaken: 3,
};
const child = { birthDate: '2017-05-10', ovzTypes: [] };

describe('whyNotJoinable', () => {
  it('is empty for a child of the right age inside the window with seats left', () => {
    expect(whyNotJoinable(group, child, '2026-08-25')).toEqual([]);
    expect(joinOutcome([])).toBe('seat');
  });
  it('names the window before it opens and after it closes', () => {
    expect(whyNotJoinable(group, child, '2026-08-19')).toEqual(['window_not_open']);
    expect(whyNotJoinable(group, child, '2026-09-16')).toEqual(['window_closed']);
  });
  it('checks the age on the first lesson, or today once started', () => {
    // 6 on 2026-09-01 (born 2020-09-02), 7 a day later: too young for a group starting on the 1st.
    expect(whyNotJoinable(group, { birthDate: '2019-09-02', ovzTypes: [] }, '2026-08-25')).toEqual(['age']);
    expect(whyNotJoinable(group, { birthDate: '2019-09-01', ovzTypes: [] }, '2026-08-25')).toEqual([]);
    expect(whyNotJoinable(group, { birthDate: '2013-08-31', ovzTypes: [] }, '2026-08-25')).toEqual(['age']);
  });
  it('refuses an ОВЗ the programme is not adapted for, accepts one it is', () => {
    expect(whyNotJoinable(group, { ...child, ovzTypes: ['vision'] }, '2026-08-25')).toEqual(['ovz']);
    expect(whyNotJoinable(group, { ...child, ovzTypes: ['speech'] }, '2026-08-25')).toEqual([]);
  });
  it('a full group alone sends to the waitlist; with another reason it refuses', () => {
    const full = { ...group, seatsTaken: 10 };
    expect(whyNotJoinable(full, child, '2026-08-25')).toEqual(['full']);
    expect(joinOutcome(['full'])).toBe('waitlist');
    expect(joinOutcome(whyNotJoinable(full, child, '2026-09-20'))).toBe('refused');
  });
  it('property: a seat only when the window is open, age fits, seats are left', () => {
    const day = fc
      .date({ min: new Date('2026-01-01'), max: new Date('2027-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        day,
        fc.integer({ min: 0, max: 12 }),
        fc.integer({ min: 0, max: 12 }),
        (today, birth, seats, taken) => {
          const g = { ...group, seats, seatsTaken: Math.min(taken, seats) };
          const c = {
            birthDate: `20${birth.slice(2, 4) === '26' ? '15' : '16'}${birth.slice(4)}`,
            ovzTypes: [],
          };
          const outcome = joinOutcome(whyNotJoinable(g, c, today));
          if (outcome === 'seat') {
            expect(windowOpen(g, today)).toBe(true);
            expect(g.seatsTaken).toBeLessThan(g.seats);
            const age = fullYearsOn(c.birthDate, today > g.startsOn ? today : g.startsOn);
            expect(age >= g.ageMin && age <= g.ageMax).toBe(true);
          }
          if (g.seatsTaken >= g.seats) expect(outcome).not.toBe('seat');
        },
      ),
    );
  });
});

describe('fullYearsOn', () => {
  it('counts the birthday itself', () => {
    expect(fullYearsOn('2016-03-01', '2026-03-01')).toBe(10);
    expect(fullYearsOn('2016-03-01', '2026-02-28')).toBe(9);
  });
  it('property: never decreases with the day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7000 }), fc.integer({ min: 0, max: 400 }), (a, b) => {
        const d = (n: number) => new Date(Date.UTC(2010, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);
        expect(fullYearsOn('2009-06-15', d(a + b))).toBeGreaterThanOrEqual(fullYearsOn('2009-06-15', d(a)));
      }),
    );
  });
});
