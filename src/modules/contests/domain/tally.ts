import { isAnnulment, type LogLine } from './vote-log.js';

/** The results of the spec: every ballot practice in `totals` (zeros too), non-zero `by_region`. */
export interface Total {
  nomination: string;
  practice: string;
  votes: number;
}
export interface RegionTotal extends Total {
  voter_region: string;
}
export interface Ballot {
  nomination: string;
  practice: string;
}

/** Counts the log, leaving out annulled votes; output order is stable (nomination, practice, region). */
export function tally(ballot: Ballot[], lines: LogLine[]): { totals: Total[]; by_region: RegionTotal[] } {
  const annulled = new Set<number>();
  for (const l of lines) if (isAnnulment(l)) annulled.add(l.annuls);
  const totals = new Map<string, Total>();
  for (const b of ballot) totals.set(`${b.nomination}\u0000${b.practice}`, { ...b, votes: 0 });
  const regions = new Map<string, RegionTotal>();
  for (const l of lines) {
    if (isAnnulment(l) || annulled.has(l.seq)) continue;
    const key = `${l.nomination}\u0000${l.practice}`;
    const t = totals.get(key) ?? { nomination: l.nomination, practice: l.practice, votes: 0 };
    t.votes += 1;
    totals.set(key, t);
    const rkey = `${key}\u0000${l.voter_region}`;
    const r = regions.get(rkey) ?? {
      nomination: l.nomination,
      practice: l.practice,
      voter_region: l.voter_region,
      votes: 0,
    };
    r.votes += 1;
    regions.set(rkey, r);
  }
  const byKey = (a: RegionTotal | Total, b: RegionTotal | Total): number =>
    a.nomination.localeCompare(b.nomination) ||
    a.practice.localeCompare(b.practice) ||
    ('voter_region' in a && 'voter_region' in b ? a.voter_region.localeCompare(b.voter_region) : 0);
  return { totals: [...totals.values()].sort(byKey), by_region: [...regions.values()].sort(byKey) };
}
