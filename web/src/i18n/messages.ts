import type { PluralForms } from './plural';
import type { ru } from './ru';

type Catalog = typeof ru;

/** Every locale's catalog has exactly the keys of the Russian one; plural messages stay plural. */
export type Messages = { [K in keyof Catalog]: Catalog[K] extends string ? string : PluralForms };

export type MessageKey = { [K in keyof Catalog]: Catalog[K] extends string ? K : never }[keyof Catalog];
export type PluralKey = Exclude<keyof Catalog, MessageKey>;

export type Locale = 'ru' | 'en';
export const LOCALES: readonly Locale[] = ['ru', 'en'];

export type MessageParams = Record<string, string | number>;
