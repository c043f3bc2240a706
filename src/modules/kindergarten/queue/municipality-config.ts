import { DEFAULT_MAX_PREFERENCES, type QueueClass } from '../../../contracts/kindergarten-queue.js';
import type { AgeRule } from './age-group.js';
import { DEFAULT_CLASS_ORDER, type QueueOrderConfig } from './queue-priority.js';

/**
 * The queue's local rules, read from municipality.config (jsonb) with the DOMAIN.md defaults. Pure:
 * unknown or malformed values fall back to the default rather than failing a citizen's request.
 */
export interface QueueConfig extends QueueOrderConfig {
  maxPreferences: number;
  ageRule: AgeRule;
  /** A municipality-queue move of at least this many places notifies the parent. */
  positionNotifyThreshold: number;
  /** Changing the preferred kindergartens keeps the registration moment (the federal default). */
  keepRegistrationOnChoiceChange: boolean;
  /** Oldest age (full years on the reference day) at registration: 7 (school age at 8 removes). */
  maxAgeYears: number;
}

export const DEFAULT_QUEUE_CONFIG: QueueConfig = {
  classOrder: DEFAULT_CLASS_ORDER,
  maxPreferences: DEFAULT_MAX_PREFERENCES,
  ageRule: 'september_first',
  positionNotifyThreshold: 10,
  keepRegistrationOnChoiceChange: true,
  maxAgeYears: 7,
};

const CLASSES: readonly QueueClass[] = ['extraordinary', 'first', 'sibling', 'general'];

export function queueConfigOf(raw: Record<string, unknown> | null | undefined): QueueConfig {
  const c = raw ?? {};
  const int = (v: unknown, lo: number, hi: number, d: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi ? v : d;
  const order = Array.isArray(c.classOrder) ? (c.classOrder as unknown[]) : null;
  const classOrder =
    order && order.length === CLASSES.length && CLASSES.every((k) => order.includes(k))
      ? (order as QueueClass[])
      : DEFAULT_CLASS_ORDER;
  return {
    classOrder,
    maxPreferences: int(c.maxPreferences, 1, 10, DEFAULT_QUEUE_CONFIG.maxPreferences),
    ageRule: c.ageRule === 'desired_date' ? 'desired_date' : 'september_first',
    positionNotifyThreshold: int(
      c.positionNotifyThreshold,
      1,
      10_000,
      DEFAULT_QUEUE_CONFIG.positionNotifyThreshold,
    ),
    keepRegistrationOnChoiceChange: c.keepRegistrationOnChoiceChange !== false,
    maxAgeYears: DEFAULT_QUEUE_CONFIG.maxAgeYears,
  };
}
