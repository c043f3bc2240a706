import type { Variant } from './menu.js';

/**
 * The federal names of the files in a school's `/food/` folder (shared/specs/food-menu-format.md):
 * `YYYY-MM-DD-sm.xlsx` (or `-ss`), `tmYYYY-sm.xlsx`, `kpYYYY.xlsx`, `findex.xlsx`.
 */
export type FoodFileName =
  | { kind: 'daily'; date: string; variant: Variant }
  | { kind: 'cyclic'; year: number; variant: Variant }
  | { kind: 'costs'; year: number }
  | { kind: 'index' };

const DAILY = /^(\d{4})-(\d{2})-(\d{2})-(sm|ss)\.xlsx$/;
const CYCLIC = /^tm(\d{4})-(sm|ss)\.xlsx$/;
const COSTS = /^kp(\d{4})\.xlsx$/;

/** The file's kind from its base name (case-insensitive, a path before it ignored); null when not federal. */
export function parseFoodFileName(path: string): FoodFileName | null {
  const name = (path.split(/[\\/]/).pop() ?? '').toLowerCase();
  if (name === 'findex.xlsx') return { kind: 'index' };
  const daily = DAILY.exec(name);
  if (daily) {
    const date = `${daily[1]}-${daily[2]}-${daily[3]}`;
    return isCalendarDate(date) ? { kind: 'daily', date, variant: daily[4] as Variant } : null;
  }
  const cyclic = CYCLIC.exec(name);
  if (cyclic) return { kind: 'cyclic', year: Number(cyclic[1]), variant: cyclic[2] as Variant };
  const costs = COSTS.exec(name);
  if (costs) return { kind: 'costs', year: Number(costs[1]) };
  return null;
}

export function foodFileName(file: FoodFileName): string {
  switch (file.kind) {
    case 'daily':
      return `${file.date}-${file.variant}.xlsx`;
    case 'cyclic':
      return `tm${file.year}-${file.variant}.xlsx`;
    case 'costs':
      return `kp${file.year}.xlsx`;
    case 'index':
      return 'findex.xlsx';
  }
}

/** `YYYY-MM-DD` naming a real day of the Gregorian calendar. */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}
