import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadCategorySuggester } from './category-suggestion.js';

const classifierDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../classifier');
const shipped =
  fs.existsSync(path.join(classifierDir, 'model.json')) &&
  fs.existsSync(path.join(classifierDir, 'index.ts'));

describe('the category suggestion', () => {
  it('is none when no model is installed (the operator page says so)', async () => {
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'no-classifier-'));
    expect(await loadCategorySuggester(empty)).toBeNull();
    fs.writeFileSync(path.join(empty, 'model.json'), '{}');
    expect(await loadCategorySuggester(empty)).toBeNull(); // a model without the classifier's code
  });

  // Runs once the classifier (its own branch) is merged beside this module.
  it.runIf(shipped)('gives the shipped model’s top 3 with scores, best first', async () => {
    const suggest = await loadCategorySuggester();
    const top = suggest!('В детском саду в группе холодно, воспитатель не реагирует');
    expect(top).toHaveLength(3);
    expect(top[0]!.categoryCode).toBe('education.kindergartens');
    expect(top[0]!.score).toBeGreaterThanOrEqual(top[1]!.score);
  });
});
