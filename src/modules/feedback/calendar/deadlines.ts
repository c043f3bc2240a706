import type { TimeLimit } from '../categories/category-tree.js';
import { addDays } from './day-arithmetic.js';
import type { WorkingDayCalendar } from './production-calendar.js';

/**
 * The time limits of an appeal (59-ФЗ) and of a short message, each counted in calendar or working
 * days as the region configures. Defaults follow the law:
 * - registration within 3 days of receipt (ст. 8 ч. 2);
 * - forwarding to the competent body within 7 days of registration, with notice to the citizen (ст. 8 ч. 3);
 * - the answer within 30 days of registration (ст. 12 ч. 1);
 * - one extension by up to 30 days, with notice (ст. 12 ч. 2).
 */
export interface DeadlineRules {
  registration: TimeLimit;
  forwarding: TimeLimit;
  answer: TimeLimit;
  maxExtensionDays: number;
  /**
   * A calendar-day limit ending on a day off ends on the next working day (ГК РФ ст. 193, applied by
   * analogy, as regional regulations of appeal handling do).
   */
  rollOverDaysOff: boolean;
}

export const DEFAULT_DEADLINE_RULES: DeadlineRules = {
  registration: { days: 3, unit: 'calendar' },
  forwarding: { days: 7, unit: 'calendar' },
  answer: { days: 30, unit: 'calendar' },
  maxExtensionDays: 30,
  rollOverDaysOff: true,
};

/** The day a limit of `limit` counted from `start` (the day of the event, not counted) ends. */
export function limitEnds(
  start: string,
  limit: TimeLimit,
  calendar: WorkingDayCalendar,
  rollOverDaysOff: boolean,
): string {
  if (limit.unit === 'working') {
    let day = start;
    for (let left = limit.days; left > 0;) {
      day = addDays(day, 1);
      if (calendar.isWorkingDay(day)) left -= 1;
    }
    return day;
  }
  let end = addDays(start, limit.days);
  if (rollOverDaysOff) while (!calendar.isWorkingDay(end)) end = addDays(end, 1);
  return end;
}

export interface AppealDeadlines {
  registrationDue: string;
  forwardingDue: string;
  answerDue: string;
}

/**
 * The deadlines of an appeal received on `receivedOn` and registered on `registeredOn` (the same day
 * for an electronic appeal registered at once). A short message answers by its category's target
 * instead of the 30 days, when the category has one.
 */
export function appealDeadlines(
  input: { kind: 'appeal' | 'message'; receivedOn: string; registeredOn: string; messageTarget?: TimeLimit },
  calendar: WorkingDayCalendar,
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): AppealDeadlines {
  const ends = (start: string, limit: TimeLimit) => limitEnds(start, limit, calendar, rules.rollOverDaysOff);
  const answerLimit = input.kind === 'message' && input.messageTarget ? input.messageTarget : rules.answer;
  return {
    registrationDue: ends(input.receivedOn, rules.registration),
    forwardingDue: ends(input.registeredOn, rules.forwarding),
    answerDue: ends(input.registeredOn, answerLimit),
  };
}

export type ExtensionCheck =
  { ok: true; answerDue: string } | { ok: false; reason: 'already_extended' | 'too_long' | 'not_positive' };

/** One extension of the answer limit by up to `maxExtensionDays` (ст. 12 ч. 2), counted from the current due day. */
export function extendAnswerDue(
  current: { answerDue: string; extended: boolean },
  days: number,
  calendar: WorkingDayCalendar,
  rules: DeadlineRules = DEFAULT_DEADLINE_RULES,
): ExtensionCheck {
  if (current.extended) return { ok: false, reason: 'already_extended' };
  if (!Number.isInteger(days) || days < 1) return { ok: false, reason: 'not_positive' };
  if (days > rules.maxExtensionDays) return { ok: false, reason: 'too_long' };
  return {
    ok: true,
    answerDue: limitEnds(
      current.answerDue,
      { days, unit: rules.answer.unit },
      calendar,
      rules.rollOverDaysOff,
    ),
  };
}

/** Where a deadline stands on `today`: overdue, due within `soonDays` calendar days, or in time. */
export function urgencyOf(
  answerDue: string,
  today: string,
  soonDays = 3,
): 'overdue' | 'due_soon' | 'in_time' {
  if (answerDue < today) return 'overdue';
  return addDays(today, soonDays) >= answerDue ? 'due_soon' : 'in_time';
}
