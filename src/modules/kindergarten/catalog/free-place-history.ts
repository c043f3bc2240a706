/**
 * Free places and demand of one kindergarten on past days, derived from history that is never
 * overwritten: capacity rows (kg_group_capacity.valid_from), enrollments (enrolled_on … left_on) and
 * applications (registered … left the queue). Pure; days are 'YYYY-MM-DD'.
 */
export interface CapacityRow {
  groupId: number;
  /** The first day the capacity applies ('YYYY-MM-DD'). */
  validFrom: string;
  capacity: number;
}
export interface EnrollmentSpan {
  groupId: number;
  enrolledOn: string;
  leftOn: string | null;
}
export interface QueueSpan {
  registeredOn: string;
  /** The day it left the queue (placed, refused, removed), null while waiting. */
  leftOn: string | null;
}
export interface HistoryPoint {
  date: string;
  capacity: number;
  enrolled: number;
  freePlaces: number;
  applicants: number;
}

/** Last day of each of the `months` months before `today`'s month, then `today`. */
export function historyDays(today: string, months: number): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const days: string[] = [];
  for (let i = months; i >= 1; i--) {
    // Day 0 of month (m - i + 1) is the last day of month (m - i).
    const d = new Date(Date.UTC(y, m - i, 0));
    days.push(d.toISOString().slice(0, 10));
  }
  days.push(today);
  return days;
}

function capacityOn(rows: readonly CapacityRow[], day: string): number {
  const latest = new Map<number, CapacityRow>();
  for (const r of rows) {
    if (r.validFrom > day) continue;
    const prev = latest.get(r.groupId);
    if (!prev || r.validFrom >= prev.validFrom) latest.set(r.groupId, r);
  }
  let sum = 0;
  for (const r of latest.values()) sum += r.capacity;
  return sum;
}

/** A child attends on `day` when enrolled on or before it and not yet left (left_on is the first day away). */
const attends = (e: EnrollmentSpan, day: string) =>
  e.enrolledOn <= day && (e.leftOn === null || e.leftOn > day);
const waits = (q: QueueSpan, day: string) => q.registeredOn <= day && (q.leftOn === null || q.leftOn > day);

/**
 * `opensOn`: for a kindergarten under construction or planned, the day it opens (null: unknown).
 * Its groups are declared in advance with their capacity, but no child can take a place before the
 * building opens: those days count no places, as its card does.
 */
export function freePlaceHistory(
  days: readonly string[],
  capacity: readonly CapacityRow[],
  enrollments: readonly EnrollmentSpan[],
  queue: readonly QueueSpan[],
  building?: { opensOn: string | null },
): HistoryPoint[] {
  return days.map((date) => {
    const open = !building || (building.opensOn !== null && building.opensOn <= date);
    const cap = open ? capacityOn(capacity, date) : 0;
    let enrolled = 0;
    for (const e of enrollments) if (attends(e, date)) enrolled++;
    let applicants = 0;
    for (const q of queue) if (waits(q, date)) applicants++;
    return { date, capacity: cap, enrolled, freePlaces: Math.max(0, cap - enrolled), applicants };
  });
}
