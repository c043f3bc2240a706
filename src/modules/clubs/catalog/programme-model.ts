/**
 * The federal «Навигатор дополнительного образования» data model: organisation → programme → group.
 * Pure values and rules, no database or clock (today is passed in).
 */

/** The six направленности of additional education (Приказ Минпросвещения № 629, п. 9). */
export const DIRECTIONS = [
  'technical', // техническая
  'natural_science', // естественнонаучная
  'sports', // физкультурно-спортивная
  'arts', // художественная
  'tourism', // туристско-краеведческая
  'social', // социально-гуманитарная
] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Programme levels: стартовый, базовый, углублённый (Минобрнауки letter 09-3242 of 18.11.2015). */
export const LEVELS = ['starting', 'basic', 'advanced'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * ОВЗ categories a programme may be adapted for (273-ФЗ ст. 79; the nosologies of the ФГОС for
 * pupils with ОВЗ). A child's health fact of kind `ovz` carries one of these as its detail.
 */
export const OVZ_TYPES = [
  'hearing',
  'vision',
  'speech',
  'musculoskeletal',
  'autism',
  'mental_delay',
  'intellectual',
  'emotional',
] as const;
export type OvzType = (typeof OVZ_TYPES)[number];

/** How a group is paid for: the budget, the family (a monthly price), or a ПФДО certificate. */
export const FINANCING = ['budget', 'paid', 'certificate'] as const;
export type Financing = (typeof FINANCING)[number];

export const FORMATS = ['in_person', 'distance', 'mixed'] as const;
export type Format = (typeof FORMATS)[number];

/** What joinability needs to know of a group (with its programme's age range and ОВЗ types). */
export interface JoinableGroup {
  ageMin: number;
  ageMax: number;
  /** ОВЗ categories the programme can take; a child with another ОВЗ cannot be given conditions. */
  ovzTypes: readonly string[];
  enrolmentOpensOn: string;
  enrolmentClosesOn: string;
  /** First lesson, YYYY-MM-DD: the age counts on this day (or today, once started). */
  startsOn: string;
  seats: number;
  seatsTaken: number;
}

export interface JoiningChild {
  birthDate: string;
  /** Active ОВЗ facts of the child (their detail). */
  ovzTypes: readonly string[];
}

export type NotJoinableReason = 'window_not_open' | 'window_closed' | 'age' | 'ovz' | 'full';

/** Full years on `day` (both YYYY-MM-DD): the birthday itself counts. */
export function fullYearsOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The day the age range is checked on: the group's start, or today once it has started. */
export function ageDay(group: Pick<JoinableGroup, 'startsOn'>, today: string): string {
  return today > group.startsOn ? today : group.startsOn;
}

/**
 * Why the child cannot take a seat in the group today, most decisive first; empty when a seat is
 * there to take. `full` alone means the child may join the waitlist; any other reason refuses.
 * ОВЗ: a child whose ОВЗ the programme is not adapted for cannot be enrolled (273-ФЗ ст. 79 ч. 1:
 * conditions must be created), a child without ОВЗ may join any programme.
 */
export function whyNotJoinable(
  group: JoinableGroup,
  child: JoiningChild | null,
  today: string,
): NotJoinableReason[] {
  const reasons: NotJoinableReason[] = [];
  if (today < group.enrolmentOpensOn) reasons.push('window_not_open');
  if (today > group.enrolmentClosesOn) reasons.push('window_closed');
  if (child) {
    const age = fullYearsOn(child.birthDate, ageDay(group, today));
    if (age < group.ageMin || age > group.ageMax) reasons.push('age');
    if (child.ovzTypes.some((t) => !group.ovzTypes.includes(t))) reasons.push('ovz');
  }
  if (group.seatsTaken >= group.seats) reasons.push('full');
  return reasons;
}

export type JoinOutcome = 'seat' | 'waitlist' | 'refused';

/** What an enrolment attempt becomes given the reasons. */
export function joinOutcome(reasons: readonly NotJoinableReason[]): JoinOutcome {
  if (reasons.length === 0) return 'seat';
  return reasons.every((r) => r === 'full') ? 'waitlist' : 'refused';
}

/** Whether enrolment is open today (the catalog's «open enrolment only» filter). */
export function windowOpen(
  group: Pick<JoinableGroup, 'enrolmentOpensOn' | 'enrolmentClosesOn'>,
  today: string,
) {
  return today >= group.enrolmentOpensOn && today <= group.enrolmentClosesOn;
}
