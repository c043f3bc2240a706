/**
 * The 16 half-year age bands of the ФГИС ДДО indicator tables: 0–0.5, 0.5–1, …, 7.5–8 years.
 * A child's band on day D is floor(full months of age on D / 6); 8 years and older are outside.
 */
export const BAND_COUNT = 16;
/** Bands 6…13 are ages 3 to 7 (3 ≤ age < 7): the population of the «доступность 3–7» indicator. */
export const AVAILABILITY_BANDS: readonly number[] = [6, 7, 8, 9, 10, 11, 12, 13];

export function fullMonths(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = on.split('-').map(Number) as [number, number, number];
  return (y - by) * 12 + (m - bm) - (d < bd ? 1 : 0);
}

/** The band on day `on`, or null when the child is not yet born or 8 years or older. */
export function halfYearBand(birthDate: string, on: string): number | null {
  const months = fullMonths(birthDate, on);
  if (months < 0 || months >= BAND_COUNT * 6) return null;
  return Math.floor(months / 6);
}

/** 'от 3 до 3,5 лет' style label: years as decimals with a comma in Russian. */
export function bandLabel(band: number, locale: 'ru' | 'en' = 'ru'): string {
  const from = band / 2;
  const to = (band + 1) / 2;
  if (locale === 'en') return `${from}–${to} yrs`;
  const f = (x: number) => String(x).replace('.', ',');
  return `${f(from)}–${f(to)} лет`;
}
