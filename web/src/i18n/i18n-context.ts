import { createContext, useContext } from 'react';
import type { Locale, MessageKey, MessageParams, PluralKey } from './messages';

export interface I18n {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  /** A message by key, with `{placeholders}` filled from params. */
  t: (key: MessageKey, params?: MessageParams) => string;
  /** A plural message for `count` (also available as `{count}`). */
  tn: (key: PluralKey, count: number, params?: MessageParams) => string;
  formatDate: (value: string | Date, options?: Intl.DateTimeFormatOptions) => string;
  formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string;
}

export const I18nContext = createContext<I18n | null>(null);

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}

/** The translate function of the current locale. */
export function useT(): I18n['t'] {
  return useI18n().t;
}
