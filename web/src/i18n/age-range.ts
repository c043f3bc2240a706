import { pickPlural } from './plural';

const YEARS = {
  ru: { one: 'год', few: 'года', many: 'лет', other: 'года' },
  en: { one: 'year', other: 'years' },
} as const;

/**
 * An age band in full years with the plural the last number takes: «1–2 года», «3–7 лет», «1 год»;
 * "1–2 years". Numbers in the locale's digits.
 */
export function ageRange(locale: 'ru' | 'en', from: number, to: number): string {
  const n = (v: number) => v.toLocaleString(locale === 'en' ? 'en-GB' : 'ru-RU');
  const span = from === to ? n(from) : `${n(from)}–${n(to)}`;
  return `${span} ${pickPlural(locale === 'en' ? 'en-GB' : 'ru-RU', YEARS[locale], to)}`;
}
