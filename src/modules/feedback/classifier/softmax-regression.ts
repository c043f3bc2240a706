// Multinomial logistic regression trained by stochastic gradient descent with L2 regularisation
// (Bottou's SGD: the decay is a running scale factor, so each step touches only the features the
// text has). Deterministic: a fixed seed orders the texts in each epoch, and all arithmetic is
// in one order. The softmax gives probabilities that sum to 1 over the trained labels.

import type { SparseVector } from './vectoriser.js';

export interface SoftmaxOptions {
  readonly epochs: number;
  /** L2 penalty per text. */
  readonly lambda: number;
  readonly learningRate: number;
  readonly seed: number;
}

export interface SoftmaxWeights {
  /** Feature-major: weights[feature * classes + class]. */
  readonly weights: Float64Array;
  readonly bias: Float64Array;
}

/** mulberry32: a small seeded generator, enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c]! - max);
    sum += z[c]!;
  }
  for (let c = 0; c < z.length; c++) z[c] = z[c]! / sum;
}

export function trainSoftmax(
  vectors: readonly SparseVector[],
  targets: readonly number[],
  features: number,
  classes: number,
  options: SoftmaxOptions,
): SoftmaxWeights {
  const v = new Float64Array(features * classes);
  const bias = new Float64Array(classes);
  const z = new Float64Array(classes);
  let scale = 1;
  const order = vectors.map((_, i) => i);
  const random = seededRandom(options.seed);
  let t = 0;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const n of order) {
      const x = vectors[n]!;
      const eta = options.learningRate / (1 + options.learningRate * options.lambda * t++);
      for (let c = 0; c < classes; c++) z[c] = bias[c]!;
      for (let k = 0; k < x.indices.length; k++) {
        const row = x.indices[k]! * classes;
        const xv = x.values[k]! * scale;
        for (let c = 0; c < classes; c++) z[c] = z[c]! + xv * v[row + c]!;
      }
      softmaxInPlace(z);
      z[targets[n]!] = z[targets[n]!]! - 1; // now the gradient p - y
      scale *= 1 - eta * options.lambda;
      const step = eta / scale;
      for (let k = 0; k < x.indices.length; k++) {
        const row = x.indices[k]! * classes;
        const xv = x.values[k]! * step;
        for (let c = 0; c < classes; c++) v[row + c] = v[row + c]! - xv * z[c]!;
      }
      for (let c = 0; c < classes; c++) bias[c] = bias[c]! - eta * z[c]!;
      if (scale < 1e-6) {
        for (let k = 0; k < v.length; k++) v[k] = v[k]! * scale;
        scale = 1;
      }
    }
  }
  for (let k = 0; k < v.length; k++) v[k] = v[k]! * scale;
  return { weights: v, bias };
}
