import type { CatalogSnapshot } from '../catalog/catalog-snapshot.js';
import type { CsvValue } from './csv.js';
import type { OpenDataColumn, OpenDataDataset } from './dataset-registry.js';

/**
 * The catalog's three datasets: kindergartens, groups and vacancies (free places by group on the day).
 * Column names are stable English snake_case; adding a column appends it, nothing is renamed.
 */
type Column = OpenDataColumn & { value: (row: Row) => CsvValue };
interface Row {
  s: CatalogSnapshot;
  k: CatalogSnapshot['kindergartens'][number];
  g?: CatalogSnapshot['kindergartens'][number]['groups'][number];
}

const col = (
  name: string,
  type: OpenDataColumn['type'],
  descriptionRu: string,
  descriptionEn: string,
  value: (row: Row) => CsvValue,
): Column => ({ name, type, descriptionRu, descriptionEn, value });

const municipalityCode = (r: Row) => r.s.municipalities.get(r.k.municipalityId)?.code ?? null;

const KINDERGARTEN_COLUMNS: Column[] = [
  col('kindergarten_id', 'integer', 'Идентификатор детского сада', 'Kindergarten id', (r) => r.k.id),
  col('code', 'string', 'Код детского сада', 'Kindergarten code', (r) => r.k.code),
  col('municipality_code', 'string', 'Код муниципалитета', 'Municipality code', municipalityCode),
  col('name', 'string', 'Полное наименование', 'Full name (Russian)', (r) => r.k.nameRu),
  col('address', 'string', 'Адрес', 'Address', (r) => r.k.address),
  col('lat', 'number', 'Широта (WGS 84)', 'Latitude (WGS 84)', (r) => r.k.lat),
  col('lon', 'number', 'Долгота (WGS 84)', 'Longitude (WGS 84)', (r) => r.k.lon),
  col(
    'status',
    'string',
    'Статус: operating, under_construction, planned',
    'Status: operating, under_construction, planned',
    (r) => r.k.status,
  ),
  col(
    'opening_date',
    'date',
    'Дата открытия (для строящихся)',
    'Opening date (for ones being built)',
    (r) => r.k.openingDate,
  ),
  col('planned_capacity', 'integer', 'Проектная мощность', 'Planned capacity', (r) => r.k.plannedCapacity),
  col('phone', 'string', 'Телефон', 'Phone', (r) => r.k.phone),
  col('email', 'string', 'Электронная почта', 'E-mail', (r) => r.k.email),
  col('website', 'string', 'Сайт', 'Website', (r) => r.k.website),
  col('head_name', 'string', 'Заведующий', 'Head', (r) => r.k.headName),
  col('working_hours', 'string', 'Режим работы', 'Working hours', (r) => r.k.workingHours),
  col(
    'accessible',
    'boolean',
    'Доступная среда для детей с ОВЗ',
    'Accessible for children with disabilities',
    (r) => r.k.accessible,
  ),
  col('languages', 'string', 'Языки обучения через «;»', 'Languages of education, separated by ";"', (r) =>
    r.k.languages.join(';'),
  ),
  col('groups', 'integer', 'Число групп', 'Number of groups', (r) => r.k.groups.length),
  col('capacity', 'integer', 'Мест в открытых группах', 'Places in open groups', (r) => r.k.capacity),
  col('enrolled', 'integer', 'Зачислено детей', 'Children attending', (r) => r.k.enrolled),
  col('free_places', 'integer', 'Свободных мест', 'Free places', (r) => r.k.freePlaces),
  col(
    'applicants_first_choice',
    'integer',
    'Заявлений в очереди, где сад выбран первым',
    'Waiting applications naming it first',
    (r) => r.k.applicantsFirst,
  ),
  col(
    'applicants_any_choice',
    'integer',
    'Заявлений в очереди, где сад выбран',
    'Waiting applications naming it at all',
    (r) => r.k.applicantsAny,
  ),
];

const GROUP_COLUMNS: Column[] = [
  col('group_id', 'integer', 'Идентификатор группы', 'Group id', (r) => r.g!.id),
  col('kindergarten_id', 'integer', 'Идентификатор детского сада', 'Kindergarten id', (r) => r.k.id),
  col('municipality_code', 'string', 'Код муниципалитета', 'Municipality code', municipalityCode),
  col('name', 'string', 'Название группы', 'Group name', (r) => r.g!.name),
  col(
    'age_from',
    'integer',
    'Возраст от (полных лет, включительно)',
    'Age from (full years, inclusive)',
    (r) => r.g!.ageFrom,
  ),
  col(
    'age_to',
    'integer',
    'Возраст до (полных лет, не включая)',
    'Age to (full years, exclusive)',
    (r) => r.g!.ageTo,
  ),
  col(
    'orientation',
    'string',
    'Направленность: general, compensating, health, combined',
    'Orientation: general, compensating, health, combined',
    (r) => r.g!.orientation,
  ),
  col(
    'stay_mode',
    'string',
    'Режим пребывания: short, reduced, full, extended, round_the_clock',
    'Stay mode: short, reduced, full, extended, round_the_clock',
    (r) => r.g!.stayMode,
  ),
  col('language', 'string', 'Язык обучения', 'Language of education', (r) => r.g!.language),
  col('is_open', 'boolean', 'Группа открыта', 'Group is open', (r) => r.g!.isOpen),
  col('capacity', 'integer', 'Мест', 'Places', (r) => r.g!.capacity),
];

const VACANCY_COLUMNS: Column[] = [
  col('date', 'date', 'Дата, на которую даны сведения', 'Day the figures are for', (r) => r.s.day),
  col('group_id', 'integer', 'Идентификатор группы', 'Group id', (r) => r.g!.id),
  col('kindergarten_id', 'integer', 'Идентификатор детского сада', 'Kindergarten id', (r) => r.k.id),
  col('municipality_code', 'string', 'Код муниципалитета', 'Municipality code', municipalityCode),
  col('age_from', 'integer', 'Возраст от (полных лет)', 'Age from (full years)', (r) => r.g!.ageFrom),
  col('age_to', 'integer', 'Возраст до (не включая)', 'Age to (exclusive)', (r) => r.g!.ageTo),
  col('capacity', 'integer', 'Мест', 'Places', (r) => r.g!.capacity),
  col('enrolled', 'integer', 'Зачислено', 'Attending', (r) => r.g!.enrolled),
  col(
    'free_places',
    'integer',
    'Свободных мест = мест − зачислено (не меньше 0)',
    'Free places = capacity − attending (at least 0)',
    (r) => r.g!.freePlaces,
  ),
  col(
    'applicants_first_choice',
    'integer',
    'Заявлений этого возраста, где сад выбран первым',
    'Applications of this age naming the kindergarten first',
    (r) => r.g!.applicantsFirst,
  ),
  col(
    'applicants_any_choice',
    'integer',
    'Заявлений этого возраста, где сад выбран',
    'Applications of this age naming it at all',
    (r) => r.g!.applicantsAny,
  ),
];

export interface CatalogDataset {
  meta: OpenDataDataset;
  columns: Column[];
  rows: (s: CatalogSnapshot) => Row[];
}

const published = (s: CatalogSnapshot) => s.kindergartens.filter((k) => k.status !== 'closed');
const groupRows = (s: CatalogSnapshot, openOnly: boolean) =>
  published(s).flatMap((k) => k.groups.filter((g) => !openOnly || g.isOpen).map((g) => ({ s, k, g })));

const meta = (
  id: string,
  titleRu: string,
  titleEn: string,
  descriptionRu: string,
  descriptionEn: string,
  columns: Column[],
): OpenDataDataset => ({
  id,
  titleRu,
  titleEn,
  descriptionRu,
  descriptionEn,
  files: [
    { path: `/open-data/${id}.csv`, format: 'csv' },
    { path: `/open-data/${id}.json`, format: 'json' },
  ],
  updated: 'daily',
  columns: columns.map(({ name, type, descriptionRu, descriptionEn }) => ({
    name,
    type,
    descriptionRu,
    descriptionEn,
  })),
});

export const CATALOG_DATASETS: CatalogDataset[] = [
  {
    meta: meta(
      'kindergartens',
      'Детские сады',
      'Kindergartens',
      'Действующие, строящиеся и планируемые детские сады с контактами, местами и спросом.',
      'Operating, under construction and planned kindergartens with contacts, places and demand.',
      KINDERGARTEN_COLUMNS,
    ),
    columns: KINDERGARTEN_COLUMNS,
    rows: (s) => published(s).map((k) => ({ s, k })),
  },
  {
    meta: meta(
      'groups',
      'Группы детских садов',
      'Kindergarten groups',
      'Группы: возраст, направленность, режим пребывания, язык, число мест.',
      'Groups: age range, orientation, stay mode, language, places.',
      GROUP_COLUMNS,
    ),
    columns: GROUP_COLUMNS,
    rows: (s) => groupRows(s, false),
  },
  {
    meta: meta(
      'vacancies',
      'Свободные места',
      'Vacancies',
      'Свободные места и заявления по открытым группам на дату выгрузки.',
      'Free places and applications by open group on the day of the file.',
      VACANCY_COLUMNS,
    ),
    columns: VACANCY_COLUMNS,
    rows: (s) => groupRows(s, true),
  },
];

/** Vacancies on any past day, rebuilt from history; same column names as `vacancies` where they overlap. */
export const VACANCIES_BY_DATE = {
  meta: {
    id: 'vacancies-by-date',
    titleRu: 'Свободные места на любую дату',
    titleEn: 'Vacancies on any day',
    descriptionRu:
      'Места и зачисленные по группам на прошедшую дату, из истории изменений (ничего не перезаписывается). Адрес: /open-data/vacancies/ГГГГ-ММ-ДД.csv или .json.',
    descriptionEn:
      'Places and children attending by group on a past day, from the change history. Path: /open-data/vacancies/YYYY-MM-DD.csv or .json.',
    files: [
      { path: '/open-data/vacancies/{date}.csv', format: 'csv' },
      { path: '/open-data/vacancies/{date}.json', format: 'json' },
    ],
    updated: 'daily',
    columns: [
      VACANCY_COLUMNS[0]!,
      VACANCY_COLUMNS[1]!,
      VACANCY_COLUMNS[2]!,
      VACANCY_COLUMNS[3]!,
      VACANCY_COLUMNS[4]!,
      VACANCY_COLUMNS[5]!,
      VACANCY_COLUMNS[6]!,
      VACANCY_COLUMNS[7]!,
      VACANCY_COLUMNS[8]!,
    ].map(({ name, type, descriptionRu, descriptionEn }) => ({ name, type, descriptionRu, descriptionEn })),
  } satisfies OpenDataDataset,
};
