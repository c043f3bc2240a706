import type { Meal, MenuItem } from '../menu-format/menu.js';
import type { AgeGroup, Course, Needs } from './sanpin-tables.js';
import {
  COURSE_OF_SECTION,
  COURSE_TITLES,
  DAILY_NEEDS,
  MEAL_SHARES,
  MEAL_TOLERANCE,
  PORTION_WEIGHTS,
} from './sanpin-tables.js';

/**
 * Checks a day's menu against СанПиН 2.3/2.4.3590-20 for an age group and the school's mode (the
 * meals it serves, e.g. breakfast and lunch for a first shift). Pure: the same menu gives the same
 * deviations, each naming the rule (its appendix) it breaks, what was found and what the rule asks.
 */
export type Rule = 'meal-missing' | 'meal-energy' | 'day-energy' | 'day-nutrient' | 'portion-weight';

export interface Deviation {
  rule: Rule;
  source: string;
  meal: Meal | null;
  /** The dish, for a portion weight; the nutrient, for a day total. */
  subject: string | null;
  actual: number | null;
  min: number;
  max: number;
  unit: 'kcal' | 'g';
  message: string;
}

export interface CheckOptions {
  ageGroup: AgeGroup;
  /** The meals the school serves; their shares of the daily need are what the day must give. */
  mode: readonly Meal[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;
const sum = (items: readonly MenuItem[], field: keyof Needs) =>
  items.reduce((a, i) => a + (i[field] ?? 0), 0);
const NUTRIENT_TITLES: Record<Exclude<keyof Needs, 'kcal'>, string> = {
  protein: 'белки',
  fat: 'жиры',
  carbs: 'углеводы',
};

export function checkMenu(items: readonly MenuItem[], options: CheckOptions): Deviation[] {
  const needs = DAILY_NEEDS.byAge[options.ageGroup];
  const deviations: Deviation[] = [];
  let shareMin = 0;
  let shareMax = 0;
  for (const meal of options.mode) {
    const [low, high] = MEAL_SHARES.byMeal[meal];
    shareMin += low;
    shareMax += high;
    const served = items.filter((i) => i.meal === meal);
    const min = round1(((needs.kcal * low) / 100) * (1 - MEAL_TOLERANCE.relative));
    const max = round1(((needs.kcal * high) / 100) * (1 + MEAL_TOLERANCE.relative));
    if (served.length === 0) {
      deviations.push({
        rule: 'meal-missing',
        source: MEAL_SHARES.source,
        meal,
        subject: null,
        actual: null,
        min,
        max,
        unit: 'kcal',
        message: `${meal}: нет в меню, а режим школы его предусматривает`,
      });
      continue;
    }
    const kcal = round1(sum(served, 'kcal'));
    if (kcal < min || kcal > max)
      deviations.push({
        rule: 'meal-energy',
        source: `${MEAL_SHARES.source}; ${MEAL_TOLERANCE.source}`,
        meal,
        subject: null,
        actual: kcal,
        min,
        max,
        unit: 'kcal',
        message: `${meal}: ${kcal} ккал, норма ${low}–${high} % суточной потребности (${min}–${max} ккал с допуском 5 %)`,
      });
  }
  const day = items.filter((i) => options.mode.includes(i.meal));
  for (const field of ['kcal', 'protein', 'fat', 'carbs'] as const) {
    const actual = round1(sum(day, field));
    const min = round1((needs[field] * shareMin) / 100);
    const max = round1((needs[field] * shareMax) / 100);
    if (actual >= min && actual <= max) continue;
    const unit = field === 'kcal' ? 'kcal' : 'g';
    const title = field === 'kcal' ? 'энергетическая ценность' : NUTRIENT_TITLES[field];
    deviations.push({
      rule: field === 'kcal' ? 'day-energy' : 'day-nutrient',
      source: `${DAILY_NEEDS.source}; ${MEAL_SHARES.source}`,
      meal: null,
      subject: field,
      actual,
      min,
      max,
      unit,
      message: `За день ${title}: ${actual} ${unit === 'kcal' ? 'ккал' : 'г'}, норма ${min}–${max} (${shareMin}–${shareMax} % суточной потребности ${options.ageGroup} лет)`,
    });
  }
  for (const item of day) {
    const course = courseOf(item);
    const portion = portionWeight(item);
    if (course === null || portion === null) continue;
    const [min, max] = PORTION_WEIGHTS.byCourse[course][options.ageGroup];
    if (portion >= min && portion <= max) continue;
    deviations.push({
      rule: 'portion-weight',
      source: PORTION_WEIGHTS.source,
      meal: item.meal,
      subject: item.dish,
      actual: portion,
      min,
      max,
      unit: 'g',
      message: `${item.meal}, ${item.dish}: выход ${item.yield_text ?? item.yield_g} г, норма для блюда «${COURSE_TITLES[course]}» ${min}–${max} г`,
    });
  }
  return deviations;
}

/** The normed course of an item, from its `Раздел`; null for bread, sweets and unknown sections. */
export function courseOf(item: MenuItem): Course | null {
  if (item.section === null) return null;
  return COURSE_OF_SECTION[item.section.toLowerCase().replace(/\s+/g, ' ').trim()] ?? null;
}

/**
 * The weight of the dish itself: a compound yield's first part (`150/5` is porridge and its butter,
 * `200/15/7` tea, sugar and lemon, `90/30` meatballs and sauce). Приложение 9 norms the dish; the
 * additions are not part of it, and weighing them in would flag every sweetened tea.
 */
export function portionWeight(item: MenuItem): number | null {
  if (item.yield_text !== null && item.yield_text.includes('/')) {
    const first = Number(item.yield_text.split('/')[0]!.trim().replace(',', '.'));
    return Number.isFinite(first) ? first : item.yield_g;
  }
  return item.yield_g;
}

/** The age group a published variant is for: `-sm` the younger pupils, `-ss` the senior ones. */
export function ageGroupOfVariant(variant: 'sm' | 'ss'): AgeGroup {
  return variant === 'ss' ? '12+' : '7-11';
}
