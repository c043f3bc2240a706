// The model file (docs/feedback-classifier.md «Model file»): one self-contained JSON document with
// the feature kinds, the vocabulary with its idf, and a weight row per feature. Numbers are
// rounded to fixed decimals so that the same training input gives the same file byte for byte,
// and what `classify` computes from the file is exactly what was written.

import { z } from 'zod';
import { extractFeatures } from './features.js';
import type { FeatureSet } from './features.js';
import { softmaxInPlace, trainSoftmax } from './softmax-regression.js';
import type { SoftmaxOptions } from './softmax-regression.js';
import { buildVocabulary, makeVocabulary, smoothedIdf, vectorise } from './vectoriser.js';
import type { Vocabulary, VocabularyOptions } from './vectoriser.js';

export const MODEL_FORMAT = 'open-region/appeal-classifier';

const featureSetSchema = z.object({
  stems: z.boolean(),
  stemBigrams: z.boolean(),
  words: z.boolean(),
  charNgrams: z
    .object({ from: z.number().int().min(1).max(10), to: z.number().int().min(1).max(10) })
    .refine((r) => r.from <= r.to, 'from ≤ to')
    .nullable(),
});

export const modelFileSchema = z
  .object({
    format: z.literal(MODEL_FORMAT),
    version: z.literal(1),
    method: z.literal('multinomial-logistic-regression'),
    features: featureSetSchema,
    training: z.object({
      texts: z.number().int().nonnegative(),
      minDocumentFrequency: z.number().int().positive(),
      maxFeatures: z.number().int().positive(),
      epochs: z.number().int().positive(),
      lambda: z.number().positive(),
      learningRate: z.number().positive(),
      seed: z.number().int(),
      calibrate: z.boolean(),
    }),
    /** Softmax temperature fitted on a held-back fifth of the training texts (1 = uncalibrated). */
    temperature: z.number().positive(),
    labels: z.array(z.string()).min(1),
    vocabulary: z.array(z.string()),
    idf: z.array(z.number()),
    bias: z.array(z.number()),
    /** One row per vocabulary entry, one weight per label. */
    weights: z.array(z.array(z.number())),
  })
  .superRefine((m, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (new Set(m.labels).size !== m.labels.length) issue('labels must be unique');
    if (m.idf.length !== m.vocabulary.length) issue('idf must have one number per vocabulary entry');
    if (m.weights.length !== m.vocabulary.length) issue('weights must have one row per vocabulary entry');
    if (m.bias.length !== m.labels.length) issue('bias must have one number per label');
    if (m.weights.some((row) => row.length !== m.labels.length))
      issue('each weight row needs one number per label');
  });

export type ModelFile = z.infer<typeof modelFileSchema>;

export interface TrainingExample {
  readonly text: string;
  readonly label: string;
}

export interface TrainingOptions extends VocabularyOptions, SoftmaxOptions {
  readonly features: FeatureSet;
  /** Fit a softmax temperature on a held-back fifth (temperature scaling), then train on all. */
  readonly calibrate: boolean;
}

/** The configuration the shipped model uses, chosen in bench/feedback-classifier (bench/README.md). */
export const DEFAULT_TRAINING: TrainingOptions = {
  features: { stems: true, stemBigrams: false, words: false, charNgrams: null },
  minDocumentFrequency: 1,
  maxFeatures: 50_000,
  epochs: 12,
  lambda: 1e-4,
  learningRate: 0.5,
  seed: 20261204,
  calibrate: true,
};

/** Below this many texts a held-back fifth is too small to fit a temperature on. */
const MIN_TEXTS_TO_CALIBRATE = 100;

const round = (x: number, decimals: number) => {
  const r = Number(x.toFixed(decimals));
  return r === 0 ? 0 : r; // no «-0» in the file
};

const compareStrings = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Fitted {
  readonly terms: string[];
  readonly idf: number[];
  readonly weights: number[][];
  readonly bias: number[];
}

function fit(
  examples: readonly TrainingExample[],
  labels: readonly string[],
  options: TrainingOptions,
): Fitted {
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const counts = examples.map((e) => extractFeatures(e.text, options.features));
  const { terms, documentFrequency } = buildVocabulary(counts, options);
  const idf = documentFrequency.map((df) => round(smoothedIdf(examples.length, df), 6));
  const vocabulary = makeVocabulary(terms, idf);
  const vectors = counts.map((c) => vectorise(c, vocabulary));
  const targets = examples.map((e) => labelIndex.get(e.label)!);
  const { weights, bias } = trainSoftmax(vectors, targets, terms.length, labels.length, options);
  const rows: number[][] = [];
  for (let f = 0; f < terms.length; f++) {
    const row: number[] = [];
    for (let c = 0; c < labels.length; c++) row.push(round(weights[f * labels.length + c]!, 4));
    rows.push(row);
  }
  return { terms, idf, weights: rows, bias: Array.from(bias, (b) => round(b, 4)) };
}

/** The temperature that minimises the log loss of `fitted` on `heldBack` (golden-section search on ln T). */
function fitTemperature(
  fitted: Fitted,
  labels: readonly string[],
  features: FeatureSet,
  heldBack: readonly TrainingExample[],
): number {
  const classifier = classifierOf(labels, features, fitted, 1);
  const logits = heldBack.map((e) => scores(classifier, e.text));
  const targets = heldBack.map((e) => labels.indexOf(e.label));
  const loss = (logT: number) => {
    const t = Math.exp(logT);
    let sum = 0;
    logits.forEach((z, n) => {
      const p = Float64Array.from(z, (v) => v / t);
      softmaxInPlace(p);
      sum -= targets[n]! < 0 ? 0 : Math.log(Math.max(p[targets[n]!]!, 1e-12));
    });
    return sum;
  };
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(0.05);
  let b = Math.log(5);
  for (let i = 0; i < 40; i++) {
    const c = b - phi * (b - a);
    const d = a + phi * (b - a);
    if (loss(c) < loss(d)) b = d;
    else a = c;
  }
  return round(Math.exp((a + b) / 2), 4);
}

export function trainModel(
  examples: readonly TrainingExample[],
  options: TrainingOptions = DEFAULT_TRAINING,
): ModelFile {
  if (examples.length === 0) throw new Error('no training examples');
  const labels = [...new Set(examples.map((e) => e.label))].sort(compareStrings);
  let temperature = 1;
  if (options.calibrate && examples.length >= MIN_TEXTS_TO_CALIBRATE) {
    const fitPart = examples.filter((_, i) => i % 5 !== 4);
    const heldBack = examples.filter((_, i) => i % 5 === 4);
    temperature = fitTemperature(fit(fitPart, labels, options), labels, options.features, heldBack);
  }
  const fitted = fit(examples, labels, options);
  return {
    format: MODEL_FORMAT,
    version: 1,
    method: 'multinomial-logistic-regression',
    features: options.features,
    training: {
      texts: examples.length,
      minDocumentFrequency: options.minDocumentFrequency,
      maxFeatures: options.maxFeatures,
      epochs: options.epochs,
      lambda: options.lambda,
      learningRate: options.learningRate,
      seed: options.seed,
      calibrate: options.calibrate,
    },
    temperature,
    labels,
    vocabulary: fitted.terms,
    idf: fitted.idf,
    bias: fitted.bias,
    weights: fitted.weights,
  };
}

/** The file's text: one vocabulary entry and its row per line keeps diffs of a retrained model readable. */
export function serialiseModel(model: ModelFile): string {
  const { vocabulary, idf, weights, ...head } = model;
  const lines = vocabulary.map(
    (term, i) => `    [${JSON.stringify(term)}, ${JSON.stringify(idf[i])}, ${JSON.stringify(weights[i])}]`,
  );
  const headJson = JSON.stringify({ ...head, encoding: 'rows' }, null, 2).slice(0, -2);
  return `${headJson},\n  "rows": [\n${lines.join(',\n')}\n  ]\n}\n`;
}

/** Reads the text `serialiseModel` writes (rows of [term, idf, weights]) back into a model. */
export function parseModelText(text: string): ModelFile {
  const raw = JSON.parse(text) as Record<string, unknown>;
  if (raw.encoding !== 'rows' || !Array.isArray(raw.rows)) throw new Error('not a model file: no "rows"');
  const rows = raw.rows as unknown[];
  const { rows: _rows, encoding: _encoding, ...head } = raw;
  const column = (k: number) => rows.map((r) => (Array.isArray(r) ? r[k] : undefined));
  return modelFileSchema.parse({ ...head, vocabulary: column(0), idf: column(1), weights: column(2) });
}

/** A model ready to classify: vocabulary index and flat weights. */
export interface Classifier {
  readonly labels: readonly string[];
  readonly features: FeatureSet;
  readonly vocabulary: Vocabulary;
  readonly weights: Float64Array;
  readonly bias: Float64Array;
  readonly temperature: number;
}

function classifierOf(
  labels: readonly string[],
  features: FeatureSet,
  fitted: Pick<Fitted, 'terms' | 'idf' | 'weights' | 'bias'>,
  temperature: number,
): Classifier {
  const classes = labels.length;
  const weights = new Float64Array(fitted.terms.length * classes);
  fitted.weights.forEach((row, f) => row.forEach((w, c) => (weights[f * classes + c] = w)));
  return {
    labels,
    features,
    vocabulary: makeVocabulary(fitted.terms, fitted.idf),
    weights,
    bias: Float64Array.from(fitted.bias),
    temperature,
  };
}

export const loadClassifier = (model: ModelFile): Classifier =>
  classifierOf(model.labels, model.features, { ...model, terms: model.vocabulary }, model.temperature);

/** Raw linear scores (logits) of every label, before the temperature and the softmax. */
function scores(classifier: Classifier, text: string): Float64Array {
  const x = vectorise(extractFeatures(text, classifier.features), classifier.vocabulary);
  const classes = classifier.labels.length;
  const z = Float64Array.from(classifier.bias);
  for (let k = 0; k < x.indices.length; k++) {
    const row = x.indices[k]! * classes;
    const xv = x.values[k]!;
    for (let c = 0; c < classes; c++) z[c] = z[c]! + xv * classifier.weights[row + c]!;
  }
  return z;
}

/** Calibrated probabilities of every label, in the model's label order. */
export function probabilities(classifier: Classifier, text: string): Float64Array {
  const z = scores(classifier, text);
  for (let c = 0; c < z.length; c++) z[c] = z[c]! / classifier.temperature;
  softmaxInPlace(z);
  return z;
}

export interface Suggestion {
  readonly label: string;
  readonly score: number;
}

/** The `top` most likely labels, best first (ties by label order), scores in [0, 1] non-increasing. */
export function classify(classifier: Classifier, text: string, top = 3): Suggestion[] {
  const p = probabilities(classifier, text);
  const order = classifier.labels.map((_, i) => i).sort((a, b) => p[b]! - p[a]! || a - b);
  return order
    .slice(0, top)
    .map((i) => ({ label: classifier.labels[i]!, score: Math.min(1, Math.max(0, p[i]!)) }));
}
