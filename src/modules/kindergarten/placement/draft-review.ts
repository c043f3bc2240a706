// The facts a draft is reviewed by, computed once when a run finishes and stored with it: per program
// the cut-off (priority of the last admitted child) and per child the result, the rank of the choice it
// got and the explanation. Pure.

import type { BuiltInstance } from './build-instance.js';
import type { ChoiceOutcome } from './explain.js';
import { explainChild, type Explanation } from './explain.js';
import type { Assignments, Instance } from './solver/index.js';
import { programCutoffs } from './solver/index.js';

export interface StoredProgram {
  programId: string;
  groupId: number;
  kindergartenId: number;
  seats: number;
  held: number;
  admitted: number;
  applicants: number;
  cutoff: { priority: number[]; holdsCurrent: boolean } | null;
}

export interface StoredChild {
  childId: string;
  applicationId: string;
  ageGroup: number;
  priority: number[];
  assigned: string | null;
  choiceRank: number | null;
  keptCurrent: boolean;
  explanation: Explanation;
}

export interface StoredReview {
  programs: StoredProgram[];
  children: StoredChild[];
}

export function draftReview(
  built: BuiltInstance,
  instance: Instance,
  assignments: Assignments,
  kindergartenName: (id: number) => string,
): StoredReview {
  const cutoffs = programCutoffs(instance, assignments);
  const applicants = new Map<string, number>();
  for (const child of built.instance.children)
    for (const p of child.preferences) applicants.set(p, (applicants.get(p) ?? 0) + 1);
  const programById = new Map(built.programs.map((p) => [p.id, p]));
  const programs: StoredProgram[] = built.programs.map((p) => {
    const c = cutoffs.get(p.id)!;
    return {
      programId: p.id,
      groupId: p.groupId,
      kindergartenId: p.kindergartenId,
      seats: p.seats,
      held: p.held,
      admitted: c.admitted,
      applicants: applicants.get(p.id) ?? 0,
      cutoff: c.last ? { priority: [...c.last.priority], holdsCurrent: c.last.holdsCurrent } : null,
    };
  });

  const children: StoredChild[] = built.children.map((meta, i) => {
    const json = built.instance.children[i]!;
    const assigned = assignments[meta.childId] ?? null;
    const keptCurrent = assigned !== null && assigned === meta.current;
    const choiceRank = assigned === null ? null : (meta.rankOf[assigned] ?? null);
    // Kindergartens ranked before the result (all when unplaced): why each did not take the child.
    const limit = keptCurrent ? Infinity : (choiceRank ?? Infinity);
    const better = meta.choices
      .map((kindergartenId, k) => ({ kindergartenId, rank: k + 1 }))
      .filter((c) => c.rank < limit)
      .map(({ kindergartenId, rank }) => {
        const listed = json.preferences.filter((p) => meta.rankOf[p] === rank);
        let outcome: ChoiceOutcome = { kind: 'no_group' };
        if (listed.length > 0) {
          // The most lenient fitting group tells the child how far it was from a seat there.
          const cuts = listed.map((p) => cutoffs.get(p)!).filter((c) => c.capacity > 0);
          const full = cuts.filter((c) => c.last !== null);
          if (cuts.length === 0) outcome = { kind: 'no_seats' };
          else if (full.length > 0) {
            const worst = full.reduce((a, b) =>
              comparePriority(a.last!.priority, b.last!.priority) >= 0 ? a : b,
            );
            outcome = {
              kind: 'full',
              cut: { priority: worst.last!.priority, holdsCurrent: worst.last!.holdsCurrent },
            };
          } else outcome = { kind: 'no_seats' };
        }
        return { rank, name: kindergartenName(kindergartenId), outcome };
      });
    const placedKindergarten = assigned === null ? null : programById.get(assigned)!.kindergartenId;
    const explanation = explainChild({
      priority: json.priority,
      placedRank: choiceRank,
      placedName: placedKindergarten === null ? null : kindergartenName(placedKindergarten),
      keptCurrent,
      better,
    });
    return {
      childId: meta.childId,
      applicationId: meta.applicationId,
      ageGroup: meta.ageGroup,
      priority: [...json.priority],
      assigned,
      choiceRank,
      keptCurrent,
      explanation,
    };
  });
  return { programs, children };
}

function comparePriority(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}
