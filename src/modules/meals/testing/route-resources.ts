import crypto from 'node:crypto';
import type { RouteResourceMaker } from '../../../app/testing/route-resources.js';
import { pngImage, TINY_WEBP } from '../../../app/testing/test-images.js';
import { innCheckDigits } from '../../../contracts/tax-ids.js';
import { writeCyclicMenu } from '../menu-format/cyclic-menu.js';
import { writeDailyMenu } from '../menu-format/daily-menu.js';
import type { MenuItem } from '../menu-format/menu.js';
import * as q from '../queries.js';

/** The fixture's school A1 as its workbooks name it. */
export const SCHOOL_A1_NAME = 'Школа № 1 г. Альфа';

export const SAMPLE_ITEMS: MenuItem[] = [
  {
    meal: 'Завтрак',
    section: 'гор.блюдо',
    recipe: '173',
    dish: 'Каша молочная овсяная',
    yield_g: 205,
    yield_text: '200/5',
    price: 18.5,
    kcal: 246.1,
    protein: 7.1,
    fat: 8.2,
    carbs: 35.9,
  },
  {
    meal: 'Обед',
    section: '1 блюдо',
    recipe: '82',
    dish: 'Борщ с капустой и картофелем',
    yield_g: 250,
    yield_text: '250',
    price: 22,
    kcal: 104.8,
    protein: 1.8,
    fat: 4.9,
    carbs: 12.6,
  },
];

const DAILY_BYTES = await writeDailyMenu({
  school: SCHOOL_A1_NAME,
  branch: null,
  date: '2026-09-01',
  variant: 'sm',
  items: SAMPLE_ITEMS,
});
const CYCLIC_BYTES = await writeCyclicMenu({
  school: SCHOOL_A1_NAME,
  branch: null,
  year: 2026,
  variant: 'sm',
  days: [
    { day: 1, items: SAMPLE_ITEMS },
    { day: 2, items: SAMPLE_ITEMS.slice(1) },
  ],
});

export function randomInn(): string {
  const body = String(crypto.randomInt(4_300_000_00, 4_399_999_99));
  return `${body}${innCheckDigits(body)}`;
}

/**
 * School A1's meals: a supplier with a declaration and a batch, a dish, a daily menu of 2026-09-01
 * (served as `2026-09-01-sm.xlsx`) and a two-day cyclic menu of 2026.
 */
export const mealsRouteResources: RouteResourceMaker = {
  name: 'meals',
  params: ['supplierId', 'dishId', 'dishPhotoId', 'fileName'],
  needs: ['organisationId'],
  async create(db, f) {
    const supplier = await db
      .insertInto('meals_supplier')
      .values({ organisation_id: f.schoolA1, name: 'ООО «Молочный край»', inn: randomInn() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('meals_supplier_certificate')
      .values({
        supplier_id: supplier.id,
        kind: 'declaration',
        number: `ЕАЭС N RU Д-RU.${crypto.randomInt(1e5, 1e6)}`,
        product: 'Молоко питьевое',
        issued_on: '2026-01-10',
        valid_until: '2029-01-09',
      })
      .execute();
    const dishes = await q.ensureDishes(db, f.schoolA1, SAMPLE_ITEMS);
    const dishId = dishes.get(q.lineKey(SAMPLE_ITEMS[0]!))!;
    const photoId = await q.insertDishPhoto(db, {
      dish_id: dishId,
      media_type: 'image/webp',
      bytes: TINY_WEBP,
      size_bytes: TINY_WEBP.byteLength,
      sha256: crypto.createHash('sha256').update(TINY_WEBP).digest('hex'),
      width: 1,
      height: 1,
      alt_ru: 'Каша в тарелке',
    });
    await q.replaceDailyMenu(
      db,
      {
        organisation_id: f.schoolA1,
        menu_date: '2026-09-01',
        variant: 'sm',
        school_name: SCHOOL_A1_NAME,
        branch: null,
        source: 'upload',
        cyclic_menu_id: null,
        cycle_day: null,
        updated_by: null,
      },
      q.lineColumns(SAMPLE_ITEMS, dishes),
    );
    await q.replaceCyclicMenu(
      db,
      {
        organisation_id: f.schoolA1,
        year: 2026,
        variant: 'sm',
        school_name: SCHOOL_A1_NAME,
        branch: null,
        days: 2,
        starts_on: '2026-09-01',
        updated_by: null,
      },
      [
        { day: 1, lines: q.lineColumns(SAMPLE_ITEMS, dishes) },
        { day: 2, lines: q.lineColumns(SAMPLE_ITEMS.slice(1), dishes) },
      ],
    );
    return {
      supplierId: String(supplier.id),
      dishId: String(dishId),
      dishPhotoId: String(photoId),
      fileName: '2026-09-01-sm.xlsx',
    };
  },
  examples: {
    'POST /api/staff/meals/:organisationId/daily-menus': () => ({
      multipart: {
        fields: {},
        file: {
          field: 'file',
          name: '2026-09-01-sm.xlsx',
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          bytes: DAILY_BYTES,
        },
      },
    }),
    'POST /api/staff/meals/:organisationId/cyclic-menus': () => ({
      multipart: {
        fields: { startsOn: '2026-09-01' },
        file: {
          field: 'file',
          name: 'tm2026-sm.xlsx',
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          bytes: CYCLIC_BYTES,
        },
      },
    }),
    'POST /api/staff/meals/:organisationId/daily-menus/generate': () => ({
      body: { from: '2026-09-01', to: '2026-09-14', variant: 'sm' },
    }),
    'PUT /api/staff/meals/:organisationId/calendar': () => ({
      body: {
        from: '2026-11-01',
        to: '2026-11-30',
        daysOff: [{ date: '2026-11-04', kind: 'holiday', note: 'День народного единства' }],
      },
    }),
    'PUT /api/staff/meals/:organisationId/settings': () => ({
      body: { hotlinePhone: '+7 (8332) 64-10-10', weekDays: 5, meals: ['Завтрак', 'Обед'] },
    }),
    'PATCH /api/staff/meals/:organisationId/dishes/:dishId': () => ({ body: { allergens: ['milk'] } }),
    'POST /api/staff/meals/:organisationId/dishes/:dishId/photos': () => ({
      multipart: {
        fields: { altRu: 'Каша в тарелке' },
        file: { field: 'file', name: 'kasha.png', type: 'image/png', bytes: pngImage(8, 6) },
      },
    }),
    'POST /api/staff/meals/:organisationId/suppliers': () => ({
      body: {
        name: 'АО «Хлебозавод № 1»',
        inn: randomInn(),
        certificates: [],
        batches: [{ product: 'Хлеб пшеничный', batch: 'П-1', deliveredOn: '2026-09-01' }],
      },
    }),
  },
};
