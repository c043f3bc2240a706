import type { IndicatorsResponse, IndicatorSummary } from '../../../contracts/kindergarten-reporting.js';
import type { Column, ReportTable } from '../../../platform/files/spreadsheet-tables.js';
import { bandLabel } from './age-bands.js';

// The tables of a report as plain rows: the XLSX and the CSV are both written from these, and the
// dashboard shows the same fields, so a number in a file is the number on the screen.
export type { Column, ReportTable };

export const SUMMARY_COLUMNS: Column[] = [
  { key: 'area', title: 'Муниципальное образование' },
  { key: 'actualDemand', title: 'Актуальный спрос, чел.' },
  { key: 'deferredDemand', title: 'Отложенный спрос, чел.' },
  { key: 'directed', title: 'Направлены (выдано направление), чел.' },
  { key: 'enrolled', title: 'Зачислены (посещают ДОО), чел.' },
  { key: 'placed', title: 'Обеспечены местом, чел.' },
  { key: 'actualDemand37', title: 'Актуальный спрос 3–7 лет, чел.' },
  { key: 'placed37', title: 'Обеспечены местом 3–7 лет, чел.' },
  { key: 'availability37', title: 'Доступность ДО 3–7 лет, %', format: '0.00' },
  { key: 'capacity', title: 'Мощность (места в группах)' },
  { key: 'freePlaces', title: 'Свободные места' },
  { key: 'directions', title: 'Выдано направлений за период' },
  { key: 'waitingMeanDays', title: 'Среднее ожидание (постановка → направление), дн.', format: '0.0' },
  { key: 'waitingMedianDays', title: 'Медиана ожидания, дн.', format: '0.0' },
  { key: 'offersRefused', title: 'Отказы от предложенного места' },
  { key: 'serviceRefusals', title: 'Отказы в предоставлении услуги' },
  { key: 'noShows', title: 'Неявки по направлению' },
];

type Area = IndicatorSummary & { nameRu?: string };

function summaryRow(name: string, s: IndicatorSummary): (string | number | null)[] {
  return SUMMARY_COLUMNS.map((c) =>
    c.key === 'area' ? name : (s[c.key as keyof IndicatorSummary] as number | null),
  );
}

export function reportTables(r: IndicatorsResponse, regionName: string): ReportTable[] {
  const areas: [string, Area][] = [
    ...r.municipalities.map((m) => [m.nameRu, m] as [string, Area]),
    [`Итого: ${regionName}`, r.region],
  ];
  const focus = r.municipalities.length === 1 ? r.municipalities[0]! : r.region;
  const focusName = r.municipalities.length === 1 ? r.municipalities[0]!.nameRu : regionName;
  const tables: ReportTable[] = [
    {
      sheet: 'ФГИС ДДО',
      title: `Показатели ФГИС ДДО на ${r.day} (потоки за период ${r.periodFrom} — ${r.day})`,
      columns: SUMMARY_COLUMNS,
      rows: areas.map(([name, s]) => summaryRow(name, s)),
    },
    {
      sheet: 'Возраст',
      title: `${focusName}: численность детей по возрастным группам (полугодия 0–8 лет) на ${r.day}`,
      columns: [
        { key: 'band', title: 'Возрастная группа' },
        { key: 'actual', title: 'Актуальный спрос' },
        { key: 'deferred', title: 'Отложенный спрос' },
        { key: 'directed', title: 'Направлены' },
        { key: 'enrolled', title: 'Зачислены' },
        { key: 'placed', title: 'Обеспечены местом' },
      ],
      rows: focus.bands.map((b) => [
        bandLabel(b.band),
        b.actual,
        b.deferred,
        b.directed,
        b.enrolled,
        b.placed,
      ]),
    },
    {
      sheet: 'Льготы',
      title: `Очередь (актуальный + отложенный спрос) по категориям права на ${r.day}`,
      columns: [
        { key: 'area', title: 'Муниципальное образование' },
        { key: 'extraordinary', title: 'Внеочередное право' },
        { key: 'first', title: 'Первоочередное право' },
        { key: 'sibling', title: 'Преимущественное право' },
        { key: 'general', title: 'Общая очередь' },
      ],
      rows: areas.map(([name, s]) => [
        name,
        s.queueByClass.extraordinary,
        s.queueByClass.first,
        s.queueByClass.sibling,
        s.queueByClass.general,
      ]),
    },
    {
      sheet: 'Комплектование',
      title: `${focusName}: направления по волнам и по приоритету выбранного ДОО, ${r.periodFrom} — ${r.day}`,
      columns: [
        { key: 'what', title: 'Разрез' },
        { key: 'key', title: 'Значение' },
        { key: 'count', title: 'Направлений' },
      ],
      rows: [
        ...focus.placementsByWave.map((w) => ['Волна', w.wave, w.count]),
        ...focus.placementsByRank.map((p) => [
          'Приоритет ДОО',
          p.rank === null ? 'не из выбранных' : String(p.rank),
          p.count,
        ]),
      ],
    },
  ];
  if (r.kindergartens.length > 0)
    tables.push(
      form85Table(r.kindergartens, `${focusName}: форма 85-К (раздел «Мощность и численность»), на ${r.day}`),
    );
  return tables;
}

/** Form 85-К's capacity-and-children section: one row per kindergarten. */
export function form85Table(kindergartens: IndicatorsResponse['kindergartens'], title: string): ReportTable {
  return {
    sheet: '85-К',
    title,
    columns: [
      { key: 'code', title: 'Код ДОО' },
      { key: 'name', title: 'Наименование организации' },
      { key: 'capacity', title: 'Мощность, мест' },
      { key: 'enrolled', title: 'Численность воспитанников' },
      { key: 'directed', title: 'Направлены, не зачислены' },
      { key: 'freePlaces', title: 'Свободные места' },
    ],
    rows: kindergartens.map((k) => [k.code, k.nameRu, k.capacity, k.enrolled, k.directed, k.freePlaces]),
  };
}
