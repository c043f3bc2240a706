import type { Meal } from '../menu-format/menu.js';

/**
 * The tables of СанПиН 2.3/2.4.3590-20 «Санитарно-эпидемиологические требования к организации
 * общественного питания населения» (approved by the Chief State Sanitary Doctor's resolution No. 32
 * of 27.10.2020) that a school menu is checked against, as data. Each table names its appendix so a
 * deviation can cite the rule it breaks. Values transcribed from the published text; a change of the
 * rules is a change of this file only.
 */
export const SOURCE = 'СанПиН 2.3/2.4.3590-20';

export const AGE_GROUPS = ['1-3', '3-7', '7-11', '12+'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export interface Needs {
  kcal: number;
  protein: number;
  fat: number;
  carbs: number;
}

/** Приложение 10: daily need in energy (kcal) and nutrients (g) by age group. */
export const DAILY_NEEDS = {
  source: `${SOURCE}, приложение 10`,
  byAge: {
    '1-3': { kcal: 1400, protein: 42, fat: 47, carbs: 203 },
    '3-7': { kcal: 1800, protein: 54, fat: 60, carbs: 261 },
    '7-11': { kcal: 2350, protein: 77, fat: 79, carbs: 335 },
    '12+': { kcal: 2720, protein: 90, fat: 92, carbs: 383 },
  } satisfies Record<AgeGroup, Needs>,
} as const;

/** Приложение 12: the share of the daily energy each meal gives, per cent (from–to). */
export const MEAL_SHARES = {
  source: `${SOURCE}, приложение 12`,
  byMeal: {
    Завтрак: [20, 25],
    'Завтрак 2': [5, 5],
    Обед: [30, 35],
    Полдник: [10, 15],
    Ужин: [20, 25],
    'Ужин 2': [5, 5],
  } satisfies Record<Meal, readonly [number, number]>,
} as const;

/**
 * Пункт 8.1.2.2 allows a meal to deviate from its energy share by up to ±5 % within a day, when the
 * week's average keeps to the norm; a meal is reported beyond that tolerance.
 */
export const MEAL_TOLERANCE = { source: `${SOURCE}, п. 8.1.2.2`, relative: 0.05 } as const;

/** Courses whose portion weight is normed, and how a menu's `Раздел` names them. */
export const COURSES = [
  'hot-dish',
  'starter',
  'hot-drink',
  'first-course',
  'second-course',
  'side-dish',
  'fruit',
] as const;
export type Course = (typeof COURSES)[number];

export const COURSE_OF_SECTION: Readonly<Record<string, Course>> = {
  'гор.блюдо': 'hot-dish',
  закуска: 'starter',
  'гор.напиток': 'hot-drink',
  напиток: 'hot-drink',
  '3 блюдо': 'hot-drink',
  '1 блюдо': 'first-course',
  '2 блюдо': 'second-course',
  гарнир: 'side-dish',
  фрукты: 'fruit',
};

export const COURSE_TITLES: Readonly<Record<Course, string>> = {
  'hot-dish': 'горячее блюдо',
  starter: 'закуска (холодное блюдо)',
  'hot-drink': 'напиток',
  'first-course': 'первое блюдо',
  'second-course': 'второе блюдо',
  'side-dish': 'гарнир',
  fruit: 'фрукты',
};

/** Приложение 9: portion weight in grams (from–to) by age group. */
export const PORTION_WEIGHTS = {
  source: `${SOURCE}, приложение 9`,
  byCourse: {
    'hot-dish': { '1-3': [130, 150], '3-7': [150, 200], '7-11': [150, 200], '12+': [200, 250] },
    starter: { '1-3': [30, 40], '3-7': [40, 60], '7-11': [60, 100], '12+': [100, 150] },
    'hot-drink': { '1-3': [150, 150], '3-7': [150, 200], '7-11': [200, 200], '12+': [200, 200] },
    'first-course': { '1-3': [150, 180], '3-7': [180, 200], '7-11': [200, 250], '12+': [250, 300] },
    'second-course': { '1-3': [50, 60], '3-7': [70, 80], '7-11': [90, 120], '12+': [100, 120] },
    'side-dish': { '1-3': [110, 120], '3-7': [130, 150], '7-11': [150, 200], '12+': [180, 230] },
    fruit: { '1-3': [95, 95], '3-7': [100, 100], '7-11': [100, 100], '12+': [100, 100] },
  } satisfies Record<Course, Record<AgeGroup, readonly [number, number]>>,
} as const;
