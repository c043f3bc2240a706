/**
 * The official Russian production calendar (five-day week) as data: for each year, the weekdays that
 * are not worked (holidays of Трудовой кодекс ст. 112 ч. 1 and the days off the year's decree moved
 * onto weekdays) and the weekend days that are worked (a transferred working Saturday), with the
 * decree they come from. Everything else follows the week: Monday–Friday work, Saturday–Sunday rest.
 */
export interface CalendarYear {
  year: number;
  /** The act that sets the year's transfers (ТК РФ ст. 112 ч. 5). */
  decree: string;
  /** False while the year's decree is a draft: the data follow the draft and ст. 112 ч. 2. */
  confirmed: boolean;
  /** Monday–Friday days that are not worked. */
  nonWorkingWeekdays: readonly string[];
  /** Saturdays and Sundays that are worked. */
  workingWeekends: readonly string[];
}

export const PRODUCTION_CALENDAR: readonly CalendarYear[] = [
  {
    year: 2024,
    decree: 'Постановление Правительства РФ от 10.08.2023 № 1314 «О переносе выходных дней в 2024 году»',
    confirmed: true,
    // Transfers: 6 Jan → 10 May, 7 Jan → 31 Dec, 27 Apr → 29 Apr, 2 Nov → 30 Apr, 28 Dec → 30 Dec.
    nonWorkingWeekdays: [
      '2024-01-01',
      '2024-01-02',
      '2024-01-03',
      '2024-01-04',
      '2024-01-05',
      '2024-01-08',
      '2024-02-23',
      '2024-03-08',
      '2024-04-29',
      '2024-04-30',
      '2024-05-01',
      '2024-05-09',
      '2024-05-10',
      '2024-06-12',
      '2024-11-04',
      '2024-12-30',
      '2024-12-31',
    ],
    workingWeekends: ['2024-04-27', '2024-11-02', '2024-12-28'],
  },
  {
    year: 2025,
    decree: 'Постановление Правительства РФ от 04.10.2024 № 1335 «О переносе выходных дней в 2025 году»',
    confirmed: true,
    // Transfers: 4 Jan → 2 May, 5 Jan → 31 Dec, 23 Feb → 8 May, 8 Mar → 13 Jun, 1 Nov → 3 Nov.
    nonWorkingWeekdays: [
      '2025-01-01',
      '2025-01-02',
      '2025-01-03',
      '2025-01-06',
      '2025-01-07',
      '2025-01-08',
      '2025-05-01',
      '2025-05-02',
      '2025-05-08',
      '2025-05-09',
      '2025-06-12',
      '2025-06-13',
      '2025-11-03',
      '2025-11-04',
      '2025-12-31',
    ],
    workingWeekends: ['2025-11-01'],
  },
  {
    year: 2026,
    decree: 'Постановление Правительства РФ от 24.09.2025 «О переносе выходных дней в 2026 году»',
    confirmed: true,
    // Transfers: 3 Jan → 9 Jan, 4 Jan → 31 Dec; 8 Mar (Sun) → 9 Mar and 9 May (Sat) → 11 May by ст. 112 ч. 2.
    nonWorkingWeekdays: [
      '2026-01-01',
      '2026-01-02',
      '2026-01-05',
      '2026-01-06',
      '2026-01-07',
      '2026-01-08',
      '2026-01-09',
      '2026-02-23',
      '2026-03-09',
      '2026-05-01',
      '2026-05-11',
      '2026-06-12',
      '2026-11-04',
      '2026-12-31',
    ],
    workingWeekends: [],
  },
  {
    year: 2027,
    decree:
      'Проект постановления Правительства РФ «О переносе выходных дней в 2027 году» (Минтруд России); ' +
      'до его принятия — ТК РФ ст. 112 ч. 2',
    confirmed: false,
    // 1 May (Sat) → 3 May, 9 May (Sun) → 10 May, 12 Jun (Sat) → 14 Jun by ст. 112 ч. 2; the draft moves
    // 13 Nov (Sat) → 5 Nov. The two January weekend holidays (2–3 Jan) wait for the decree.
    nonWorkingWeekdays: [
      '2027-01-01',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
      '2027-02-23',
      '2027-03-08',
      '2027-05-03',
      '2027-05-10',
      '2027-06-14',
      '2027-11-04',
      '2027-11-05',
    ],
    workingWeekends: ['2027-11-13'],
  },
];

/** Holidays of ТК РФ ст. 112 ч. 1 (month-day), for a year the data do not hold. */
const STATUTORY_HOLIDAYS = [
  '01-01',
  '01-02',
  '01-03',
  '01-04',
  '01-05',
  '01-06',
  '01-07',
  '01-08',
  '02-23',
  '03-08',
  '05-01',
  '05-09',
  '06-12',
  '11-04',
];

export interface WorkingDayCalendar {
  isWorkingDay(date: string): boolean;
  /** The year's source, or null for a year outside the data (statutory holidays only). */
  sourceOf(year: number): CalendarYear | null;
}

const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

export function productionCalendar(years: readonly CalendarYear[] = PRODUCTION_CALENDAR): WorkingDayCalendar {
  const byYear = new Map<number, { off: Set<string>; on: Set<string>; source: CalendarYear }>();
  for (const y of years) {
    for (const d of y.nonWorkingWeekdays) {
      const wd = weekdayOf(d);
      if (!d.startsWith(`${y.year}-`) || wd === 0 || wd === 6)
        throw new Error(`${y.year}: ${d} is not a weekday of the year`);
    }
    for (const d of y.workingWeekends) {
      const wd = weekdayOf(d);
      if (!d.startsWith(`${y.year}-`) || (wd !== 0 && wd !== 6))
        throw new Error(`${y.year}: ${d} is not a weekend day of the year`);
    }
    byYear.set(y.year, { off: new Set(y.nonWorkingWeekdays), on: new Set(y.workingWeekends), source: y });
  }
  return {
    isWorkingDay(date) {
      const wd = weekdayOf(date);
      const known = byYear.get(Number(date.slice(0, 4)));
      if (known) return wd === 0 || wd === 6 ? known.on.has(date) : !known.off.has(date);
      return wd !== 0 && wd !== 6 && !STATUTORY_HOLIDAYS.includes(date.slice(5));
    },
    sourceOf: (year) => byYear.get(year)?.source ?? null,
  };
}

export const RUSSIAN_CALENDAR = productionCalendar();
