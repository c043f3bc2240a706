import type { QueueClass } from '../../../contracts/kindergarten-queue.js';
import { DEFAULT_CLASS_ORDER, classRank } from '../queue/queue-priority.js';
import { halfYearBand } from './age-bands.js';
import {
  DIRECTED_STATUSES,
  QUEUE_STATUSES,
  type BandCount,
  type ClassCount,
  type ExitCount,
  type GroupPlaces,
  type IndicatorCounts,
  type PlacementCount,
  type WaitCount,
} from './indicator-counts.js';
import { DEFAULT_UTC_OFFSET_MINUTES, dayNumber, endOfDay, localDay } from './report-day.js';

/**
 * The reference reconstruction of the indicators' counts on any past day from the event history,
 * in plain TypeScript. It states the rules once, readably; queries.ts implements the same rules in
 * SQL for speed, and the medium test checks that both give the hand-computed answers.
 */
export interface StatusEvent {
  id: number;
  at: number;
  from: string | null;
  to: string;
  kindergartenId?: number | null;
  groupId?: number | null;
  waveId?: string | null;
}

export interface ApplicationHistory {
  id: string;
  municipalityId: number;
  childId: string;
  birthDate: string;
  registeredAt: number;
  /** The desired date today; earlier values come from the desired-date changes. */
  desiredDate: string;
  statusEvents: StatusEvent[];
  desiredDateChanges: { at: number; from: string; to: string }[];
  benefits: {
    class: 'extraordinary' | 'first' | 'sibling';
    status: 'claimed' | 'verified' | 'rejected' | 'expired';
    decidedAt: number | null;
    validUntil: string | null;
  }[];
  choices: { rank: number; kindergartenId: number }[];
}

export interface EnrollmentRecord {
  childId: string;
  birthDate: string;
  groupId: number;
  enrolledOn: string;
  leftOn: string | null;
}

export interface GroupRecord {
  groupId: number;
  kindergartenId: number;
  municipalityId: number;
  capacities: { validFrom: number; capacity: number }[];
}

export interface RegionHistory {
  applications: ApplicationHistory[];
  enrollments: EnrollmentRecord[];
  groups: GroupRecord[];
}

export function attendsOn(e: EnrollmentRecord, day: string): boolean {
  return e.enrolledOn <= day && (e.leftOn === null || e.leftOn > day);
}

/** The last status transition by the instant, ties broken by event id. */
export function statusAt(app: ApplicationHistory, cutoff: number): StatusEvent | null {
  let last: StatusEvent | null = null;
  for (const e of app.statusEvents) {
    if (e.at >= cutoff) continue;
    if (!last || e.at > last.at || (e.at === last.at && e.id > last.id)) last = e;
  }
  return last;
}

/** The desired date in force at the instant: the `from` of the first later change, else today's. */
export function desiredDateAt(app: ApplicationHistory, cutoff: number): string {
  let first: { at: number; from: string } | null = null;
  for (const c of app.desiredDateChanges) if (c.at >= cutoff && (!first || c.at < first.at)) first = c;
  return first ? first.from : app.desiredDate;
}

/** Best class among benefits verified by the instant and valid on the day (expired ones were verified). */
export function queueClassAt(app: ApplicationHistory, cutoff: number, day: string): QueueClass {
  let best: QueueClass = 'general';
  for (const b of app.benefits) {
    const verified = (b.status === 'verified' || b.status === 'expired') && b.decidedAt !== null;
    if (!verified || b.decidedAt! >= cutoff) continue;
    if (b.validUntil !== null && b.validUntil < day) continue;
    if (classRank(b.class, { classOrder: DEFAULT_CLASS_ORDER }) < classRank(best)) best = b.class;
  }
  return best;
}

/** The latest direction by the instant: the group a 'contract' status still holds. */
function lastDirection(app: ApplicationHistory, cutoff: number): StatusEvent | null {
  let last: StatusEvent | null = null;
  for (const e of app.statusEvents)
    if (e.to === 'directed' && e.at < cutoff && (!last || e.at > last.at)) last = e;
  return last;
}

function bump<T>(map: Map<string, T>, key: string, make: () => T, add: (row: T) => void): void {
  let row = map.get(key);
  if (!row) map.set(key, (row = make()));
  add(row);
}

export function reconstructCounts(
  history: RegionHistory,
  day: string,
  periodFrom: string,
  offsetMinutes = DEFAULT_UTC_OFFSET_MINUTES,
): IndicatorCounts {
  const cutoff = endOfDay(day, offsetMinutes);
  const periodStart = endOfDay(periodFrom, offsetMinutes) - 86_400_000;
  const groupById = new Map(history.groups.map((g) => [g.groupId, g]));
  const bands = new Map<string, BandCount>();
  const classes = new Map<string, ClassCount>();
  const places = new Map<number, GroupPlaces>();
  for (const g of history.groups) {
    let capacity = 0;
    let from = -Infinity;
    for (const c of g.capacities)
      if (c.validFrom < cutoff && c.validFrom > from) [capacity, from] = [c.capacity, c.validFrom];
    places.set(g.groupId, {
      municipalityId: g.municipalityId,
      kindergartenId: g.kindergartenId,
      groupId: g.groupId,
      capacity,
      enrolled: 0,
      directed: 0,
    });
  }
  const bandRow = (m: number, b: number): BandCount => {
    let row = bands.get(`${m}:${b}`);
    if (!row)
      bands.set(
        `${m}:${b}`,
        (row = { municipalityId: m, band: b, actual: 0, deferred: 0, directed: 0, enrolled: 0 }),
      );
    return row;
  };

  const attending = new Set<string>();
  for (const e of history.enrollments) {
    if (!attendsOn(e, day)) continue;
    attending.add(e.childId);
    const g = groupById.get(e.groupId)!;
    places.get(e.groupId)!.enrolled++;
    const b = halfYearBand(e.birthDate, day);
    if (b !== null) bandRow(g.municipalityId, b).enrolled++;
  }

  const waits = new Map<string, WaitCount>();
  const placements = new Map<string, PlacementCount>();
  const exits = new Map<number, ExitCount>();
  const exitRow = (m: number) => {
    let row = exits.get(m);
    if (!row) exits.set(m, (row = { municipalityId: m, offersRefused: 0, serviceRefusals: 0, noShows: 0 }));
    return row;
  };
  for (const app of history.applications) {
    const m = app.municipalityId;
    // Flows in the period.
    const directions = app.statusEvents
      .filter((e) => e.to === 'directed')
      .sort((a, b) => a.at - b.at || a.id - b.id);
    for (const e of app.statusEvents) {
      if (e.at < periodStart || e.at >= cutoff) continue;
      if (e.to === 'directed') {
        const wave = e.waveId ?? localDay(e.at, offsetMinutes).slice(0, 7);
        const rank = app.choices.find((c) => c.kindergartenId === e.kindergartenId)?.rank ?? null;
        bump(
          placements,
          `${m}:${wave}:${rank}`,
          () => ({ municipalityId: m, wave, rank, count: 0 }),
          (r) => r.count++,
        );
        if (e === directions[0]) {
          const days =
            dayNumber(localDay(e.at, offsetMinutes)) - dayNumber(localDay(app.registeredAt, offsetMinutes));
          bump(
            waits,
            `${m}:${days}`,
            () => ({ municipalityId: m, days, count: 0 }),
            (r) => r.count++,
          );
        }
      } else if (e.from !== null && (DIRECTED_STATUSES as readonly string[]).includes(e.from)) {
        if (e.to === 'no_show') exitRow(m).noShows++;
        else if (e.to === 'refused' || (QUEUE_STATUSES as readonly string[]).includes(e.to))
          exitRow(m).offersRefused++;
      } else if (e.to === 'refused') exitRow(m).serviceRefusals++;
    }
    // Stocks on the day.
    if (app.registeredAt >= cutoff || attending.has(app.childId)) continue;
    const status = statusAt(app, cutoff);
    if (!status) continue;
    const b = halfYearBand(app.birthDate, day);
    if (b === null) continue;
    if ((DIRECTED_STATUSES as readonly string[]).includes(status.to)) {
      bandRow(m, b).directed++;
      const held = status.groupId ?? lastDirection(app, cutoff)?.groupId;
      if (held != null && places.has(held)) places.get(held)!.directed++;
    } else if ((QUEUE_STATUSES as readonly string[]).includes(status.to)) {
      const row = bandRow(m, b);
      if (desiredDateAt(app, cutoff) <= day) row.actual++;
      else row.deferred++;
      const queueClass = queueClassAt(app, cutoff, day);
      bump(
        classes,
        `${m}:${b}:${queueClass}`,
        () => ({ municipalityId: m, band: b, queueClass, count: 0 }),
        (r) => r.count++,
      );
    }
  }
  return {
    day,
    periodFrom,
    bands: [...bands.values()],
    classes: [...classes.values()],
    groups: [...places.values()],
    waits: [...waits.values()],
    placements: [...placements.values()],
    exits: [...exits.values()],
  };
}
