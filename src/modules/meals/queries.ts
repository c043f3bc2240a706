import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Executor } from '../../platform/db/transaction.js';
import type { MenuItem, Variant } from './menu-format/menu.js';
import type { MealsDayOffTable, MenuLineColumns } from './tables.js';
import './tables.js';

/** SQL of the meals module (migrations/0014_meals.sql): menus, dishes, calendar, suppliers. */

export interface OrganisationRow {
  id: number;
  kind: string;
  municipality_id: number | null;
  short_name: string;
  full_name: string;
  address: string | null;
  phone: string | null;
}

/** A school or kindergarten of the registry (the organisations that serve meals). */
export async function mealsOrganisation(db: Executor, id: number): Promise<OrganisationRow | null> {
  const row = await db
    .selectFrom('organisation')
    .select(['id', 'kind', 'municipality_id', 'short_name', 'full_name', 'address', 'phone'])
    .where('id', '=', id)
    .where('kind', 'in', ['school', 'kindergarten'])
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ?? null;
}

export async function settingsOf(db: Executor, organisationId: number) {
  return (
    (await db
      .selectFrom('meals_settings')
      .select(['organisation_id', 'hotline_phone', 'week_days', 'meals'])
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst()) ?? null
  );
}

export async function upsertSettings(
  tx: Executor,
  row: { organisation_id: number; hotline_phone: string | null; week_days: number; meals: string[] },
) {
  await tx
    .insertInto('meals_settings')
    .values(row)
    .onConflict((oc) =>
      oc.column('organisation_id').doUpdateSet({
        hotline_phone: row.hotline_phone,
        week_days: row.week_days,
        meals: row.meals,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

const dishKey = (name: string, recipe: string | null) => `${name.toLowerCase()}\u0000${recipe ?? ''}`;

/** The school's dishes named by these lines, created when new; line → dish id. */
export async function ensureDishes(
  tx: Executor,
  organisationId: number,
  items: readonly Pick<MenuItem, 'dish' | 'recipe'>[],
): Promise<Map<string, number>> {
  const wanted = new Map(items.map((i) => [dishKey(i.dish, i.recipe), i]));
  if (wanted.size === 0) return new Map();
  const load = async () =>
    tx
      .selectFrom('meals_dish')
      .select(['id', 'name', 'recipe'])
      .where('organisation_id', '=', organisationId)
      .where(
        sql<string>`lower(name)`,
        'in',
        [...wanted.values()].map((i) => i.dish.toLowerCase()),
      )
      .execute();
  const found = new Map((await load()).map((d) => [dishKey(d.name, d.recipe), d.id]));
  const missing = [...wanted.entries()].filter(([k]) => !found.has(k)).map(([, i]) => i);
  if (missing.length > 0) {
    await tx
      .insertInto('meals_dish')
      .values(missing.map((i) => ({ organisation_id: organisationId, name: i.dish, recipe: i.recipe })))
      .onConflict((oc) => oc.doNothing())
      .execute();
    for (const d of await load()) found.set(dishKey(d.name, d.recipe), d.id);
  }
  return found;
}

export const lineKey = (i: Pick<MenuItem, 'dish' | 'recipe'>) => dishKey(i.dish, i.recipe);

export function lineColumns(items: readonly MenuItem[], dishes: Map<string, number>): MenuLineColumns[] {
  return items.map((i, position) => ({
    position,
    meal: i.meal,
    section: i.section,
    recipe: i.recipe,
    dish: i.dish,
    dish_id: dishes.get(lineKey(i)) ?? null,
    yield_g: i.yield_g,
    yield_text: i.yield_text,
    price: i.price,
    kcal: i.kcal,
    protein: i.protein,
    fat: i.fat,
    carbs: i.carbs,
  }));
}

export interface DailyMenuRow {
  id: number;
  organisation_id: number;
  menu_date: string;
  variant: Variant;
  school_name: string;
  branch: string | null;
  source: 'upload' | 'form' | 'cyclic';
  cyclic_menu_id: number | null;
  cycle_day: number | null;
  updated_at: Date;
}

export async function dailyMenuOn(tx: Executor, organisationId: number, date: string, variant: Variant) {
  return ((await tx
    .selectFrom('meals_daily_menu')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('menu_date', '=', date)
    .where('variant', '=', variant)
    .executeTakeFirst()) ?? null) as DailyMenuRow | null;
}

/** Writes a day's menu in place of what the day held; returns its id and the old line count. */
export async function replaceDailyMenu(
  tx: Executor,
  menu: {
    organisation_id: number;
    menu_date: string;
    variant: Variant;
    school_name: string;
    branch: string | null;
    source: 'upload' | 'form' | 'cyclic';
    cyclic_menu_id: number | null;
    cycle_day: number | null;
    updated_by: string | null;
  },
  lines: MenuLineColumns[],
): Promise<{ id: number; previousLines: number | null }> {
  const existing = await dailyMenuOn(tx, menu.organisation_id, menu.menu_date, menu.variant);
  let previousLines: number | null = null;
  let id: number;
  if (existing) {
    const count = await tx
      .deleteFrom('meals_menu_item')
      .where('menu_id', '=', existing.id)
      .executeTakeFirst();
    previousLines = Number(count.numDeletedRows);
    await tx
      .updateTable('meals_daily_menu')
      .set({ ...menu, updated_at: sql`now()` as never })
      .where('id', '=', existing.id)
      .execute();
    id = existing.id;
  } else {
    const row = await tx
      .insertInto('meals_daily_menu')
      .values(menu)
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  if (lines.length > 0)
    await tx
      .insertInto('meals_menu_item')
      .values(lines.map((l) => ({ ...l, menu_id: id })))
      .execute();
  return { id, previousLines };
}

export async function deleteDailyMenu(tx: Executor, id: number) {
  await tx.deleteFrom('meals_menu_item').where('menu_id', '=', id).execute();
  await tx.deleteFrom('meals_daily_menu').where('id', '=', id).execute();
}

export async function dailyMenusBetween(
  db: Executor,
  organisationId: number,
  from: string,
  to: string,
  variant?: Variant,
): Promise<DailyMenuRow[]> {
  let q = db
    .selectFrom('meals_daily_menu')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('menu_date', '>=', from)
    .where('menu_date', '<=', to);
  if (variant) q = q.where('variant', '=', variant);
  return (await q.orderBy('menu_date').orderBy('variant').execute()) as DailyMenuRow[];
}

export interface LineRow extends MenuLineColumns {
  menu_id: number;
  allergens: string[] | null;
  supplier_id: number | null;
}

export async function linesOf(db: Executor, menuIds: number[]): Promise<LineRow[]> {
  if (menuIds.length === 0) return [];
  return db
    .selectFrom('meals_menu_item as i')
    .leftJoin('meals_dish as d', 'd.id', 'i.dish_id')
    .select([
      'i.menu_id',
      'i.position',
      'i.meal',
      'i.section',
      'i.recipe',
      'i.dish',
      'i.dish_id',
      'i.yield_g',
      'i.yield_text',
      'i.price',
      'i.kcal',
      'i.protein',
      'i.fat',
      'i.carbs',
      'd.allergens',
      'd.supplier_id',
    ])
    .where('i.menu_id', 'in', menuIds)
    .orderBy('i.menu_id')
    .orderBy('i.position')
    .execute();
}

export async function photoIdsOf(db: Executor, dishIds: number[]): Promise<Map<number, number[]>> {
  const out = new Map<number, number[]>();
  if (dishIds.length === 0) return out;
  const rows = await db
    .selectFrom('meals_dish_photo')
    .select(['id', 'dish_id'])
    .where('dish_id', 'in', dishIds)
    .orderBy('id')
    .execute();
  for (const r of rows) out.set(r.dish_id, [...(out.get(r.dish_id) ?? []), r.id]);
  return out;
}

// Cyclic menus.

export interface CyclicMenuRow {
  id: number;
  organisation_id: number;
  year: number;
  variant: Variant;
  school_name: string;
  branch: string | null;
  days: number;
  starts_on: string;
  updated_at: Date;
}

export async function replaceCyclicMenu(
  tx: Executor,
  menu: {
    organisation_id: number;
    year: number;
    variant: Variant;
    school_name: string;
    branch: string | null;
    days: number;
    starts_on: string;
    updated_by: string | null;
  },
  days: { day: number; lines: MenuLineColumns[] }[],
): Promise<{ id: number; previousDays: number | null }> {
  const existing = await tx
    .selectFrom('meals_cyclic_menu')
    .select(['id', 'days'])
    .where('organisation_id', '=', menu.organisation_id)
    .where('year', '=', menu.year)
    .where('variant', '=', menu.variant)
    .executeTakeFirst();
  let id: number;
  if (existing) {
    await tx.deleteFrom('meals_cyclic_item').where('cyclic_menu_id', '=', existing.id).execute();
    await tx
      .updateTable('meals_cyclic_menu')
      .set({ ...menu, updated_at: sql`now()` as never })
      .where('id', '=', existing.id)
      .execute();
    id = existing.id;
  } else {
    id = (await tx.insertInto('meals_cyclic_menu').values(menu).returning('id').executeTakeFirstOrThrow()).id;
  }
  const rows = days.flatMap((d) => d.lines.map((l) => ({ ...l, cyclic_menu_id: id, day: d.day })));
  for (let i = 0; i < rows.length; i += 500)
    await tx
      .insertInto('meals_cyclic_item')
      .values(rows.slice(i, i + 500))
      .execute();
  return { id, previousDays: existing?.days ?? null };
}

export async function cyclicMenusOf(db: Executor, organisationId: number, variant?: Variant) {
  let q = db.selectFrom('meals_cyclic_menu').selectAll().where('organisation_id', '=', organisationId);
  if (variant) q = q.where('variant', '=', variant);
  return (await q.orderBy('starts_on').execute()) as CyclicMenuRow[];
}

export async function cyclicLines(db: Executor, cyclicMenuId: number) {
  return db
    .selectFrom('meals_cyclic_item')
    .select([
      'day',
      'position',
      'meal',
      'section',
      'recipe',
      'dish',
      'dish_id',
      'yield_g',
      'yield_text',
      'price',
      'kcal',
      'protein',
      'fat',
      'carbs',
    ])
    .where('cyclic_menu_id', '=', cyclicMenuId)
    .orderBy('day')
    .orderBy('position')
    .execute();
}

// The school calendar.

export async function daysOffBetween(
  db: Executor,
  organisationId: number,
  from: string,
  to: string,
): Promise<MealsDayOffTableRow[]> {
  return db
    .selectFrom('meals_day_off')
    .select(['day', 'kind', 'note'])
    .where('organisation_id', '=', organisationId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .orderBy('day')
    .execute();
}
export type MealsDayOffTableRow = { day: string; kind: MealsDayOffTable['kind']; note: string | null };

export async function replaceDaysOff(
  tx: Executor,
  organisationId: number,
  from: string,
  to: string,
  days: MealsDayOffTableRow[],
) {
  const removed = await tx
    .deleteFrom('meals_day_off')
    .where('organisation_id', '=', organisationId)
    .where('day', '>=', from)
    .where('day', '<=', to)
    .executeTakeFirst();
  if (days.length > 0)
    await tx
      .insertInto('meals_day_off')
      .values(days.map((d) => ({ ...d, organisation_id: organisationId })))
      .execute();
  return Number(removed.numDeletedRows);
}

// Dishes.

export async function dishById(db: Executor, organisationId: number, dishId: number) {
  return (
    (await db
      .selectFrom('meals_dish')
      .select(['id', 'organisation_id', 'name', 'recipe', 'allergens', 'supplier_id'])
      .where('id', '=', dishId)
      .where('organisation_id', '=', organisationId)
      .executeTakeFirst()) ?? null
  );
}

export async function updateDish(
  tx: Executor,
  dishId: number,
  patch: { allergens?: string[]; supplier_id?: number | null },
) {
  await tx
    .updateTable('meals_dish')
    .set({ ...patch, updated_at: sql`now()` as never })
    .where('id', '=', dishId)
    .execute();
}

// Suppliers.

export async function supplierById(db: Executor, supplierId: number) {
  return (
    (await db
      .selectFrom('meals_supplier as s')
      .innerJoin('organisation as o', 'o.id', 's.organisation_id')
      .select([
        's.id',
        's.organisation_id',
        's.name',
        's.inn',
        's.address',
        's.phone',
        'o.short_name as school_name',
        'o.municipality_id',
      ])
      .where('s.id', '=', supplierId)
      .executeTakeFirst()) ?? null
  );
}

export async function certificatesOf(db: Executor, supplierId: number) {
  return db
    .selectFrom('meals_supplier_certificate')
    .select(['kind', 'number', 'product', 'issued_on', 'valid_until'])
    .where('supplier_id', '=', supplierId)
    .orderBy('issued_on', 'desc')
    .execute();
}

export async function batchesOf(db: Executor, supplierId: number, limit = 50) {
  return db
    .selectFrom('meals_supply_batch')
    .select(['product', 'batch', 'produced_on', 'delivered_on'])
    .where('supplier_id', '=', supplierId)
    .orderBy('delivered_on', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function dailyMenuDatesOf(db: Db | Executor, organisationId: number, since: string) {
  return db
    .selectFrom('meals_daily_menu')
    .select(['menu_date', 'variant', 'updated_at'])
    .where('organisation_id', '=', organisationId)
    .where('menu_date', '>=', since)
    .orderBy('menu_date')
    .orderBy('variant')
    .execute();
}

export async function cyclicMenuOf(db: Executor, organisationId: number, year: number, variant: Variant) {
  return ((await db
    .selectFrom('meals_cyclic_menu')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('year', '=', year)
    .where('variant', '=', variant)
    .executeTakeFirst()) ?? null) as CyclicMenuRow | null;
}

/** The latest daily menu of each variant in a year (what `kpYYYY.xlsx` prices). */
export async function latestMenusOfYear(db: Executor, organisationId: number, year: number) {
  return (await db
    .selectFrom('meals_daily_menu')
    .selectAll()
    .distinctOn('variant')
    .where('organisation_id', '=', organisationId)
    .where('menu_date', '>=', `${year}-01-01`)
    .where('menu_date', '<=', `${year}-12-31`)
    .orderBy('variant')
    .orderBy('menu_date', 'desc')
    .execute()) as DailyMenuRow[];
}

/** The years in which the school has daily menus, with the last change of that year's menus. */
export async function menuYears(db: Executor, organisationId: number) {
  const rows = await db
    .selectFrom('meals_daily_menu')
    .select([
      sql<number>`extract(year from menu_date)::int`.as('year'),
      sql<Date>`max(updated_at)`.as('updated_at'),
    ])
    .where('organisation_id', '=', organisationId)
    .groupBy(sql`extract(year from menu_date)`)
    .orderBy('year')
    .execute();
  return rows.map((r) => ({ year: Number(r.year), updated_at: new Date(r.updated_at) }));
}

export async function insertDishPhoto(
  tx: Executor,
  row: {
    dish_id: number;
    media_type: string;
    bytes: Uint8Array;
    size_bytes: number;
    sha256: string;
    width: number;
    height: number;
    alt_ru: string;
  },
): Promise<number> {
  return (await tx.insertInto('meals_dish_photo').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function dishPhoto(db: Executor, dishId: number, photoId: number) {
  return (
    (await db
      .selectFrom('meals_dish_photo')
      .select(['bytes', 'media_type', 'sha256', 'size_bytes', 'alt_ru'])
      .where('id', '=', photoId)
      .where('dish_id', '=', dishId)
      .executeTakeFirst()) ?? null
  );
}
