import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STARTER_CATEGORY_CODES, classify, loadShippedModel } from './index.js';
import { SHIPPED_MODEL_PATH, trainShippedModelText } from './shipped-model.js';
import { generateStarterSet, splitStarterSet } from './starter-set/generator.js';

describe('the shipped model', () => {
  it('is exactly what training on the starter set gives now (run `npm run feedback:model` if not)', () => {
    expect(readFileSync(SHIPPED_MODEL_PATH, 'utf8') === trainShippedModelText()).toBe(true);
  });

  it('knows every starter category and suggests the right one for plain appeals', () => {
    const model = loadShippedModel();
    expect([...model.labels].sort()).toEqual([...STARTER_CATEGORY_CODES].sort());
    const cases: [string, string][] = [
      ['В детском саду №5 отменили группу, ребенка некуда девать', 'education.kindergartens'],
      ['Помогите, начальник РЭС не реагирует на жалобы, мы сидим без света…', 'housing.electricity'],
      ['<p>Батареи&nbsp;холодные уже неделю</p>', 'housing.heating'],
      ['Автобус 12 не приходит по расписанию', 'transport.public'],
      ['Во дворе стая бездомных собак', 'animals.stray'],
    ];
    for (const [text, label] of cases) {
      const top = classify(model, text);
      expect(top, text).toHaveLength(3);
      expect(top[0]!.label, text).toBe(label);
    }
  });

  it('reaches top-1 ≥ 0.8 and top-3 ≥ 0.95 on the held-out starter appeals', () => {
    const model = loadShippedModel();
    const { heldOut } = splitStarterSet(generateStarterSet());
    let top1 = 0;
    let top3 = 0;
    for (const a of heldOut) {
      const top = classify(model, a.text);
      if (top[0]!.label === a.label) top1++;
      if (top.some((s) => s.label === a.label)) top3++;
    }
    expect(top1 / heldOut.length).toBeGreaterThanOrEqual(0.8);
    expect(top3 / heldOut.length).toBeGreaterThanOrEqual(0.95);
  });
});
