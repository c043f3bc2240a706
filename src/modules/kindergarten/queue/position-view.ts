import type { QueuePosition } from '../../../contracts/kindergarten-queue.js';
import type { QueuePositionTable } from './queue-tables.js';

/** A stored position row with its queue's length and kindergarten name (kindergarten 0: the municipality queue). */
export type StoredPositionRow = Omit<QueuePositionTable, 'application_id' | 'municipality_id'> & {
  total: number;
  name_ru: string | null;
};

/** A stored position as the citizen's page and the public lookup show it. */
export function positionView(r: StoredPositionRow): Omit<QueuePosition, 'kindergartenNameEn'> {
  const municipal = r.kindergarten_id === 0;
  return {
    kindergartenId: municipal ? null : r.kindergarten_id,
    kindergartenNameRu: municipal ? null : r.name_ru,
    ageGroup: r.age_group,
    position: r.position,
    total: r.total,
    queueClass: r.queue_class,
    ahead: {
      extraordinary: r.ahead_extraordinary,
      first: r.ahead_first,
      sibling: r.ahead_sibling,
      general: r.ahead_general,
    },
  };
}
