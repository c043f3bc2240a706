// Appeal classifier benchmark (bench/feedback-classifier/README.md): for each feature set and each
// method, training time on 1,600 appeals, classification throughput, top-1/top-3 accuracy on the
// starter set's held-out split and on appeals written with phrasings the model never saw, against
// the majority and unigram naive Bayes baselines trained on the same split in the same run.
//
//   npm run --silent bench:feedback-classifier [-- --train 1600 --sets stems,char3-5]

import { trainMajority, trainNaiveBayes } from '../../src/modules/feedback/classifier/baseline.js';
import type { TextClassifier } from '../../src/modules/feedback/classifier/baseline.js';
import { FEATURE_SETS } from '../../src/modules/feedback/classifier/features.js';
import type { FeatureSetName } from '../../src/modules/feedback/classifier/features.js';
import {
  DEFAULT_TRAINING,
  classify,
  loadClassifier,
  serialiseModel,
  trainModel,
} from '../../src/modules/feedback/classifier/model.js';
import {
  generateStarterSet,
  splitStarterSet,
} from '../../src/modules/feedback/classifier/starter-set/generator.js';
import type { StarterAppeal } from '../../src/modules/feedback/classifier/starter-set/generator.js';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const trainSize = Number(option('--train', '1600'));
const setNames = option('--sets', Object.keys(FEATURE_SETS).join(',')).split(',') as FeatureSetName[];

// Split A: the starter set's own held-out fifth (same phrasings as training, new slots/noise).
const starter = splitStarterSet(generateStarterSet());
// Split B: train on two thirds of the phrasings, test on appeals built only from the other third.
const seen = splitStarterSet(generateStarterSet({ phrasing: 'seen' })).train;
const unseen = generateStarterSet({ phrasing: 'unseen', seed: 1015, size: 800 });

interface Accuracy {
  top1: number;
  top3: number;
  /** Expected calibration error of the top-1 score (10 equal-width bins). */
  ece: number;
}

function accuracy(model: TextClassifier, test: readonly StarterAppeal[]): Accuracy {
  let top1 = 0;
  let top3 = 0;
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, correct: 0 }));
  for (const a of test) {
    const s = model.classify(a.text, 3);
    const hit = s[0]!.label === a.label;
    if (hit) top1++;
    if (s.some((x) => x.label === a.label)) top3++;
    const bin = bins[Math.min(9, Math.floor(s[0]!.score * 10))]!;
    bin.n++;
    bin.confidence += s[0]!.score;
    bin.correct += hit ? 1 : 0;
  }
  const ece = bins.reduce((sum, b) => sum + Math.abs(b.confidence - b.correct) / test.length, 0);
  return { top1: top1 / test.length, top3: top3 / test.length, ece };
}

/** Texts per second over at least one second of warm classification. */
function throughput(model: TextClassifier, texts: readonly string[]): number {
  for (const t of texts.slice(0, 200)) model.classify(t, 3);
  let n = 0;
  const started = performance.now();
  while (performance.now() - started < 1000) {
    for (const t of texts) model.classify(t, 3);
    n += texts.length;
  }
  return n / ((performance.now() - started) / 1000);
}

function timed<T>(f: () => T): [T, number] {
  const started = performance.now();
  const value = f();
  return [value, performance.now() - started];
}

const f3 = (x: number) => x.toFixed(3);
const rows: string[] = [];
const row = (cells: (string | number)[]) => rows.push(`| ${cells.join(' | ')} |`);

function measure(
  method: string,
  features: string,
  build: (train: StarterAppeal[]) => TextClassifier,
  size?: () => string,
) {
  const [model, trainMs] = timed(() => build(starter.train.slice(0, trainSize)));
  const a = accuracy(model, starter.heldOut);
  const b = accuracy(build(seen.slice(0, trainSize)), unseen);
  const rate = throughput(
    model,
    starter.heldOut.map((x) => x.text),
  );
  row([
    method,
    features,
    Math.round(trainMs),
    Math.round(rate),
    f3(a.top1),
    f3(a.top3),
    f3(b.top1),
    f3(b.top3),
    f3(a.ece),
    size?.() ?? '',
  ]);
  process.stderr.write(`${method} ${features} done\n`);
}

row([
  'method',
  'features',
  'train ms',
  'texts/s',
  'top-1 A',
  'top-3 A',
  'top-1 B',
  'top-3 B',
  'ECE A',
  'model',
]);
row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']);
measure('majority (baseline)', '—', (train) => trainMajority(train));
for (const name of setNames) {
  const set = FEATURE_SETS[name];
  measure('naive Bayes', name, (train) => trainNaiveBayes(train, set));
  let lastModel = '';
  measure(
    'softmax regression',
    name,
    (train) => {
      const model = trainModel(train, { ...DEFAULT_TRAINING, features: set });
      lastModel = `${(serialiseModel(model).length / 1e6).toFixed(1)} MB, ${model.vocabulary.length} features`;
      const classifier = loadClassifier(model);
      return { classify: (text, top) => classify(classifier, text, top) };
    },
    () => lastModel,
  );
}

console.log(
  `train on ${trainSize} appeals; A = starter held-out (${starter.heldOut.length}), B = unseen phrasings (${unseen.length}, trained on ${Math.min(trainSize, seen.length)} of the seen ones)\n`,
);
console.log(rows.join('\n'));
