/**
 * Expert review (issue 18), pure: who may score a practice, whether every score is in, and the
 * weighted result. A practice of the expert's own region or organisation, or one they declared a
 * conflict of interest with, is not theirs to score.
 */
export interface ExpertFacts {
  userId: string;
  regionCode: string | null;
  organisationId: number | null;
}
export interface PracticeFacts {
  id: string;
  regionCode: string;
  organisationId: number | null;
}
export type Eligibility = 'open' | 'conflict' | 'own_region' | 'own_organisation';

export function eligibility(e: ExpertFacts, p: PracticeFacts, conflicts: ReadonlySet<string>): Eligibility {
  if (e.regionCode !== null && e.regionCode === p.regionCode) return 'own_region';
  if (e.organisationId !== null && e.organisationId === p.organisationId) return 'own_organisation';
  if (conflicts.has(`${p.id}\u0000${e.userId}`)) return 'conflict';
  return 'open';
}

export interface Criterion {
  code: string;
  weight: number;
  maxScore: number;
}

/** One expert's score on 0…100: the criteria's scores as shares of their maximum, weighted (weights sum to 100). */
export function expertWeighted(criteria: Criterion[], scores: ReadonlyMap<string, number>): number | null {
  let sum = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = scores.get(c.code);
    if (s === undefined) return null;
    sum += (c.weight * s) / c.maxScore;
    weights += c.weight;
  }
  return weights === 0 ? null : Math.round((sum / weights) * 100 * 100) / 100;
}

/** The practice's result: the mean of its eligible experts' weighted scores, once all of them are in. */
export function practiceResult(perExpert: (number | null)[]): {
  in: number;
  due: number;
  weighted: number | null;
} {
  const done = perExpert.filter((x): x is number => x !== null);
  const due = perExpert.length;
  const weighted =
    due > 0 && done.length === due ? Math.round((done.reduce((a, b) => a + b, 0) / due) * 100) / 100 : null;
  return { in: done.length, due, weighted };
}
