import { z } from 'zod';
import { calendarDate } from './calendar-date.js';

/**
 * The school meals API (issue 17): a school's menus in the federal `/food/` format uploaded or
 * generated from the cyclic menu and the school calendar, the public menu of today and the week
 * ahead with allergens and the СанПиН 2.3/2.4.3590-20 check, suppliers' public cards.
 * Menu lines keep the spec's JSON names (shared/specs/food-menu-format.md: `yield_g`, `kcal`…), so
 * `meals:read` output, the API and the database agree.
 */

const id = z.coerce
  .number()
  .int()
  .positive()
  .max(2 ** 31 - 1);

export const mealsOrganisationParams = z.object({ organisationId: id });
export const foodFileParams = mealsOrganisationParams.extend({
  fileName: z.string().regex(/^[A-Za-z0-9.-]{1,40}$/, { message: 'a file name of the /food/ folder' }),
});
export const supplierIdParams = z.object({ supplierId: id });
export const dishParams = mealsOrganisationParams.extend({ dishId: id });

export const MEAL_NAMES = ['Завтрак', 'Завтрак 2', 'Обед', 'Полдник', 'Ужин', 'Ужин 2'] as const;
export const MENU_VARIANTS = ['sm', 'ss'] as const;

/** The 14 allergens a label must name (ТР ТС 022/2011, ст. 4, п. 4.4). */
export const ALLERGENS = [
  'gluten',
  'crustaceans',
  'eggs',
  'fish',
  'peanuts',
  'soy',
  'milk',
  'nuts',
  'celery',
  'mustard',
  'sesame',
  'sulphites',
  'lupin',
  'molluscs',
] as const;
export type Allergen = (typeof ALLERGENS)[number];

export const ALLERGEN_TITLES_RU: Record<Allergen, string> = {
  gluten: 'глютен (злаки)',
  crustaceans: 'ракообразные',
  eggs: 'яйца',
  fish: 'рыба',
  peanuts: 'арахис',
  soy: 'соя',
  milk: 'молоко',
  nuts: 'орехи',
  celery: 'сельдерей',
  mustard: 'горчица',
  sesame: 'кунжут',
  sulphites: 'диоксид серы и сульфиты',
  lupin: 'люпин',
  molluscs: 'моллюски',
};

const amount = z.number().nullable();

export const menuLineSchema = z.object({
  meal: z.enum(MEAL_NAMES),
  section: z.string().nullable(),
  recipe: z.string().nullable(),
  dish: z.string(),
  yield_g: amount,
  yield_text: z.string().nullable(),
  price: amount,
  kcal: amount,
  protein: amount,
  fat: amount,
  carbs: amount,
  dishId: z.number().int().nullable(),
  allergens: z.array(z.enum(ALLERGENS)),
  photoIds: z.array(z.number().int()),
  supplierId: z.number().int().nullable(),
});
export type MenuLine = z.infer<typeof menuLineSchema>;

export const normDeviationSchema = z.object({
  rule: z.string(),
  source: z.string(),
  meal: z.string().nullable(),
  subject: z.string().nullable(),
  actual: z.number().nullable(),
  min: z.number(),
  max: z.number(),
  unit: z.enum(['kcal', 'g']),
  message: z.string(),
});

export const dailyMenuSchema = z.object({
  organisationId: z.number().int(),
  date: z.string(),
  variant: z.enum(MENU_VARIANTS),
  school: z.string(),
  branch: z.string().nullable(),
  source: z.enum(['upload', 'form', 'cyclic']),
  cycleDay: z.number().int().nullable(),
  updatedAt: z.string(),
  /** The federal file name it is served under in the school's `/food/` folder. */
  fileName: z.string(),
  items: z.array(menuLineSchema),
  totals: z.object({ kcal: z.number(), protein: z.number(), fat: z.number(), carbs: z.number() }),
  norms: z.object({
    ageGroup: z.string(),
    meals: z.array(z.string()),
    ok: z.boolean(),
    deviations: z.array(normDeviationSchema),
  }),
});
export type DailyMenuView = z.infer<typeof dailyMenuSchema>;

export const menuListQuerySchema = z.object({
  from: calendarDate.optional(),
  to: calendarDate.optional(),
  variant: z.enum(MENU_VARIANTS).optional(),
});

export const menuListSchema = z.object({ items: z.array(dailyMenuSchema) });
export type MenuList = z.infer<typeof menuListSchema>;

export const cyclicMenuSummarySchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  year: z.number().int(),
  variant: z.enum(MENU_VARIANTS),
  school: z.string(),
  days: z.number().int(),
  startsOn: z.string(),
  items: z.number().int(),
  fileName: z.string(),
});
export type CyclicMenuSummary = z.infer<typeof cyclicMenuSummarySchema>;

/** The multipart text fields sent with a cyclic menu: the day its day 1 falls on. */
export const cyclicUploadFieldsSchema = z.object({ startsOn: calendarDate });

export const generateRequestSchema = z.strictObject({
  from: calendarDate,
  to: calendarDate,
  variant: z.enum(MENU_VARIANTS).default('sm'),
  /** Replace days that were uploaded or entered (by default only generated days are rewritten). */
  overwrite: z.boolean().default(false),
});

export const generateResultSchema = z.object({
  written: z.array(z.string()),
  kept: z.array(z.object({ date: z.string(), reason: z.string() })),
});
export type GenerateResult = z.infer<typeof generateResultSchema>;

const dayOffSchema = z.strictObject({
  date: calendarDate,
  kind: z.enum(['holiday', 'vacation', 'quarantine', 'other']),
  note: z.string().trim().min(1).max(300).nullish(),
});

export const calendarRequestSchema = z.strictObject({
  from: calendarDate,
  to: calendarDate,
  /** The days off within [from, to]: they replace what the calendar held there. */
  daysOff: z.array(dayOffSchema).max(400),
});

export const calendarSchema = z.object({
  daysOff: z.array(
    z.object({
      date: z.string(),
      kind: z.enum(['holiday', 'vacation', 'quarantine', 'other']),
      note: z.string().nullable(),
    }),
  ),
});
export type MealsCalendar = z.infer<typeof calendarSchema>;

const phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ()-]{5,30}$/, { message: 'a phone number' });

export const settingsRequestSchema = z.strictObject({
  hotlinePhone: phone.nullable(),
  weekDays: z.union([z.literal(5), z.literal(6)]),
  meals: z.array(z.enum(MEAL_NAMES)).min(1).max(6),
});

export const settingsSchema = z.object({
  organisationId: z.number().int(),
  hotlinePhone: z.string().nullable(),
  weekDays: z.number().int(),
  meals: z.array(z.enum(MEAL_NAMES)),
});
export type MealsSettings = z.infer<typeof settingsSchema>;

export const dishPatchSchema = z.strictObject({
  allergens: z.array(z.enum(ALLERGENS)).max(14).optional(),
  supplierId: id.nullable().optional(),
});

export const dishSchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  name: z.string(),
  recipe: z.string().nullable(),
  allergens: z.array(z.enum(ALLERGENS)),
  supplierId: z.number().int().nullable(),
});
export type Dish = z.infer<typeof dishSchema>;

export const supplierRequestSchema = z.strictObject({
  name: z.string().trim().min(2).max(300),
  inn: z.string().regex(/^(\d{10}|\d{12})$/, { message: 'an ИНН of 10 or 12 digits' }),
  address: z.string().trim().min(2).max(500).nullish(),
  phone: phone.nullish(),
  certificates: z
    .array(
      z.strictObject({
        kind: z.enum(['certificate', 'declaration']),
        number: z.string().trim().min(3).max(100),
        product: z.string().trim().min(2).max(300),
        issuedOn: calendarDate,
        validUntil: calendarDate.nullish(),
      }),
    )
    .max(50)
    .default([]),
  batches: z
    .array(
      z.strictObject({
        product: z.string().trim().min(2).max(300),
        batch: z.string().trim().min(1).max(100),
        producedOn: calendarDate.nullish(),
        deliveredOn: calendarDate,
      }),
    )
    .max(200)
    .default([]),
});
export type SupplierRequest = z.infer<typeof supplierRequestSchema>;

export const supplierCardSchema = z.object({
  id: z.number().int(),
  organisationId: z.number().int(),
  schoolName: z.string(),
  name: z.string(),
  inn: z.string(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  certificates: z.array(
    z.object({
      kind: z.enum(['certificate', 'declaration']),
      number: z.string(),
      product: z.string(),
      issuedOn: z.string(),
      validUntil: z.string().nullable(),
      valid: z.boolean(),
    }),
  ),
  batches: z.array(
    z.object({
      product: z.string(),
      batch: z.string(),
      producedOn: z.string().nullable(),
      deliveredOn: z.string(),
    }),
  ),
  /** The public card's address (what the QR code opens) and the QR code's image. */
  cardUrl: z.string(),
  qrUrl: z.string(),
});
export type SupplierCard = z.infer<typeof supplierCardSchema>;

export const schoolMenuQuerySchema = z.object({
  date: calendarDate.optional(),
  variant: z.enum(MENU_VARIANTS).optional(),
});

export const schoolMenusSchema = z.object({
  school: z.object({
    organisationId: z.number().int(),
    name: z.string(),
    address: z.string().nullable(),
    hotlinePhone: z.string().nullable(),
    foodFolder: z.string(),
  }),
  date: z.string(),
  today: dailyMenuSchema.nullable(),
  /** The school days after `date` within a week that have a menu. */
  week: z.array(dailyMenuSchema),
});
export type SchoolMenus = z.infer<typeof schoolMenusSchema>;

export const dishPhotoParams = z.object({ dishId: id, dishPhotoId: id });
export const MAX_DISH_PHOTO_BYTES = 5 * 1024 * 1024;
export const dishPhotoFieldsSchema = z.object({ altRu: z.string().trim().min(1).max(300) });

export const dishPhotoSchema = z.object({
  id: z.number().int(),
  dishId: z.number().int(),
  mediaType: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  sizeBytes: z.number().int(),
  altRu: z.string(),
  url: z.string(),
});
export type DishPhoto = z.infer<typeof dishPhotoSchema>;
