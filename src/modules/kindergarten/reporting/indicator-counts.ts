import type { QueueClass } from '../../../contracts/kindergarten-queue.js';

/**
 * The additive counts every indicator is derived from, as of one day D (stocks) and one period
 * [from, D] (flows). The database computes them in SQL (queries.ts) and the pure reference
 * reconstruction computes them from event histories (reconstruct-history.ts); both must agree.
 */
export interface BandCount {
  municipalityId: number;
  band: number;
  /** Актуальный спрос: in the queue on D, desired date ≤ D, no place (neither attending nor directed). */
  actual: number;
  /** Отложенный спрос: in the queue on D, desired date after D, no place. */
  deferred: number;
  /** Holding a direction (направление) on D, not yet attending. */
  directed: number;
  /** Attending a kindergarten on D (an enrollment with enrolled_on ≤ D < left_on). */
  enrolled: number;
}

export interface ClassCount {
  municipalityId: number;
  band: number;
  queueClass: QueueClass;
  /** Children in the queue on D (актуальный + отложенный спрос) of this class. */
  count: number;
}

export interface GroupPlaces {
  municipalityId: number;
  kindergartenId: number;
  groupId: number;
  /** Capacity valid on D (the kg_group_capacity row with the latest valid_from by D). */
  capacity: number;
  enrolled: number;
  directed: number;
}

export interface WaitCount {
  municipalityId: number;
  /** Days from registration to the first direction (local calendar days). */
  days: number;
  count: number;
}

export interface PlacementCount {
  municipalityId: number;
  /** The wave's id when the direction names one, else its month 'YYYY-MM'. */
  wave: string;
  /** Rank of the kindergarten among the parent's choices; null = a kindergarten not chosen. */
  rank: number | null;
  count: number;
}

export interface ExitCount {
  municipalityId: number;
  /** A parent refused an offered place (направление → back in the queue, or → refused). */
  offersRefused: number;
  /** The authority refused the service (→ «Отказано в предоставлении услуги») without an offer. */
  serviceRefusals: number;
  /** Did not come by the end of the direction's validity (→ «Не явился»). */
  noShows: number;
}

export interface IndicatorCounts {
  day: string;
  periodFrom: string;
  bands: BandCount[];
  classes: ClassCount[];
  groups: GroupPlaces[];
  waits: WaitCount[];
  placements: PlacementCount[];
  exits: ExitCount[];
}

export const QUEUE_STATUSES = ['registered', 'benefit_check', 'change_requested'] as const;
export const DIRECTED_STATUSES = ['directed', 'contract'] as const;
