import { describe, expect, it } from 'vitest';
import { CATEGORIES, DEFAULT_CATEGORY_TREE, indexCategoryTree } from './category-tree.js';

describe('the category tree', () => {
  it('has 17 topic groups, education with kindergartens, schools, meals and clubs', () => {
    expect(DEFAULT_CATEGORY_TREE).toHaveLength(17);
    expect(CATEGORIES.leaf('education.kindergartens')?.group.code).toBe('education');
    expect(DEFAULT_CATEGORY_TREE.find((g) => g.code === 'education')?.leaves.map((l) => l.code)).toEqual([
      'education.kindergartens',
      'education.schools',
      'education.school_meals',
      'education.clubs',
    ]);
    expect(CATEGORIES.leaf('education.kindergartens')?.messageTarget).toEqual({ days: 8, unit: 'working' });
    expect(CATEGORIES.leaf('nope.nothing')).toBeUndefined();
  });

  it('refuses a duplicate code, a leaf outside its group and an empty group', () => {
    const g = (code: string, leaves: string[]) => ({
      code,
      ru: code,
      en: code,
      leaves: leaves.map((c) => ({ code: c, ru: c, en: c })),
    });
    expect(() => indexCategoryTree([g('a', ['a.x']), g('b', ['a.x'])])).toThrow(/must be b/);
    expect(() => indexCategoryTree([g('a', ['a.x', 'a.x'])])).toThrow(/twice/);
    expect(() => indexCategoryTree([g('a', [])])).toThrow(/no categories/);
    expect(() => indexCategoryTree([g('a', ['a.x']), g('a', ['a.y'])])).toThrow(/twice/);
  });
});
