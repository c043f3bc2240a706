import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { I18nContext, type I18n } from './i18n-context';
import type { Locale, Messages, MessageParams } from './messages';
import { pickPlural } from './plural';
import { ru } from './ru';

const CATALOGS: Record<Locale, Messages> = { ru, en };
const STORAGE_KEY = 'open-region.locale';
const INTL_LOCALE: Record<Locale, string> = { ru: 'ru-RU', en: 'en-GB' };

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'ru' || stored === 'en') return stored;
  } catch {
    // Storage may be unavailable (private mode, blocked cookies): fall back to Russian.
  }
  return 'ru';
}

function interpolate(message: string, params?: MessageParams): string {
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The current language of the interface: Russian by default, remembered in localStorage. */
export function getCurrentLocale(): Locale {
  return document.documentElement.lang === 'en' ? 'en' : 'ru';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(readStoredLocale);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted; the choice still applies to this visit.
    }
  }, []);

  const value = useMemo<I18n>(() => {
    const catalog = CATALOGS[locale];
    const intl = INTL_LOCALE[locale];
    return {
      locale,
      setLocale,
      t: (key, params) => interpolate(catalog[key], params),
      tn: (key, count, params) =>
        interpolate(pickPlural(intl, catalog[key], count), { count: count.toLocaleString(intl), ...params }),
      formatDate: (value, options = { dateStyle: 'long' }) =>
        // A calendar day ('YYYY-MM-DD') is midnight UTC to Date: show it in UTC, or a browser west of
        // Greenwich would print the day before.
        typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
          ? new Intl.DateTimeFormat(intl, { ...options, timeZone: 'UTC' }).format(new Date(value))
          : new Intl.DateTimeFormat(intl, options).format(
              typeof value === 'string' ? new Date(value) : value,
            ),
      formatNumber: (value, options) => new Intl.NumberFormat(intl, options).format(value),
    };
  }, [locale, setLocale]);

  return <I18nContext value={value}>{children}</I18nContext>;
}
