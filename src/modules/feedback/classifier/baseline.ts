// The simple baselines the benchmark measures beside the model, trained on the same split:
// the majority label, and multinomial naive Bayes (Laplace smoothing) over any feature set —
// over plain words it is the classic unigram baseline.

import { extractFeatures } from './features.js';
import type { FeatureSet } from './features.js';
import type { Suggestion, TrainingExample } from './model.js';

export interface TextClassifier {
  classify(text: string, top?: number): Suggestion[];
}

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function trainMajority(examples: readonly TrainingExample[]): TextClassifier {
  const counts = new Map<string, number>();
  for (const e of examples) counts.set(e.label, (counts.get(e.label) ?? 0) + 1);
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]));
  const suggestions = ranked.map(([label, n]) => ({ label, score: n / examples.length }));
  return { classify: (_text, top = 3) => suggestions.slice(0, top) };
}

export function trainNaiveBayes(
  examples: readonly TrainingExample[],
  set: FeatureSet,
  alpha = 1,
): TextClassifier {
  const labels = [...new Set(examples.map((e) => e.label))].sort(compareStrings);
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const termCounts = new Map<string, Float64Array>();
  const totals = new Float64Array(labels.length);
  const docs = new Float64Array(labels.length);
  for (const e of examples) {
    const c = labelIndex.get(e.label)!;
    docs[c]! += 1;
    for (const [term, n] of extractFeatures(e.text, set)) {
      let row = termCounts.get(term);
      if (row === undefined) termCounts.set(term, (row = new Float64Array(labels.length)));
      row[c]! += n;
      totals[c]! += n;
    }
  }
  const vocabularySize = termCounts.size;
  const prior = Array.from(docs, (d) => Math.log(d / examples.length));
  const denominators = Array.from(totals, (t) => Math.log(t + alpha * vocabularySize));
  return {
    classify(text, top = 3) {
      const z = [...prior];
      for (const [term, n] of extractFeatures(text, set)) {
        const row = termCounts.get(term);
        if (row === undefined) continue; // unseen in training: the same factor for every label
        for (let c = 0; c < labels.length; c++) z[c]! += n * (Math.log(row[c]! + alpha) - denominators[c]!);
      }
      const max = Math.max(...z);
      const p = z.map((v) => Math.exp(v - max));
      const sum = p.reduce((a, b) => a + b, 0);
      return labels
        .map((label, c) => ({ label, score: p[c]! / sum }))
        .sort((a, b) => b.score - a.score || compareStrings(a.label, b.label))
        .slice(0, top);
    },
  };
}
