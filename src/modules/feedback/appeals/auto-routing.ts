import { CATEGORIES } from '../categories/category-tree.js';
import type { CategorySuggestion } from './category-suggestion.js';

export interface AutoRoutingDecision {
  /** The classifier's top-1, recorded when it names a known category other than the citizen's. */
  suggestion: CategorySuggestion | null;
  /** The category whose routing rules route the appeal instead of the citizen's; null: the citizen's. */
  routeBy: string | null;
}

/**
 * Automatic routing above a configured confidence (issue 15): when the classifier's top-1 differs
 * from the category the citizen chose, it is recorded with its score; only at or above `threshold`
 * does the suggested category's routing decide who gets the appeal. Below it the citizen's category
 * routes as usual and the operator sees the suggestion. The citizen's category itself never changes.
 */
export function autoRoutingDecision(
  citizenCategory: string,
  top: CategorySuggestion | undefined,
  threshold: number,
  known: (code: string) => boolean = (code) => CATEGORIES.leaf(code) !== undefined,
): AutoRoutingDecision {
  if (!top || top.categoryCode === citizenCategory || !known(top.categoryCode))
    return { suggestion: null, routeBy: null };
  if (!Number.isFinite(top.score) || top.score < 0 || top.score > 1)
    return { suggestion: null, routeBy: null };
  return { suggestion: top, routeBy: top.score >= threshold ? top.categoryCode : null };
}
