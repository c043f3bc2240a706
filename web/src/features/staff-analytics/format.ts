import type { AnalyticsMessages } from './messages';

export function formatNumber(locale: 'ru' | 'en', value: number | null, digits = 0): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** 'от 3 до 3,5' style band label. */
export function bandLabel(locale: 'ru' | 'en', band: number): string {
  const f = (x: number) => (locale === 'ru' ? String(x).replace('.', ',') : String(x));
  return `${f(band / 2)}–${f((band + 1) / 2)}`;
}

export function rankLabel(m: AnalyticsMessages, rank: number | null): string {
  return rank === null ? m.notChosen : `${m.rank} ${rank}`;
}
