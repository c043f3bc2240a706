import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The operator's top-3 category suggestion. The classifier (src/modules/feedback/classifier/, built
 * beside this module) ships `model.json` and a `classify` function; this file only loads them when
 * both are there, so appeals work (and say «no suggestion») before a model is installed.
 */
export interface CategorySuggestion {
  categoryCode: string;
  score: number;
}

export type SuggestCategories = (text: string) => CategorySuggestion[];

type ClassifyModule = Record<string, unknown>;

const CLASSIFIER_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../classifier');

/** Reads whatever shape the classifier returns: `{ labels, scores }` or a list of `{ label, score }`. */
function toSuggestions(result: unknown): CategorySuggestion[] {
  if (result && typeof result === 'object' && 'labels' in result && 'scores' in result) {
    const r = result as { labels: string[]; scores: number[] };
    return r.labels.slice(0, 3).map((categoryCode, i) => ({ categoryCode, score: r.scores[i] ?? 0 }));
  }
  if (Array.isArray(result))
    return result.slice(0, 3).map((x: { label?: string; categoryCode?: string; score?: number }) => ({
      categoryCode: String(x.label ?? x.categoryCode),
      score: Number(x.score ?? 0),
    }));
  return [];
}

/**
 * Loads the classifier's public face (`index.ts`: `loadShippedModel()` or `parseModelText` +
 * `loadClassifier`, and `classify(model, text)` → `[{ label, score }]`) and its shipped model once.
 * Null when either is missing or the model does not load: the operator's page then says so.
 */
export async function loadCategorySuggester(dir = CLASSIFIER_DIR): Promise<SuggestCategories | null> {
  let modelText: string;
  try {
    modelText = await fs.readFile(path.join(dir, 'model.json'), 'utf8');
  } catch {
    return null;
  }
  let mod: ClassifyModule;
  try {
    // A computed specifier: the classifier's folder may not exist in this build.
    const candidates = ['index.ts', 'index.js'].map((f) => path.join(dir, f));
    const found = await Promise.any(candidates.map(async (f) => (await fs.access(f), f)));
    mod = (await import(found)) as ClassifyModule;
  } catch {
    return null;
  }
  try {
    const { classify, loadShippedModel, parseModelText, loadClassifier } = mod as Record<
      string,
      (...a: unknown[]) => unknown
    >;
    if (typeof classify !== 'function') return null;
    const model =
      typeof parseModelText === 'function' && typeof loadClassifier === 'function'
        ? loadClassifier(parseModelText(modelText))
        : typeof loadShippedModel === 'function'
          ? loadShippedModel()
          : null;
    if (model === null) return null;
    return (text) => toSuggestions(classify(model, text));
  } catch {
    return null;
  }
}
