import type { QueueClass } from '../../../contracts/kindergarten-queue.js';

/**
 * The one rule that orders every kindergarten queue and feeds the placement solver (the queue's order
 * and the solver's priorities must never disagree). Pure: the caller passes the day and the data.
 *
 * A child's priority is `[classRank, registeredAtEpochSeconds, serial]`, smaller first, compared
 * lexicographically (the placement instance format, ../shared/specs/placement-instance.md). Only a
 * verified benefit valid on the day counts (DOMAIN.md: «Подтверждение льгот»). The sibling right
 * (преимущественное право, 273-ФЗ ст. 67 ч. 3.1) counts at the sibling's kindergarten only, so it is a
 * per-kindergarten override, never part of the base priority.
 */

export interface PriorityBenefit {
  class: 'extraordinary' | 'first' | 'sibling';
  status: 'claimed' | 'verified' | 'rejected' | 'expired';
  /** 'YYYY-MM-DD' or null for no end. */
  validUntil: string | null;
  siblingKindergartenId: number | null;
}

export interface PriorityApplication {
  registeredAt: Date | string;
  /** The registration serial: the last tie-break, unique per application. */
  serial: number;
  benefits: readonly PriorityBenefit[];
}

export interface QueueOrderConfig {
  /** Classes best first; configuration of the municipality. Default: the federal order. */
  classOrder: readonly QueueClass[];
}

export const DEFAULT_CLASS_ORDER: readonly QueueClass[] = ['extraordinary', 'first', 'sibling', 'general'];
export const DEFAULT_QUEUE_ORDER: QueueOrderConfig = { classOrder: DEFAULT_CLASS_ORDER };

export function classRank(cls: QueueClass, config: QueueOrderConfig = DEFAULT_QUEUE_ORDER): number {
  const rank = config.classOrder.indexOf(cls);
  return rank < 0 ? config.classOrder.length : rank;
}

/** Whether a benefit counts on `day` ('YYYY-MM-DD'): verified and not past its end date. */
export function benefitCounts(b: PriorityBenefit, day: string): boolean {
  return b.status === 'verified' && (b.validUntil === null || b.validUntil >= day);
}

/** The child's class in the municipality queue (no sibling right there). */
export function baseClass(
  app: PriorityApplication,
  day: string,
  config: QueueOrderConfig = DEFAULT_QUEUE_ORDER,
): QueueClass {
  let best: QueueClass = 'general';
  for (const b of app.benefits) {
    if (b.class === 'sibling' || !benefitCounts(b, day)) continue;
    if (classRank(b.class, config) < classRank(best, config)) best = b.class;
  }
  return best;
}

/** The child's class in one kindergarten's queue: the sibling right applies there only. */
export function classAtKindergarten(
  app: PriorityApplication,
  kindergartenId: number,
  day: string,
  config: QueueOrderConfig = DEFAULT_QUEUE_ORDER,
): QueueClass {
  const base = baseClass(app, day, config);
  const sibling = app.benefits.some(
    (b) => b.class === 'sibling' && b.siblingKindergartenId === kindergartenId && benefitCounts(b, day),
  );
  return sibling && classRank('sibling', config) < classRank(base, config) ? 'sibling' : base;
}

export function epochSeconds(moment: Date | string): number {
  return Math.floor((typeof moment === 'string' ? Date.parse(moment) : moment.getTime()) / 1000);
}

export function priorityFor(
  app: PriorityApplication,
  cls: QueueClass,
  config: QueueOrderConfig = DEFAULT_QUEUE_ORDER,
): [number, number, number] {
  return [classRank(cls, config), epochSeconds(app.registeredAt), app.serial];
}

/** The base priority array and the per-kindergarten overrides (sibling right) of one application. */
export function priorityWithOverrides(
  app: PriorityApplication,
  day: string,
  config: QueueOrderConfig = DEFAULT_QUEUE_ORDER,
): { priority: [number, number, number]; byKindergarten: Map<number, [number, number, number]> } {
  const base = baseClass(app, day, config);
  const byKindergarten = new Map<number, [number, number, number]>();
  for (const b of app.benefits) {
    if (b.class !== 'sibling' || b.siblingKindergartenId === null || !benefitCounts(b, day)) continue;
    const cls = classAtKindergarten(app, b.siblingKindergartenId, day, config);
    if (cls !== base) byKindergarten.set(b.siblingKindergartenId, priorityFor(app, cls, config));
  }
  return { priority: priorityFor(app, base, config), byKindergarten };
}

/** Lexicographic comparison of priority arrays, smaller first. */
export function comparePriority(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}
