import { useI18n } from '../../i18n/i18n-context';
import type { Locale } from '../../i18n/messages';
import { messages } from './messages';

export const useMessages = () => messages[useI18n().locale];

/** A text in the reader's language: the English one when there is one and English is chosen. */
export function pick(locale: Locale, ru: string, en: string | null | undefined): string {
  return (locale === 'en' && en) || ru;
}
