// The model the product ships (model.json beside this file), trained on the starter set's training
// part by `npm run feedback:model`; shipped-model.test.ts checks the committed file equals a fresh
// training, byte for byte.

import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadClassifier, parseModelText, serialiseModel, trainModel } from './model.js';
import type { Classifier } from './model.js';
import { generateStarterSet, splitStarterSet } from './starter-set/generator.js';

export const SHIPPED_MODEL_PATH = fileURLToPath(new URL('./model.json', import.meta.url));

let shipped: Classifier | undefined;

/** The shipped classifier, read once. Throws if model.json is missing or is not a model file. */
export function loadShippedModel(): Classifier {
  shipped ??= loadClassifier(parseModelText(readFileSync(SHIPPED_MODEL_PATH, 'utf8')));
  return shipped;
}

/** The text of the shipped model file, trained afresh from the starter set. */
export function trainShippedModelText(): string {
  const { train } = splitStarterSet(generateStarterSet());
  return serialiseModel(trainModel(train));
}

export function writeShippedModel(path = SHIPPED_MODEL_PATH): string {
  const text = trainShippedModelText();
  writeFileSync(path, text);
  return text;
}
