// Sparse TF-IDF vectors over a vocabulary fixed at training time: sublinear term frequency
// (1 + ln tf), smoothed idf, L2 norm — so that a long appeal and a short one weigh alike.

import { extractFeatures } from './features.js';
import type { FeatureSet } from './features.js';

export interface SparseVector {
  readonly indices: Int32Array;
  readonly values: Float64Array;
}

export interface Vocabulary {
  readonly terms: readonly string[];
  readonly index: ReadonlyMap<string, number>;
  readonly idf: Float64Array;
}

export interface VocabularyOptions {
  /** A feature seen in fewer training texts than this is dropped (noise, typos, names). */
  readonly minDocumentFrequency: number;
  /** At most this many features, the most frequent kept (ties by the feature string). */
  readonly maxFeatures: number;
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function buildVocabulary(
  documents: readonly Map<string, number>[],
  options: VocabularyOptions,
): { terms: string[]; documentFrequency: number[] } {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of doc.keys()) df.set(term, (df.get(term) ?? 0) + 1);
  let kept = [...df.entries()].filter(([, n]) => n >= options.minDocumentFrequency);
  if (kept.length > options.maxFeatures) {
    kept.sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
    kept = kept.slice(0, options.maxFeatures);
  }
  kept.sort((a, b) => compareStrings(a[0], b[0]));
  return { terms: kept.map(([t]) => t), documentFrequency: kept.map(([, n]) => n) };
}

export const smoothedIdf = (documents: number, df: number) => Math.log((1 + documents) / (1 + df)) + 1;

export function makeVocabulary(terms: readonly string[], idf: ArrayLike<number>): Vocabulary {
  const index = new Map<string, number>();
  terms.forEach((t, i) => index.set(t, i));
  return { terms, index, idf: Float64Array.from(idf) };
}

export function vectorise(counts: ReadonlyMap<string, number>, vocabulary: Vocabulary): SparseVector {
  const pairs: [number, number][] = [];
  for (const [term, tf] of counts) {
    const i = vocabulary.index.get(term);
    if (i !== undefined) pairs.push([i, (1 + Math.log(tf)) * vocabulary.idf[i]!]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  let norm = 0;
  for (const [, v] of pairs) norm += v * v;
  norm = Math.sqrt(norm) || 1;
  return {
    indices: Int32Array.from(pairs, ([i]) => i),
    values: Float64Array.from(pairs, ([, v]) => v / norm),
  };
}

export const vectoriseText = (text: string, set: FeatureSet, vocabulary: Vocabulary) =>
  vectorise(extractFeatures(text, set), vocabulary);
