// How a wave's totals add up: placed = directions + children kept in their current group, and why
// children stay unplaced while seats stay free. Pure, over the stored review of a run.

import type { StoredReview } from './draft-review.js';

export interface Reconciliation {
  keptCurrent: number;
  directions: number;
  unplacedByReason: { ageGroup: number; notChosen: number };
  seatsLeftByAge: { ageFrom: number; ageTo: number; seats: number }[];
}

/** The age band of a program id `code/ageFrom-ageTo/groupId` (see build-instance.programIdOf). */
export function ageBandOf(programId: string): { ageFrom: number; ageTo: number } | null {
  const m = /\/(\d+)-(\d+)\/\d+$/.exec(programId);
  return m ? { ageFrom: Number(m[1]), ageTo: Number(m[2]) } : null;
}

export function reconcile(review: StoredReview): Reconciliation {
  let keptCurrent = 0;
  let placed = 0;
  for (const c of review.children)
    if (c.assigned !== null) {
      placed++;
      if (c.keptCurrent) keptCurrent++;
    }
  const bands = new Map<string, { ageFrom: number; ageTo: number; seats: number }>();
  for (const p of review.programs) {
    const left = p.seats + p.held - p.admitted;
    const band = ageBandOf(p.programId);
    if (!band || left <= 0) continue;
    const key = `${band.ageFrom}-${band.ageTo}`;
    const entry = bands.get(key) ?? { ...band, seats: 0 };
    entry.seats += left;
    bands.set(key, entry);
  }
  const seatsLeftByAge = [...bands.values()].sort((a, b) => a.ageFrom - b.ageFrom || a.ageTo - b.ageTo);
  const unplacedByReason = { ageGroup: 0, notChosen: 0 };
  for (const c of review.children) {
    if (c.assigned !== null) continue;
    // The solver gives a child any free seat of a fitting group it chose, so a free seat of its age
    // means one it did not choose (or of another orientation or stay mode).
    const free = seatsLeftByAge.some((b) => b.ageFrom <= c.ageGroup && c.ageGroup < b.ageTo);
    if (free) unplacedByReason.notChosen++;
    else unplacedByReason.ageGroup++;
  }
  return { keptCurrent, directions: placed - keptCurrent, unplacedByReason, seatsLeftByAge };
}
