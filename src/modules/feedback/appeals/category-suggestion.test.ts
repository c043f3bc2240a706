import { describe, expect, it } from 'vitest';
import { categorySuggester } from './category-suggestion.js';

describe('the category suggestion', () => {
  it('gives the shipped model’s top 3 with scores, best first', () => {
    const top = categorySuggester()('В детском саду в группе холодно, воспитатель не реагирует');
    expect(top).toHaveLength(3);
    expect(top[0]!.categoryCode).toBe('education.kindergartens');
    expect(top[0]!.score).toBeGreaterThanOrEqual(top[1]!.score);
    expect(top[1]!.score).toBeGreaterThanOrEqual(top[2]!.score);
  });
});
