import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { trainMajority, trainNaiveBayes } from './baseline.js';
import { FEATURE_SETS } from './features.js';
import {
  DEFAULT_TRAINING,
  classify,
  loadClassifier,
  parseModelText,
  probabilities,
  serialiseModel,
  trainModel,
} from './model.js';
import type { TrainingExample } from './model.js';
import { generateStarterSet } from './starter-set/generator.js';

const small: TrainingExample[] = [
  { text: 'Не горят фонари на улице', label: 'lighting' },
  { text: 'Фонарь у остановки не горит', label: 'lighting' },
  { text: 'Темно, нет освещения во дворе', label: 'lighting' },
  { text: 'Мусор не вывозят неделю', label: 'waste' },
  { text: 'Контейнеры переполнены, мусор везде', label: 'waste' },
  { text: 'Свалка мусора у подъезда', label: 'waste' },
  { text: 'Батареи холодные, нет отопления', label: 'heating' },
  { text: 'В квартире холодно, отопление не работает', label: 'heating' },
];

const example = fc.record({
  text: fc
    .array(
      fc.constantFrom('фонари', 'мусор', 'отопление', 'школа', 'двор', 'Холодно', 'нет', '<b>', '&nbsp;'),
      {
        minLength: 1,
        maxLength: 8,
      },
    )
    .map((w) => w.join(' ')),
  label: fc.constantFrom('a', 'b', 'c', '0', '16'),
});
const quick = { ...DEFAULT_TRAINING, epochs: 3 };

describe('trainModel and classify', () => {
  it('learns the topics of a small set and ranks them with calibrated probabilities', () => {
    const classifier = loadClassifier(trainModel(small));
    expect(classify(classifier, 'Опять не горит фонарь')[0]!.label).toBe('lighting');
    expect(classify(classifier, '<p>Мусор&nbsp;не вывозят</p>')[0]!.label).toBe('waste');
    expect(classify(classifier, 'ХОЛОДНЫЕ БАТАРЕИ')[0]!.label).toBe('heating');
    const p = probabilities(classifier, 'фонари');
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });

  it('gives the same model file byte for byte for the same input (property)', () => {
    fc.assert(
      fc.property(fc.array(example, { minLength: 1, maxLength: 30 }), (examples) => {
        expect(serialiseModel(trainModel(examples, quick))).toBe(serialiseModel(trainModel(examples, quick)));
      }),
      { numRuns: 30 },
    );
  });

  it('returns at most three trained labels, scores in [0, 1] and non-increasing (property)', () => {
    fc.assert(
      fc.property(fc.array(example, { minLength: 1, maxLength: 30 }), fc.string(), (examples, text) => {
        const model = trainModel(examples, quick);
        const top = classify(loadClassifier(model), text);
        const trained = new Set<string>(examples.map((e) => e.label));
        expect(top.length).toBe(Math.min(3, trained.size));
        expect(new Set(top.map((s) => s.label)).size).toBe(top.length);
        for (const s of top) {
          expect(trained.has(s.label)).toBe(true);
          expect(s.score).toBeGreaterThanOrEqual(0);
          expect(s.score).toBeLessThanOrEqual(1);
        }
        for (let i = 1; i < top.length; i++) expect(top[i]!.score).toBeLessThanOrEqual(top[i - 1]!.score);
      }),
      { numRuns: 40 },
    );
  });

  it('classifies from the file text exactly as from the model it was written from', () => {
    const model = trainModel(generateStarterSet({ size: 300 }));
    const text = serialiseModel(model);
    const again = parseModelText(text);
    expect(serialiseModel(again)).toBe(text);
    const a = loadClassifier(model);
    const b = loadClassifier(again);
    for (const appeal of generateStarterSet({ size: 50, seed: 7 }))
      expect(classify(b, appeal.text)).toEqual(classify(a, appeal.text));
    expect(model.temperature).toBeGreaterThan(0);
  });

  it('refuses a file that is not a consistent model', () => {
    const model = trainModel(small);
    expect(() => parseModelText('{"format": "x"}')).toThrow(/rows/);
    const broken = serialiseModel({ ...model, bias: model.bias.slice(1) });
    expect(() => parseModelText(broken)).toThrow(/bias/);
    expect(() => parseModelText(serialiseModel({ ...model, labels: ['a', 'a', 'b'] }))).toThrow();
  });

  it('beats the baselines on the starter set (a learning check, not the benchmark)', () => {
    const all = generateStarterSet({ size: 1200 });
    const train = all.slice(0, 1000);
    const test = all.slice(1000);
    const top1 = (f: (text: string) => string) =>
      test.filter((a) => f(a.text) === a.label).length / test.length;
    const model = loadClassifier(trainModel(train));
    const nb = trainNaiveBayes(train, FEATURE_SETS.words);
    const majority = trainMajority(train);
    const ours = top1((t) => classify(model, t)[0]!.label);
    expect(ours).toBeGreaterThan(top1((t) => nb.classify(t)[0]!.label));
    expect(ours).toBeGreaterThan(top1((t) => majority.classify(t)[0]!.label) + 0.5);
  });
});
