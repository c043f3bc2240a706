import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from './day-arithmetic.js';
import { appealDeadlines, extendAnswerDue, limitEnds, urgencyOf } from './deadlines.js';
import { PRODUCTION_CALENDAR, productionCalendar, RUSSIAN_CALENDAR } from './production-calendar.js';

const cal = RUSSIAN_CALENDAR;

describe('the production calendar', () => {
  it('knows each year 2024–2027 with its decree', () => {
    expect(PRODUCTION_CALENDAR.map((y) => y.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(cal.sourceOf(2025)?.decree).toMatch(/№ 1335/);
    expect(cal.sourceOf(2024)?.decree).toMatch(/№ 1314/);
    expect(cal.sourceOf(2028)).toBeNull();
  });

  it('counts 247 working days in 2025 and 2026 and 248 in 2024, as the decrees say', () => {
    for (const [year, expected] of [
      [2024, 248],
      [2025, 247],
      [2026, 247],
    ] as const) {
      let n = 0;
      for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addDays(d, 1))
        if (cal.isWorkingDay(d)) n++;
      expect(n, String(year)).toBe(expected);
    }
  });

  it('works the transferred Saturdays and rests on the transferred weekdays', () => {
    expect(cal.isWorkingDay('2024-11-02')).toBe(true); // Saturday, moved to 30 April
    expect(cal.isWorkingDay('2024-12-28')).toBe(true); // Saturday, moved to 30 December
    expect(cal.isWorkingDay('2025-11-01')).toBe(true); // Saturday, moved to 3 November
    expect(cal.isWorkingDay('2025-11-08')).toBe(false); // an ordinary Saturday
    expect(cal.isWorkingDay('2025-05-08')).toBe(false); // Thursday, from 23 February
    expect(cal.isWorkingDay('2026-01-09')).toBe(false); // Friday, from 3 January
    expect(cal.isWorkingDay('2026-12-31')).toBe(false);
  });

  it('refuses data that put a day off on a weekend or a working day on a weekday', () => {
    const bad = {
      year: 2030,
      decree: 'x',
      confirmed: true,
      nonWorkingWeekdays: ['2030-01-05'],
      workingWeekends: [],
    };
    expect(() => productionCalendar([bad])).toThrow(/not a weekday/);
    const bad2 = { ...bad, nonWorkingWeekdays: [], workingWeekends: ['2030-01-07'] };
    expect(() => productionCalendar([bad2])).toThrow(/not a weekend/);
  });

  it('falls back to the statutory holidays for a year outside the data', () => {
    expect(cal.isWorkingDay('2028-01-03')).toBe(false); // a holiday of ст. 112
    expect(cal.isWorkingDay('2028-01-10')).toBe(true);
  });
});

describe('appeal deadlines', () => {
  it('an appeal registered on 29 December 2025 is answered by 28 January, registered and forwarded after the holidays', () => {
    const d = appealDeadlines({ kind: 'appeal', receivedOn: '2025-12-29', registeredOn: '2025-12-29' }, cal);
    // 1 January is a holiday and the rest lasts until 11 January: 3 and 7 days both end on 12 January.
    expect(d).toEqual({
      registrationDue: '2026-01-12',
      forwardingDue: '2026-01-12',
      answerDue: '2026-01-28',
    });
  });

  it('a message registered on 29 December 2025 with 8 working days is due on 20 January', () => {
    const d = appealDeadlines(
      {
        kind: 'message',
        receivedOn: '2025-12-29',
        registeredOn: '2025-12-29',
        messageTarget: { days: 8, unit: 'working' },
      },
      cal,
    );
    // Working days: 30 Dec, then 12, 13, 14, 15, 16, 19, 20 January (31 Dec – 11 Jan are days off).
    expect(d.answerDue).toBe('2026-01-20');
  });

  it('an appeal registered on 29 December 2024 (a Sunday) is due on 28 January 2025', () => {
    const d = appealDeadlines({ kind: 'appeal', receivedOn: '2024-12-29', registeredOn: '2024-12-29' }, cal);
    expect(d.answerDue).toBe('2025-01-28');
  });

  it('counts the transferred working Saturday of 1 November 2025 as a working day', () => {
    const five = { days: 5, unit: 'working' as const };
    // Sat 1 Nov (worked), Wed 5, Thu 6, Fri 7, Mon 10 (2–4 November rest).
    expect(limitEnds('2025-10-31', five, cal, true)).toBe('2025-11-10');
    expect(limitEnds('2024-12-27', { days: 1, unit: 'working' }, cal, true)).toBe('2024-12-28');
    // A calendar limit ending on the worked Saturday 2 November 2024 stays there.
    expect(limitEnds('2024-10-26', { days: 7, unit: 'calendar' }, cal, true)).toBe('2024-11-02');
  });

  it('extends the answer once, by at most 30 days', () => {
    const first = extendAnswerDue({ answerDue: '2026-01-28', extended: false }, 30, cal);
    expect(first).toEqual({ ok: true, answerDue: '2026-02-27' });
    expect(extendAnswerDue({ answerDue: '2026-02-27', extended: true }, 10, cal)).toEqual({
      ok: false,
      reason: 'already_extended',
    });
    expect(extendAnswerDue({ answerDue: '2026-01-28', extended: false }, 31, cal)).toMatchObject({
      reason: 'too_long',
    });
    expect(extendAnswerDue({ answerDue: '2026-01-28', extended: false }, 0, cal)).toMatchObject({
      reason: 'not_positive',
    });
    // 20 days from 28 January end on Tuesday 17 February; 23 days on Monday 23 February (a holiday) → 24th.
    expect(extendAnswerDue({ answerDue: '2026-01-28', extended: false }, 26, cal)).toEqual({
      ok: true,
      answerDue: '2026-02-24',
    });
  });

  it('tells overdue from due soon', () => {
    expect(urgencyOf('2026-01-10', '2026-01-11')).toBe('overdue');
    expect(urgencyOf('2026-01-13', '2026-01-11')).toBe('due_soon');
    expect(urgencyOf('2026-02-13', '2026-01-11')).toBe('in_time');
  });
});

const day = fc.integer({ min: 0, max: 4 * 365 - 60 }).map((n) => addDays('2024-01-01', n));

describe('deadline properties', () => {
  it('a working-day limit ends on a working day with exactly that many working days after the start', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 40 }), (start, days) => {
        const end = limitEnds(start, { days, unit: 'working' }, cal, true);
        expect(cal.isWorkingDay(end)).toBe(true);
        let n = 0;
        for (let d = addDays(start, 1); d <= end; d = addDays(d, 1)) if (cal.isWorkingDay(d)) n++;
        expect(n).toBe(days);
      }),
    );
  });

  it('a calendar limit ends no earlier than start + days, on a working day, never later than the next one', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 60 }), (start, days) => {
        const end = limitEnds(start, { days, unit: 'calendar' }, cal, true);
        expect(end >= addDays(start, days)).toBe(true);
        expect(cal.isWorkingDay(end)).toBe(true);
        for (let d = addDays(start, days); d < end; d = addDays(d, 1))
          expect(cal.isWorkingDay(d)).toBe(false);
      }),
    );
  });

  it('a later start never gives an earlier deadline', () => {
    fc.assert(
      fc.property(
        day,
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        fc.boolean(),
        (start, later, days, working) => {
          const limit = { days, unit: working ? ('working' as const) : ('calendar' as const) };
          expect(
            limitEnds(addDays(start, later), limit, cal, true) >= limitEnds(start, limit, cal, true),
          ).toBe(true);
        },
      ),
    );
  });
});
