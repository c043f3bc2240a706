import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, cycleDayOn, datesBetween, isoWeekday, scheduleCycle } from './cycle-schedule.js';

const calendar = (daysOff: string[] = [], weekDays: 5 | 6 = 5, days = 10) => ({
  startsOn: '2025-09-01',
  days,
  weekDays,
  daysOff: new Set(daysOff),
});

describe('scheduleCycle', () => {
  it('serves day 1 on the first Monday, skips the weekend and goes round after day 10', () => {
    const s = scheduleCycle('2025-09-01', '2025-09-15', calendar());
    expect(s.map((d) => `${d.date}:${d.cycleDay}`)).toEqual([
      '2025-09-01:1',
      '2025-09-02:2',
      '2025-09-03:3',
      '2025-09-04:4',
      '2025-09-05:5',
      '2025-09-08:6',
      '2025-09-09:7',
      '2025-09-10:8',
      '2025-09-11:9',
      '2025-09-12:10',
      '2025-09-15:1',
    ]);
  });

  it('a day off moves the rest of the cycle by one school day', () => {
    expect(cycleDayOn('2025-09-03', calendar(['2025-09-02']))).toBe(2);
    expect(cycleDayOn('2025-09-02', calendar(['2025-09-02']))).toBeNull();
    expect(cycleDayOn('2025-09-06', calendar([], 6))).toBe(6);
    expect(cycleDayOn('2025-08-29', calendar())).toBeNull();
  });

  const arbitraryCalendar = fc.record({
    offsets: fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 30 }),
    weekDays: fc.constantFrom(5 as const, 6 as const),
    days: fc.integer({ min: 1, max: 30 }),
    from: fc.integer({ min: -10, max: 100 }),
    length: fc.integer({ min: 0, max: 60 }),
  });

  it('schedules exactly the school days, each cycle day following the previous one', () => {
    fc.assert(
      fc.property(arbitraryCalendar, ({ offsets, weekDays, days, from, length }) => {
        const c = calendar(
          offsets.map((o) => addDays('2025-09-01', o)),
          weekDays,
          days,
        );
        const start = addDays('2025-09-01', from);
        const end = addDays(start, length);
        const s = scheduleCycle(start, end, c);
        const expected = datesBetween(start, end).filter(
          (d) => d >= c.startsOn && isoWeekday(d) <= weekDays && !c.daysOff.has(d),
        );
        expect(s.map((d) => d.date)).toEqual(expected);
        for (let i = 1; i < s.length; i++) expect(s[i]!.cycleDay).toBe((s[i - 1]!.cycleDay % days) + 1);
        for (const d of s) expect(cycleDayOn(d.date, c)).toBe(d.cycleDay);
      }),
    );
  });
});
