import type { PositionChangeCode, QueueClass } from '../../../contracts/kindergarten-queue.js';
import { isInQueue } from './status-machine.js';
import type { ApplicationStatusName } from '../../../contracts/kindergarten-queue.js';
import {
  classRank,
  comparePriority,
  DEFAULT_QUEUE_ORDER,
  epochSeconds,
  type QueueOrderConfig,
} from './queue-priority.js';

/**
 * "Why did my position change between two days": the queue of each day is rebuilt from the
 * application_event history (statuses and choices) and the benefits' decision dates, then the
 * children ahead on each day are compared one by one. Every child that came in front or went away
 * gets one reason, so the reasons' deltas add up to the change of position exactly. Pure.
 */
export interface HistoryBenefit {
  class: 'extraordinary' | 'first' | 'sibling';
  status: 'claimed' | 'verified' | 'rejected' | 'expired';
  /** When the benefit started to count (verification moment); null when never verified. */
  decidedAt: string | null;
  validUntil: string | null;
  siblingKindergartenId: number | null;
}

export interface HistoryApplication {
  id: string;
  serial: number;
  registeredAt: string;
  applicantId: string | null;
  /** Status changes in time order (the first has the status at registration). */
  statuses: readonly { at: string; status: ApplicationStatusName; actorId: string | null }[];
  /** Preferred kindergartens over time, in time order; the first entry holds from registration. */
  choices: readonly { at: string; kindergartenIds: readonly number[] }[];
  benefits: readonly HistoryBenefit[];
}

/**
 * A day 'YYYY-MM-DD' means its end (what happened during that day counts for it); a full ISO
 * moment means exactly then (to explain a change made today).
 */
export const momentOf = (dayOrMoment: string) =>
  dayOrMoment.length > 10 ? new Date(dayOrMoment).toISOString() : `${dayOrMoment}T23:59:59.999Z`;
const endOfDay = momentOf;

function statusAt(
  app: HistoryApplication,
  moment: string,
): { status: ApplicationStatusName; actorId: string | null } | null {
  let found: { status: ApplicationStatusName; actorId: string | null } | null = null;
  for (const s of app.statuses) {
    if (s.at > moment) break;
    found = s;
  }
  return found;
}

function choicesAt(app: HistoryApplication, moment: string): readonly number[] {
  let found: readonly number[] = app.choices[0]?.kindergartenIds ?? [];
  for (const c of app.choices) {
    if (c.at > moment) break;
    found = c.kindergartenIds;
  }
  return found;
}

function benefitCountsOn(b: HistoryBenefit, day: string): boolean {
  if (b.decidedAt === null || b.decidedAt > endOfDay(day)) return false;
  if (b.status === 'rejected' || b.status === 'claimed') return false;
  return b.validUntil === null || b.validUntil >= day.slice(0, 10);
}

export function classOn(
  app: HistoryApplication,
  day: string,
  kindergartenId: number | null,
  config: QueueOrderConfig = DEFAULT_QUEUE_ORDER,
): QueueClass {
  let best: QueueClass = 'general';
  for (const b of app.benefits) {
    if (!benefitCountsOn(b, day)) continue;
    if (b.class === 'sibling' && (kindergartenId === null || b.siblingKindergartenId !== kindergartenId))
      continue;
    if (classRank(b.class, config) < classRank(best, config)) best = b.class;
  }
  return best;
}

interface DayState {
  inQueue: boolean;
  queueClass: QueueClass;
  priority: [number, number, number];
  status: ApplicationStatusName | null;
  actorId: string | null;
}

export function stateOn(
  app: HistoryApplication,
  day: string,
  kindergartenId: number | null,
  config: QueueOrderConfig = DEFAULT_QUEUE_ORDER,
): DayState {
  const moment = endOfDay(day);
  const s = app.registeredAt <= moment ? statusAt(app, moment) : null;
  const inGroup = kindergartenId === null || choicesAt(app, moment).includes(kindergartenId);
  const queueClass = classOn(app, day, kindergartenId, config);
  return {
    inQueue: !!s && isInQueue(s.status) && inGroup,
    queueClass,
    priority: [classRank(queueClass, config), epochSeconds(app.registeredAt), app.serial],
    status: s?.status ?? null,
    actorId: s?.actorId ?? null,
  };
}

/** 1-based position of `target` among `queue` (which includes it) on a day, or null when not in the queue. */
export function positionOn(
  target: HistoryApplication,
  queue: readonly HistoryApplication[],
  day: string,
  kindergartenId: number | null,
  config: QueueOrderConfig = DEFAULT_QUEUE_ORDER,
): number | null {
  const me = stateOn(target, day, kindergartenId, config);
  if (!me.inQueue) return null;
  let ahead = 0;
  for (const other of queue) {
    if (other.id === target.id) continue;
    const s = stateOn(other, day, kindergartenId, config);
    if (s.inQueue && comparePriority(s.priority, me.priority) < 0) ahead++;
  }
  return ahead + 1;
}

export interface ChangeReason {
  code: PositionChangeCode;
  queueClass: QueueClass | null;
  count: number;
  delta: number;
}

export interface PositionChange {
  fromPosition: number | null;
  toPosition: number | null;
  delta: number | null;
  reasons: ChangeReason[];
}

const PLACED: readonly ApplicationStatusName[] = ['directed', 'contract', 'enrolled'];

export function explainPositionChange(
  target: HistoryApplication,
  queue: readonly HistoryApplication[],
  from: string,
  to: string,
  kindergartenId: number | null,
  config: QueueOrderConfig = DEFAULT_QUEUE_ORDER,
): PositionChange {
  const me1 = stateOn(target, from, kindergartenId, config);
  const me2 = stateOn(target, to, kindergartenId, config);
  const fromPosition = positionOn(target, queue, from, kindergartenId, config);
  const toPosition = positionOn(target, queue, to, kindergartenId, config);
  if (fromPosition === null || toPosition === null)
    return { fromPosition, toPosition, delta: null, reasons: [] };

  const tally = new Map<string, ChangeReason>();
  const add = (code: PositionChangeCode, queueClass: QueueClass | null, delta: number) => {
    const key = `${code}:${queueClass ?? ''}`;
    const r = tally.get(key) ?? { code, queueClass, count: 0, delta: 0 };
    r.count++;
    r.delta += delta;
    tally.set(key, r);
  };
  const ownBetter = comparePriority(me2.priority, me1.priority) < 0;
  const ownWorseCode = (): PositionChangeCode => {
    const lost = target.benefits.find((b) => benefitCountsOn(b, from) && !benefitCountsOn(b, to));
    if (lost) return lost.status === 'rejected' ? 'own_benefit_rejected' : 'own_benefit_expired';
    return me1.priority[1] !== me2.priority[1] ? 'own_registration_changed' : 'other';
  };

  for (const other of queue) {
    if (other.id === target.id) continue;
    const s1 = stateOn(other, from, kindergartenId, config);
    const s2 = stateOn(other, to, kindergartenId, config);
    const ahead1 = s1.inQueue && comparePriority(s1.priority, me1.priority) < 0;
    const ahead2 = s2.inQueue && comparePriority(s2.priority, me2.priority) < 0;
    if (ahead1 === ahead2) continue;
    if (ahead2) {
      // Came in front of me.
      if (!s1.inQueue) {
        const registeredLater = other.registeredAt > endOfDay(from);
        const code: PositionChangeCode = registeredLater
          ? 'new_ahead'
          : s1.status && isInQueue(s1.status)
            ? 'joined_group_ahead'
            : 'returned_ahead';
        add(code, s2.queueClass, +1);
      } else if (comparePriority(s1.priority, me2.priority) < 0) add(ownWorseCode(), null, +1);
      else add('benefit_verified_ahead', s2.queueClass, +1);
    } else {
      // Was in front of me, is not any more.
      if (!s2.inQueue) {
        let code: PositionChangeCode = 'ahead_removed';
        if (s2.status && PLACED.includes(s2.status)) code = 'ahead_placed';
        else if (s2.status === 'removed' && s2.actorId !== null && s2.actorId === other.applicantId)
          code = 'ahead_withdrawn';
        else if (s2.status && isInQueue(s2.status)) code = 'ahead_left_group';
        add(code, s1.queueClass, -1);
      } else if (ownBetter && comparePriority(s1.priority, me2.priority) > 0)
        add('own_benefit_verified', null, -1);
      else add('ahead_lost_benefit', s1.queueClass, -1);
    }
  }
  const reasons = [...tally.values()].sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
  return { fromPosition, toPosition, delta: toPosition - fromPosition, reasons };
}

const CLASS_WORDS: Record<QueueClass, { ru: string; en: string }> = {
  extraordinary: { ru: 'с внеочередным правом', en: 'with an extraordinary right' },
  first: { ru: 'с первоочередным правом', en: 'with a first-priority right' },
  sibling: { ru: 'с преимущественным правом', en: 'with a sibling right' },
  general: { ru: 'без льгот', en: 'without benefits' },
};

const REASON_TEXT: Record<PositionChangeCode, { ru: string; en: string }> = {
  new_ahead: { ru: 'зарегистрированы новые заявления {cls}', en: 'new applications {cls} were registered' },
  returned_ahead: { ru: 'в очередь вернулись дети {cls}', en: 'children {cls} returned to the queue' },
  joined_group_ahead: {
    ru: 'в эту очередь перешли дети {cls}',
    en: 'children {cls} joined this queue',
  },
  benefit_verified_ahead: {
    ru: 'у детей подтверждена льгота, теперь они {cls}',
    en: 'other children had a benefit verified and are now {cls}',
  },
  ahead_placed: {
    ru: 'дети впереди получили место в детском саду',
    en: 'children ahead were offered a place',
  },
  ahead_withdrawn: {
    ru: 'родители детей впереди отозвали заявления',
    en: 'parents of children ahead withdrew',
  },
  ahead_removed: { ru: 'дети впереди сняты с учёта', en: 'children ahead were removed from the queue' },
  ahead_left_group: {
    ru: 'дети впереди перешли в другую очередь',
    en: 'children ahead moved to another queue',
  },
  ahead_lost_benefit: {
    ru: 'у детей впереди закончилась или не подтвердилась льгота',
    en: 'children ahead lost a benefit',
  },
  own_benefit_verified: { ru: 'ваша льгота подтверждена', en: 'your benefit was verified' },
  own_benefit_expired: { ru: 'закончился срок вашей льготы', en: 'your benefit expired' },
  own_benefit_rejected: { ru: 'в вашей льготе отказано', en: 'your benefit was rejected' },
  own_desired_date_changed: { ru: 'изменилась желаемая дата', en: 'your desired date changed' },
  own_choices_changed: { ru: 'изменился список детских садов', en: 'your kindergartens changed' },
  own_registration_changed: {
    ru: 'изменилось время регистрации заявления',
    en: 'your registration moment changed',
  },
  other: { ru: 'прочие изменения', en: 'other changes' },
};

export function reasonText(r: ChangeReason, locale: 'ru' | 'en'): string {
  const sign = r.delta > 0 ? `+${r.delta}` : String(r.delta);
  const cls = r.queueClass ? CLASS_WORDS[r.queueClass][locale] : '';
  const text = REASON_TEXT[r.code][locale].replace('{cls}', cls).replace(/\s+/g, ' ').trim();
  const count = locale === 'ru' ? `(${r.count})` : `(${r.count})`;
  return `${sign}: ${text} ${count}`;
}

export function changeSummary(change: PositionChange, locale: 'ru' | 'en'): string {
  if (change.delta === null)
    return locale === 'ru'
      ? 'В один из выбранных дней заявления не было в очереди.'
      : 'The application was not in the queue on one of the chosen days.';
  if (change.delta === 0 && change.reasons.length === 0)
    return locale === 'ru' ? 'Место в очереди не изменилось.' : 'The position did not change.';
  const head =
    locale === 'ru'
      ? `Место ${change.fromPosition} → ${change.toPosition}.`
      : `Position ${change.fromPosition} → ${change.toPosition}.`;
  return [head, ...change.reasons.map((r) => reasonText(r, locale))].join(' ');
}
