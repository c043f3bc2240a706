import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../../demo/random.js';
import { generateMenu } from '../menu-format/generator.js';
import type { Meal, MenuItem } from '../menu-format/menu.js';
import { MEALS } from '../menu-format/menu.js';
import { checkMenu, portionWeight } from './check-menu.js';
import { AGE_GROUPS, DAILY_NEEDS, MEAL_SHARES, PORTION_WEIGHTS } from './sanpin-tables.js';

const item = (meal: Meal, over: Partial<MenuItem> = {}): MenuItem => ({
  meal,
  section: null,
  recipe: null,
  dish: 'Блюдо',
  yield_g: null,
  yield_text: null,
  price: null,
  kcal: null,
  protein: null,
  fat: null,
  carbs: null,
  ...over,
});

/** A meal giving exactly `share` per cent of each daily need, in one unnormed dish. */
const mealAt = (meal: Meal, share: number, age: (typeof AGE_GROUPS)[number]) => {
  const n = DAILY_NEEDS.byAge[age];
  return item(meal, {
    kcal: (n.kcal * share) / 100,
    protein: (n.protein * share) / 100,
    fat: (n.fat * share) / 100,
    carbs: (n.carbs * share) / 100,
  });
};

const modeArb = fc.subarray([...MEALS], { minLength: 1 });
const ageArb = fc.constantFrom(...AGE_GROUPS);

describe('norms of СанПиН 2.3/2.4.3590-20', () => {
  it('holds the tables the issue quotes', () => {
    expect(DAILY_NEEDS.byAge['7-11']).toEqual({ kcal: 2350, protein: 77, fat: 79, carbs: 335 });
    expect(DAILY_NEEDS.byAge['12+'].kcal).toBe(2720);
    expect(DAILY_NEEDS.source).toBe('СанПиН 2.3/2.4.3590-20, приложение 10');
  });

  it('finds nothing wrong in a menu that gives each meal the middle of its share', () => {
    fc.assert(
      fc.property(modeArb, ageArb, (mode, age) => {
        const items = mode.map((m) =>
          mealAt(m, (MEAL_SHARES.byMeal[m][0] + MEAL_SHARES.byMeal[m][1]) / 2, age),
        );
        expect(checkMenu(items, { ageGroup: age, mode })).toEqual([]);
      }),
    );
  });

  it('reports a meal far outside its share, citing приложение 12, and every deviation is outside its bounds', () => {
    fc.assert(
      fc.property(modeArb, ageArb, fc.nat(), fc.constantFrom(0.5, 1.6), (mode, age, pick, factor) => {
        const broken = mode[pick % mode.length]!;
        const items = mode.map((m) =>
          mealAt(
            m,
            ((MEAL_SHARES.byMeal[m][0] + MEAL_SHARES.byMeal[m][1]) / 2) * (m === broken ? factor : 1),
            age,
          ),
        );
        const deviations = checkMenu(items, { ageGroup: age, mode });
        const energy = deviations.filter((d) => d.rule === 'meal-energy');
        expect(energy.map((d) => d.meal)).toEqual([broken]);
        expect(energy[0]!.source).toContain('приложение 12');
        for (const d of deviations)
          if (d.actual !== null) expect(d.actual < d.min || d.actual > d.max).toBe(true);
      }),
    );
  });

  it('reports a meal of the mode that the menu lacks', () => {
    const deviations = checkMenu([mealAt('Завтрак', 22.5, '7-11')], {
      ageGroup: '7-11',
      mode: ['Завтрак', 'Обед'],
    });
    expect(deviations.map((d) => [d.rule, d.meal])).toContainEqual(['meal-missing', 'Обед']);
  });

  it('weighs the dish without its additions and reports a portion out of приложение 9', () => {
    expect(portionWeight(item('Завтрак', { yield_g: 222, yield_text: '200/15/7' }))).toBe(200);
    const soup = item('Обед', { section: '1 блюдо', dish: 'Суп', yield_g: 150, yield_text: '150' });
    const deviations = checkMenu([soup], { ageGroup: '12+', mode: ['Обед'] });
    const portion = deviations.find((d) => d.rule === 'portion-weight')!;
    expect(portion).toMatchObject({
      subject: 'Суп',
      actual: 150,
      min: 250,
      max: 300,
      source: PORTION_WEIGHTS.source,
    });
  });

  it('is deterministic and only reports the served mode: scaling every nutrient never creates a portion deviation', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1000 }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        (seed, factor) => {
          const menu = generateMenu(Rng.derive(seed, 'norms'), { meals: ['Завтрак', 'Обед'] });
          const options = { ageGroup: '7-11' as const, mode: ['Завтрак', 'Обед'] as Meal[] };
          const scaled = menu.items.map((i) => ({
            ...i,
            kcal: (i.kcal ?? 0) * factor,
            protein: (i.protein ?? 0) * factor,
          }));
          const portions = (items: MenuItem[]) =>
            checkMenu(items, options).filter((d) => d.rule === 'portion-weight');
          expect(portions(scaled)).toEqual(portions(menu.items));
          expect(checkMenu(menu.items, options)).toEqual(checkMenu(menu.items, options));
        },
      ),
      { numRuns: 50 },
    );
  });

  it('names the broken rule and the dish: a 200 g plov is a second course over 120 g', () => {
    const menu = generateMenu(Rng.derive(1, 'norms-typical'), { meals: ['Завтрак', 'Обед'] });
    const deviations = checkMenu(menu.items, { ageGroup: '7-11', mode: ['Завтрак', 'Обед'] });
    expect(deviations.filter((d) => d.rule === 'portion-weight')).toEqual([
      expect.objectContaining({
        subject: 'Плов из птицы',
        actual: 200,
        min: 90,
        max: 120,
        message: 'Обед, Плов из птицы: выход 200 г, норма для блюда «второе блюдо» 90–120 г',
      }),
    ]);
    for (const d of deviations) expect(d.source).toMatch(/^СанПиН 2\.3\/2\.4\.3590-20, (приложение|п\.)/);
  });
});
