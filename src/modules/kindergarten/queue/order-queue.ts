import type { AheadByClass, QueueClass } from '../../../contracts/kindergarten-queue.js';
import {
  baseClass,
  classAtKindergarten,
  comparePriority,
  DEFAULT_QUEUE_ORDER,
  priorityFor,
  type PriorityApplication,
  type QueueOrderConfig,
} from './queue-priority.js';

/**
 * Applications + municipality configuration → the ordered queues of one municipality: one per age
 * group, and one per kindergarten × age group with the sibling right applied at the sibling's
 * kindergarten only. Pure and deterministic: ties fall to the registration moment, then the
 * registration serial (numbers are issued in serial order), so the same input gives the same order.
 */
export interface QueueApplication extends PriorityApplication {
  id: string;
  ageGroup: number;
  /** Preferred kindergartens, most wanted first. */
  kindergartenIds: readonly number[];
}

export interface QueueEntry {
  id: string;
  queueClass: QueueClass;
  priority: [number, number, number];
}

export interface OrderedQueues {
  /** Age group → the municipality queue, first place first. */
  municipality: Map<number, QueueEntry[]>;
  /** `${kindergartenId}:${ageGroup}` → that kindergarten's queue for the age group. */
  kindergarten: Map<string, QueueEntry[]>;
}

export const kindergartenQueueKey = (kindergartenId: number, ageGroup: number) =>
  `${kindergartenId}:${ageGroup}`;

const byPriority = (a: QueueEntry, b: QueueEntry) => comparePriority(a.priority, b.priority);

function push<K>(map: Map<K, QueueEntry[]>, key: K, entry: QueueEntry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}

export function orderQueues(
  apps: readonly QueueApplication[],
  day: string,
  config: QueueOrderConfig = DEFAULT_QUEUE_ORDER,
): OrderedQueues {
  const municipality = new Map<number, QueueEntry[]>();
  const kindergarten = new Map<string, QueueEntry[]>();
  for (const app of apps) {
    const base = baseClass(app, day, config);
    push(municipality, app.ageGroup, {
      id: app.id,
      queueClass: base,
      priority: priorityFor(app, base, config),
    });
    for (const kgId of new Set(app.kindergartenIds)) {
      const cls = classAtKindergarten(app, kgId, day, config);
      push(kindergarten, kindergartenQueueKey(kgId, app.ageGroup), {
        id: app.id,
        queueClass: cls,
        priority: priorityFor(app, cls, config),
      });
    }
  }
  for (const list of municipality.values()) list.sort(byPriority);
  for (const list of kindergarten.values()) list.sort(byPriority);
  return { municipality, kindergarten };
}

export interface PositionRow {
  applicationId: string;
  /** null: the municipality × age group queue. */
  kindergartenId: number | null;
  ageGroup: number;
  position: number;
  total: number;
  queueClass: QueueClass;
  ahead: AheadByClass;
}

const emptyAhead = (): AheadByClass => ({ extraordinary: 0, first: 0, sibling: 0, general: 0 });

/** Positions (1-based) with the counts ahead by class, walking each ordered queue once. */
function positionsOf(
  list: readonly QueueEntry[],
  kindergartenId: number | null,
  ageGroup: number,
): PositionRow[] {
  const ahead = emptyAhead();
  const rows: PositionRow[] = [];
  list.forEach((entry, i) => {
    rows.push({
      applicationId: entry.id,
      kindergartenId,
      ageGroup,
      position: i + 1,
      total: list.length,
      queueClass: entry.queueClass,
      ahead: { ...ahead },
    });
    ahead[entry.queueClass]++;
  });
  return rows;
}

/** Every position row of a municipality: one per application in its age-group queue, one per chosen kindergarten. */
export function allPositions(queues: OrderedQueues): PositionRow[] {
  const rows: PositionRow[] = [];
  for (const [ageGroup, list] of queues.municipality) rows.push(...positionsOf(list, null, ageGroup));
  for (const [key, list] of queues.kindergarten) {
    const [kg, age] = key.split(':').map(Number) as [number, number];
    rows.push(...positionsOf(list, kg, age));
  }
  return rows;
}
