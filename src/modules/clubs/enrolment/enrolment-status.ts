import { addWorkingDays } from './working-days.js';

/**
 * An enrolment's statuses, after the Госуслуги service «Запись на обучение по дополнительной
 * общеобразовательной программе»: registered → under_review → invited (entrance tests) / approved →
 * studying → finished or withdrawn; refused with a reason. A full group puts the request on the
 * waitlist; a freed seat offers it (`offered`) for a limited time.
 */
export const ENROLMENT_STATUSES = [
  'waitlisted',
  'offered',
  'registered',
  'under_review',
  'invited',
  'approved',
  'studying',
  'finished',
  'withdrawn',
  'refused',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export type EnrolmentActor = 'parent' | 'staff' | 'system';

const TRANSITIONS: Record<EnrolmentStatus, Partial<Record<EnrolmentStatus, readonly EnrolmentActor[]>>> = {
  waitlisted: {
    offered: ['system'],
    approved: ['staff'],
    withdrawn: ['parent', 'system'],
    refused: ['staff'],
  },
  // The parent accepts the offer (→ registered); an expired offer is withdrawn by the system.
  offered: { registered: ['parent'], withdrawn: ['parent', 'system'], refused: ['staff'] },
  registered: { under_review: ['staff'], approved: ['staff'], refused: ['staff'], withdrawn: ['parent'] },
  under_review: { invited: ['staff'], approved: ['staff'], refused: ['staff'], withdrawn: ['parent'] },
  invited: { approved: ['staff'], refused: ['staff'], withdrawn: ['parent'] },
  approved: { studying: ['staff'], withdrawn: ['parent', 'staff'] },
  studying: { finished: ['staff', 'system'], withdrawn: ['parent', 'staff'] },
  finished: {},
  withdrawn: {},
  refused: {},
};

export function canTransition(from: EnrolmentStatus, to: EnrolmentStatus, actor: EnrolmentActor): boolean {
  return TRANSITIONS[from][to]?.includes(actor) ?? false;
}

export function nextStatuses(from: EnrolmentStatus, actor: EnrolmentActor): EnrolmentStatus[] {
  return ENROLMENT_STATUSES.filter((to) => canTransition(from, to, actor));
}

/** Statuses that hold one of the group's seats. */
export const SEAT_HOLDING: ReadonlySet<EnrolmentStatus> = new Set([
  'offered',
  'registered',
  'under_review',
  'invited',
  'approved',
  'studying',
]);

/** Statuses after which nothing more happens. */
export const FINAL: ReadonlySet<EnrolmentStatus> = new Set(['finished', 'withdrawn', 'refused']);

/** The family_request state the family sees first. */
export function requestState(status: EnrolmentStatus): 'open' | 'done' | 'refused' | 'withdrawn' {
  if (status === 'refused') return 'refused';
  if (status === 'withdrawn') return 'withdrawn';
  if (status === 'studying' || status === 'finished' || status === 'approved') return 'done';
  return 'open';
}

/** Review limits of the Госуслуги service: 7 working days, 45 when the programme has entrance tests. */
export const REVIEW_WORKING_DAYS = 7;
export const REVIEW_WORKING_DAYS_WITH_TESTS = 45;

/** The last day staff may decide on a request registered on `registeredOn`. */
export function reviewDeadline(
  registeredOn: string,
  entranceTests: boolean,
  holidays: ReadonlySet<string> = new Set(),
): string {
  return addWorkingDays(
    registeredOn,
    entranceTests ? REVIEW_WORKING_DAYS_WITH_TESTS : REVIEW_WORKING_DAYS,
    holidays,
  );
}

export const REFUSAL_REASONS = [
  'no_documents', // документы не представлены
  'age', // возраст не соответствует программе
  'health', // медицинские противопоказания
  'entrance_tests', // не пройдены вступительные испытания
  'no_seats', // нет свободных мест
  'other',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];
