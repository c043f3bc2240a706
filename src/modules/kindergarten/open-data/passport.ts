import { toCsv } from './csv.js';
import type { OpenDataColumn, OpenDataDataset } from './dataset-registry.js';
import { LICENCE } from './index-page.js';

/**
 * The passport of an open-data set as the Russian open-data methodological recommendations,
 * version 3.0 (Минэкономразвития России, «Методические рекомендации по публикации открытых данных
 * государственными органами и органами местного самоуправления», версия 3.0) describe it, so a
 * regional portal harvests the set as it is:
 *
 *   /open-data/sets/list.csv                                  the register of sets (property,title,value,format)
 *   /open-data/sets/<id>/meta.csv                             the passport (property,value)
 *   /open-data/sets/<id>/structure-YYYYMMDD.csv               the structure (field name, descriptions, format)
 *   /open-data/sets/<id>/data-YYYYMMDD-structure-YYYYMMDD.csv the data of the day, in that structure
 *
 * The structure's date is the day its column list last changed: a new column means a new
 * structure file (and STRUCTURE_DATES gets the new day; passport.test.ts pins the columns).
 */
export const STANDARD_VERSION = 'http://opendata.gosmonitor.ru/standard/3.0';

/** The day each set's column list took its present form, YYYYMMDD. */
export const STRUCTURE_DATES: Record<string, string> = {
  kindergartens: '20261204',
  groups: '20261204',
  vacancies: '20261204',
};

/** The day the sets were first published, YYYYMMDD (the passport's «created»). */
export const CREATED = '20261204';

export const compactDay = (isoDay: string) => isoDay.replaceAll('-', '');

export const setPath = (id: string) => `/open-data/sets/${id}`;
export const structureFile = (structureDate: string) => `structure-${structureDate}.csv`;
export const dataFile = (day: string, structureDate: string) => `data-${day}-structure-${structureDate}.csv`;

export interface PassportInput {
  dataset: OpenDataDataset;
  /** The publisher's identifier prefix (its ИНН where it has one). */
  publisherCode: string;
  creator: string;
  /** Absolute site address, no trailing slash. */
  baseUrl: string;
  /** The day of the current data, YYYY-MM-DD. */
  day: string;
  structureDate: string;
}

const SUBJECT = 'Образование, Дошкольное образование, Детские сады';

export function passportCsv(p: PassportInput): string {
  const base = `${p.baseUrl}${setPath(p.dataset.id)}`;
  const day = compactDay(p.day);
  return toCsv(
    ['property', 'value'],
    [
      ['standardversion', STANDARD_VERSION],
      ['identifier', `${p.publisherCode}-${p.dataset.id}`],
      ['title', p.dataset.titleRu],
      ['description', p.dataset.descriptionRu],
      ['creator', p.creator],
      ['created', CREATED],
      ['modified', day],
      ['subject', SUBJECT],
      ['format', 'csv'],
      ['license', LICENCE.url],
      [`data-${day}-structure-${p.structureDate}`, `${base}/${dataFile(day, p.structureDate)}`],
      [`structure-${p.structureDate}`, `${base}/${structureFile(p.structureDate)}`],
    ],
  );
}

const FORMATS: Record<OpenDataColumn['type'], string> = {
  integer: 'integer',
  number: 'number',
  string: 'string',
  boolean: 'boolean',
  date: 'date (YYYY-MM-DD)',
};

/** The structure file: one row per column, in the header's order. */
export function structureCsv(columns: readonly OpenDataColumn[]): string {
  return toCsv(
    ['field name', 'english description', 'russian description', 'format'],
    columns.map((c) => [c.name, c.descriptionEn, c.descriptionRu, FORMATS[c.type]]),
  );
}

/** The register of sets: each set's identifier, title and passport address. */
export function listCsv(sets: readonly OpenDataDataset[], publisherCode: string, baseUrl: string): string {
  return toCsv(
    ['property', 'title', 'value', 'format'],
    sets.map((d) => [`${publisherCode}-${d.id}`, d.titleRu, `${baseUrl}${setPath(d.id)}/meta.csv`, 'csv']),
  );
}
