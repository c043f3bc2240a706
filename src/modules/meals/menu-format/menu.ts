import { z } from 'zod';

/**
 * A day's menu as the federal `/food/` format carries it (shared/specs/food-menu-format.md) and as
 * `meals:read` prints it. Field names are the spec's JSON names, so the CLI output, the API and the
 * database agree without a mapping layer.
 */
export const MEALS = ['Завтрак', 'Завтрак 2', 'Обед', 'Полдник', 'Ужин', 'Ужин 2'] as const;
export type Meal = (typeof MEALS)[number];

export const VARIANTS = ['sm', 'ss'] as const;
export type Variant = (typeof VARIANTS)[number];

const amount = z.number().finite().nonnegative().nullable();

export const menuItemSchema = z.object({
  meal: z.enum(MEALS),
  section: z.string().min(1).nullable(),
  recipe: z.string().min(1).nullable(),
  dish: z.string().min(1),
  yield_g: amount,
  yield_text: z.string().min(1).nullable(),
  price: amount,
  kcal: amount,
  protein: amount,
  fat: amount,
  carbs: amount,
});
export type MenuItem = z.infer<typeof menuItemSchema>;

export const dailyMenuSchema = z.object({
  school: z.string().min(1),
  branch: z.string().min(1).nullable(),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  variant: z.enum(VARIANTS),
  items: z.array(menuItemSchema),
});
export type DailyMenu = z.infer<typeof dailyMenuSchema>;

/** The numeric columns of an item, in the template's column order after `Выход, г`. */
export const NUMBER_FIELDS = ['price', 'kcal', 'protein', 'fat', 'carbs'] as const;

/**
 * One cell the reader could not read. `cell` is an A1 address (or `workbook` for problems of the
 * file as a whole); `expected` says what the format wants there, `found` what the cell held.
 */
export interface CellProblem {
  sheet: string | null;
  cell: string;
  expected: string;
  found: string | null;
}

/** `E7: expected a number, found "двести"` — the line the spec's CLI prints. */
export function problemLine(p: CellProblem, withSheet = false): string {
  const where = withSheet && p.sheet !== null ? `${p.sheet}!${p.cell}` : p.cell;
  const found = p.found === null ? '' : `, found ${JSON.stringify(p.found)}`;
  return `${where}: expected ${p.expected}${found}`;
}

export class MenuFormatError extends Error {
  constructor(readonly problems: CellProblem[]) {
    super(problems.map((p) => problemLine(p, true)).join('; '));
  }
}
