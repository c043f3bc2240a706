import type { openDataRows } from './queries.js';

type Row = Awaited<ReturnType<typeof openDataRows>>[number];

/**
 * The catalog's open data (one row per group), published under /open-data/ as the kindergarten
 * catalog publishes its own: CSV (RFC 4180, UTF-8) and JSON with the same columns, and a data
 * dictionary naming each column, its type and meaning in Russian and English.
 */
export const CLUBS_DATASET_ID = 'clubs-groups';

interface Column {
  name: string;
  type: 'integer' | 'string' | 'date';
  ru: string;
  en: string;
  value: (r: Row) => string | number | null;
}

export const CLUBS_COLUMNS: Column[] = [
  {
    name: 'programme_id',
    type: 'integer',
    ru: 'Номер программы',
    en: 'Programme id',
    value: (r) => r.programme_id,
  },
  { name: 'title', type: 'string', ru: 'Название программы', en: 'Programme title', value: (r) => r.title },
  {
    name: 'direction',
    type: 'string',
    ru: 'Направленность (technical, natural_science, sports, arts, tourism, social)',
    en: 'Direction (one of six)',
    value: (r) => r.direction,
  },
  {
    name: 'specialisation',
    type: 'string',
    ru: 'Профиль',
    en: 'Specialisation',
    value: (r) => r.specialisation,
  },
  {
    name: 'level',
    type: 'string',
    ru: 'Уровень (starting, basic, advanced)',
    en: 'Level',
    value: (r) => r.level,
  },
  { name: 'age_min', type: 'integer', ru: 'Возраст от, лет', en: 'Age from, years', value: (r) => r.age_min },
  { name: 'age_max', type: 'integer', ru: 'Возраст до, лет', en: 'Age to, years', value: (r) => r.age_max },
  {
    name: 'format',
    type: 'string',
    ru: 'Форма (in_person, distance, mixed)',
    en: 'Format',
    value: (r) => r.format,
  },
  {
    name: 'ovz_types',
    type: 'string',
    ru: 'Адаптирована для детей с ОВЗ (через «;»)',
    en: 'Adapted for disabilities (";"-separated)',
    value: (r) => r.ovz_types.join(';'),
  },
  {
    name: 'organisation_id',
    type: 'integer',
    ru: 'Номер организации',
    en: 'Organisation id',
    value: (r) => r.organisation_id,
  },
  { name: 'organisation', type: 'string', ru: 'Организация', en: 'Organisation', value: (r) => r.short_name },
  {
    name: 'organisation_inn',
    type: 'string',
    ru: 'ИНН организации',
    en: 'Organisation INN',
    value: (r) => r.inn,
  },
  {
    name: 'municipality',
    type: 'string',
    ru: 'Муниципалитет',
    en: 'Municipality',
    value: (r) => r.municipality,
  },
  { name: 'group_id', type: 'integer', ru: 'Номер группы', en: 'Group id', value: (r) => r.group_id },
  { name: 'group', type: 'string', ru: 'Группа', en: 'Group', value: (r) => r.group_name },
  {
    name: 'financing',
    type: 'string',
    ru: 'Финансирование (budget, paid, certificate)',
    en: 'Financing',
    value: (r) => r.financing,
  },
  {
    name: 'monthly_price_rub',
    type: 'integer',
    ru: 'Стоимость в месяц, руб. (платные группы)',
    en: 'Monthly price, RUB (paid groups)',
    value: (r) => r.monthly_price,
  },
  {
    name: 'enrolment_opens_on',
    type: 'date',
    ru: 'Начало записи',
    en: 'Enrolment opens',
    value: (r) => r.enrolment_opens_on,
  },
  {
    name: 'enrolment_closes_on',
    type: 'date',
    ru: 'Окончание записи',
    en: 'Enrolment closes',
    value: (r) => r.enrolment_closes_on,
  },
  { name: 'starts_on', type: 'date', ru: 'Начало занятий', en: 'Lessons start', value: (r) => r.starts_on },
  { name: 'ends_on', type: 'date', ru: 'Окончание занятий', en: 'Lessons end', value: (r) => r.ends_on },
  {
    name: 'hours_per_year',
    type: 'integer',
    ru: 'Часов в год',
    en: 'Hours per year',
    value: (r) => r.hours_per_year,
  },
  { name: 'seats', type: 'integer', ru: 'Мест всего', en: 'Seats', value: (r) => r.seats },
  {
    name: 'free_seats',
    type: 'integer',
    ru: 'Свободных мест',
    en: 'Free seats',
    value: (r) => r.seats - r.seats_taken,
  },
];

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  // Formula-looking text is prefixed so a spreadsheet never runs it (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function clubsCsv(rows: Row[]): string {
  const lines = [CLUBS_COLUMNS.map((c) => c.name).join(',')];
  for (const r of rows) lines.push(CLUBS_COLUMNS.map((c) => cell(c.value(r))).join(','));
  return lines.join('\r\n') + '\r\n';
}

export function clubsJson(rows: Row[]) {
  return rows.map((r) => Object.fromEntries(CLUBS_COLUMNS.map((c) => [c.name, c.value(r)])));
}

export function clubsDictionary() {
  return {
    id: CLUBS_DATASET_ID,
    title: { ru: 'Кружки и секции: программы и группы', en: 'Clubs and sections: programmes and groups' },
    licence: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
    files: [`/open-data/${CLUBS_DATASET_ID}.csv`, `/open-data/${CLUBS_DATASET_ID}.json`],
    columns: CLUBS_COLUMNS.map(({ name, type, ru, en }) => ({ name, type, description: { ru, en } })),
  };
}
