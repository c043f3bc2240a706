import type { DailyMenuView, MenuLine } from '../../../contracts/meals.js';
import { foodFileName } from '../menu-format/file-names.js';
import type { Meal, MenuItem } from '../menu-format/menu.js';
import { ageGroupOfVariant, checkMenu } from '../norms/check-menu.js';
import type { AgeGroup } from '../norms/sanpin-tables.js';
import type { DailyMenuRow, LineRow } from '../queries.js';

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The menu line as the federal format carries it (what the writer and the norms check take). */
export function menuItemOf(l: Omit<LineRow, 'menu_id' | 'allergens' | 'supplier_id'>): MenuItem {
  return {
    meal: l.meal as Meal,
    section: l.section,
    recipe: l.recipe,
    dish: l.dish,
    yield_g: l.yield_g,
    yield_text: l.yield_text,
    price: l.price,
    kcal: l.kcal,
    protein: l.protein,
    fat: l.fat,
    carbs: l.carbs,
  };
}

/** A kindergarten's `sm` menu is for children of 3–7; a school's by the variant (7–11, 12+). */
export function ageGroupOf(kind: string, variant: 'sm' | 'ss'): AgeGroup {
  return kind === 'kindergarten' ? '3-7' : ageGroupOfVariant(variant);
}

export function dailyMenuView(
  menu: DailyMenuRow,
  lines: readonly LineRow[],
  photos: ReadonlyMap<number, number[]>,
  school: { kind: string; meals: readonly string[] },
): DailyMenuView {
  const items: MenuLine[] = lines.map((l) => ({
    ...menuItemOf(l),
    dishId: l.dish_id,
    allergens: (l.allergens ?? []) as MenuLine['allergens'],
    photoIds: l.dish_id === null ? [] : (photos.get(l.dish_id) ?? []),
    supplierId: l.supplier_id,
  }));
  const plain = lines.map(menuItemOf);
  const ageGroup = ageGroupOf(school.kind, menu.variant);
  const deviations = checkMenu(plain, { ageGroup, mode: school.meals as Meal[] });
  const total = (f: 'kcal' | 'protein' | 'fat' | 'carbs') =>
    round1(plain.reduce((a, i) => a + (i[f] ?? 0), 0));
  return {
    organisationId: menu.organisation_id,
    date: menu.menu_date,
    variant: menu.variant,
    school: menu.school_name,
    branch: menu.branch,
    source: menu.source,
    cycleDay: menu.cycle_day,
    updatedAt: new Date(menu.updated_at).toISOString(),
    fileName: foodFileName({ kind: 'daily', date: menu.menu_date, variant: menu.variant }),
    items,
    totals: { kcal: total('kcal'), protein: total('protein'), fat: total('fat'), carbs: total('carbs') },
    norms: { ageGroup, meals: [...school.meals], ok: deviations.length === 0, deviations },
  };
}
