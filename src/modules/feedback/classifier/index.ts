// The classifier's public face for the feedback module: the shipped model, top-3 suggestions,
// the starter category codes, and training for a region's own history.

import { classify as classifyTop } from './model.js';
import type { Classifier, Suggestion } from './model.js';

export { STARTER_CATEGORIES, STARTER_CATEGORY_CODES } from './categories.js';
export type { StarterCategory, StarterCategoryCode } from './categories.js';
export { loadShippedModel, SHIPPED_MODEL_PATH } from './shipped-model.js';
export { loadClassifier, parseModelText, serialiseModel, trainModel, probabilities } from './model.js';
export type { Classifier, ModelFile, Suggestion, TrainingExample } from './model.js';
export { normaliseText } from './normalise.js';

/** The three most likely labels for `text`, best first, with calibrated probabilities in [0, 1]. */
export function classify(model: Classifier, text: string): Suggestion[] {
  return classifyTop(model, text, 3);
}
