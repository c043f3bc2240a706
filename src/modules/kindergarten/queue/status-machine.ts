import type { ApplicationStatusName } from '../../../contracts/kindergarten-queue.js';

/**
 * The application status machine (DOMAIN.md «Internal statuses», typical ЕИС ДОУ). Pure: the one place
 * that says which transition is legal; services call `assertTransition` and answer 409 with the
 * allowed targets otherwise.
 */
export const TRANSITIONS: Readonly<Record<ApplicationStatusName, readonly ApplicationStatusName[]>> = {
  // Новое: received, not yet checked.
  new: ['registered', 'benefit_check', 'refused', 'removed'],
  // Зарегистрировано (в очереди).
  registered: ['benefit_check', 'change_requested', 'directed', 'removed', 'refused'],
  // Подтверждение льгот: still in the queue, the claimed benefit does not count yet.
  benefit_check: ['registered', 'change_requested', 'directed', 'refused', 'removed'],
  // Желает изменить ДОУ.
  change_requested: ['registered', 'benefit_check', 'directed', 'removed'],
  // Направлен в ДОУ: an offer; refusing it returns the child to the queue (configurable default).
  directed: ['contract', 'registered', 'no_show', 'removed'],
  // Заключение договора.
  contract: ['enrolled', 'registered', 'removed'],
  // Зачислен.
  enrolled: ['archived'],
  // Отказано в предоставлении услуги.
  refused: ['archived', 'registered'],
  // Не явился: the parent may ask to be restored to the queue.
  no_show: ['registered', 'removed', 'archived'],
  // Снято с учёта (по заявлению, достиг 8 лет, …); an officer may restore a removal made in error.
  removed: ['registered', 'archived'],
  archived: [],
};

/** Statuses in which the child waits in the queue and has a position. */
export const IN_QUEUE_STATUSES: readonly ApplicationStatusName[] = [
  'registered',
  'benefit_check',
  'change_requested',
];
/** Statuses the partial unique index application_one_active counts as active. */
export const ACTIVE_STATUSES: readonly ApplicationStatusName[] = [
  'new',
  'registered',
  'benefit_check',
  'change_requested',
  'directed',
  'contract',
];
/** Statuses a parent may leave by withdrawing (снятие с учёта по заявлению). */
export const WITHDRAWABLE_STATUSES: readonly ApplicationStatusName[] = ACTIVE_STATUSES;

export function allowedTransitions(from: ApplicationStatusName): readonly ApplicationStatusName[] {
  return TRANSITIONS[from];
}

export function canTransition(from: ApplicationStatusName, to: ApplicationStatusName): boolean {
  return TRANSITIONS[from].includes(to);
}

export function isInQueue(status: ApplicationStatusName): boolean {
  return IN_QUEUE_STATUSES.includes(status);
}

export class IllegalTransition extends Error {
  constructor(
    readonly from: ApplicationStatusName,
    readonly to: ApplicationStatusName,
    readonly allowed: readonly ApplicationStatusName[],
  ) {
    super(`An application in status ${from} cannot move to ${to}; allowed: ${allowed.join(', ') || 'none'}.`);
  }
}

export function assertTransition(from: ApplicationStatusName, to: ApplicationStatusName): void {
  if (!canTransition(from, to)) throw new IllegalTransition(from, to, TRANSITIONS[from]);
}

/** Plain-words names of the statuses, for timelines, notifications and exports. */
export const STATUS_NAMES: Readonly<Record<ApplicationStatusName, { ru: string; en: string }>> = {
  new: { ru: 'Новое', en: 'New' },
  registered: { ru: 'Зарегистрировано (в очереди)', en: 'Registered (in the queue)' },
  benefit_check: { ru: 'Подтверждение льгот', en: 'Benefits being checked' },
  change_requested: { ru: 'Желает изменить ДОУ', en: 'Wishes to change kindergarten' },
  directed: { ru: 'Направлен в ДОУ', en: 'Offered a place' },
  contract: { ru: 'Заключение договора', en: 'Contract being signed' },
  enrolled: { ru: 'Зачислен', en: 'Enrolled' },
  refused: { ru: 'Отказано в предоставлении услуги', en: 'Service refused' },
  no_show: { ru: 'Не явился', en: 'Did not show up' },
  removed: { ru: 'Снято с учёта', en: 'Removed from the queue' },
  archived: { ru: 'Архив', en: 'Archived' },
};

/**
 * ЕПГУ (Госуслуги) status codes of the «Запись в детский сад» service, as the adapter sends them with
 * each status change. The numbers follow the typical regional integration table (ЕИС ДОУ ↔ ЕПГУ);
 * a region whose integration contract differs overrides this table in its adapter. `null`: the
 * internal status is not reported to ЕПГУ (the previous code stays).
 */
export const EPGU_STATUS: Readonly<Record<ApplicationStatusName, { code: number; name: string } | null>> = {
  new: { code: 1, name: 'Заявление принято к рассмотрению' },
  registered: { code: 2, name: 'Поставлен на учёт' },
  benefit_check: { code: 3, name: 'Подтверждение документов' },
  change_requested: { code: 2, name: 'Поставлен на учёт' },
  directed: { code: 4, name: 'Направлен в ДОО' },
  contract: { code: 5, name: 'Заключение договора' },
  enrolled: { code: 6, name: 'Зачислен в ДОО' },
  refused: { code: 7, name: 'Отказано в предоставлении услуги' },
  no_show: { code: 8, name: 'Не явился в ДОО' },
  removed: { code: 9, name: 'Снят с учёта' },
  archived: null,
};
