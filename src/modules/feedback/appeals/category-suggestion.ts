import { classify, loadShippedModel, type Classifier } from '../classifier/index.js';

/** The operator's top-3 category suggestion from the classifier (src/modules/feedback/classifier/). */
export interface CategorySuggestion {
  categoryCode: string;
  score: number;
}

export type SuggestCategories = (text: string) => CategorySuggestion[];

/** Suggestions of one model: the shipped one by default, a region's own trained one when given. */
export function categorySuggester(model: Classifier = loadShippedModel()): SuggestCategories {
  return (text) => classify(model, text).map((s) => ({ categoryCode: s.label, score: s.score }));
}
