import type { Condition } from '../../../contracts/life-situation-definition.js';

/** What is known of a family: its children's full years (null when nobody is signed in). */
export interface FamilyFacts {
  childAges: readonly number[];
}

/** Three-valued: a condition on an unanswered question or unknown facts is neither true nor false. */
export type Truth = boolean | null;

export type Answers = Readonly<Record<string, string>>;

function childrenCount(facts: FamilyFacts, ageFrom = 0, ageTo = 19): number {
  return facts.childAges.filter((a) => a >= ageFrom && a < ageTo).length;
}

/**
 * Evaluates an «only if» condition with Kleene's logic, so the public page can show a step whose
 * condition depends on a question the visitor has not answered yet as «may apply».
 */
export function evaluate(condition: Condition, answers: Answers, facts: FamilyFacts | null): Truth {
  if ('answer' in condition) {
    const given = answers[condition.answer];
    return given === undefined ? null : given === condition.equals;
  }
  if ('fact' in condition) {
    if (!facts) return null;
    const n = childrenCount(facts, condition.ageFrom, condition.ageTo);
    return (
      (condition.atLeast === undefined || n >= condition.atLeast) &&
      (condition.atMost === undefined || n <= condition.atMost)
    );
  }
  if ('all' in condition) {
    const parts = condition.all.map((c) => evaluate(c, answers, facts));
    if (parts.includes(false)) return false;
    return parts.every((p) => p === true) ? true : null;
  }
  if ('any' in condition) {
    const parts = condition.any.map((c) => evaluate(c, answers, facts));
    if (parts.includes(true)) return true;
    return parts.every((p) => p === false) ? false : null;
  }
  const inner = evaluate(condition.not, answers, facts);
  return inner === null ? null : !inner;
}

/** The question ids a condition reads, with the value it compares each to. */
export function answersRead(condition: Condition): { question: string; value: string }[] {
  if ('answer' in condition) return [{ question: condition.answer, value: condition.equals }];
  if ('fact' in condition) return [];
  if ('all' in condition) return condition.all.flatMap(answersRead);
  if ('any' in condition) return condition.any.flatMap(answersRead);
  return answersRead(condition.not);
}
