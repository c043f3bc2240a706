import type { FeedbackDashboard } from '../../../contracts/feedback.js';
import type { Column, ReportTable } from '../../../platform/files/spreadsheet-tables.js';

const FIGURE_COLUMNS: Column[] = [
  { key: 'registered', title: 'Зарегистрировано' },
  { key: 'answered', title: 'Дан ответ' },
  { key: 'overdue', title: 'Просрочено (открыты, срок истёк)' },
  { key: 'meanDays', title: 'Среднее время ответа, дн.', format: '0.0' },
  { key: 'p90Days', title: '90-й процентиль времени ответа, дн.', format: '0.0' },
  { key: 'meanRating', title: 'Средняя оценка ответа', format: '0.00' },
];

type Figures = FeedbackDashboard['byMonth'][number];
const figureCells = (r: Omit<Figures, 'month'>) => [
  r.registered,
  r.answered,
  r.overdue,
  r.meanDaysToAnswer,
  r.p90DaysToAnswer,
  r.meanRating,
];

/** The dashboard as the tables its XLSX holds: the same fields the screen shows. */
export function dashboardTables(d: FeedbackDashboard): ReportTable[] {
  const period = `${d.from} — ${d.to}`;
  return [
    {
      sheet: 'Итоги',
      title: `Обращения граждан за ${period} (на ${d.today})`,
      columns: [
        { key: 'name', title: 'Показатель' },
        { key: 'value', title: 'Значение', format: '0.##' },
      ],
      rows: [
        ['Зарегистрировано за период', d.total.registered],
        ['Дан ответ', d.total.answered],
        ['Просрочено из зарегистрированных за период', d.total.overdue],
        ['Среднее время ответа, дн.', d.total.meanDaysToAnswer],
        ['90-й процентиль времени ответа, дн.', d.total.p90DaysToAnswer],
        ['Средняя оценка ответа', d.total.meanRating],
        ['Оценено ответов', d.total.rated],
        ...d.total.ratings.map((n, i): [string, number] => [`Оценка ${i + 1}`, n]),
        ['Открыто сейчас', d.now.open],
        ['Просрочено сейчас', d.now.overdue],
        ['Срок истекает в ближайшие 3 дня', d.now.dueSoon],
      ],
    },
    {
      sheet: 'По месяцам',
      title: `По месяцам регистрации, ${period}`,
      columns: [{ key: 'name', title: 'Месяц' }, ...FIGURE_COLUMNS],
      rows: d.byMonth.map((r) => [r.month, ...figureCells(r)]),
    },
    {
      sheet: 'По муниципалитетам',
      title: `По муниципальным образованиям, ${period}`,
      columns: [
        { key: 'name', title: 'Муниципальное образование' },
        ...FIGURE_COLUMNS,
        { key: 'pupils', title: 'Школьников' },
        { key: 'perPupils', title: 'Обращений на 1 000 школьников', format: '0.00' },
        { key: 'perResidents', title: 'Обращений на 1 000 жителей', format: '0.00' },
      ],
      rows: d.byMunicipality.map((r) => [
        r.nameRu,
        ...figureCells(r),
        r.pupils,
        r.perThousandPupils,
        r.perThousandResidents,
      ]),
    },
    {
      sheet: 'По темам',
      title: `Самые частые темы, ${period}`,
      columns: [
        { key: 'name', title: 'Тема' },
        ...FIGURE_COLUMNS,
        { key: 'share', title: 'Доля обращений', format: '0.0%' },
      ],
      rows: d.byCategory.map((r) => [r.titleRu, ...figureCells(r), r.share]),
    },
    {
      sheet: 'По организациям',
      title: `Организации с наибольшим числом обращений, ${period}`,
      columns: [
        { key: 'name', title: 'Организация' },
        ...FIGURE_COLUMNS,
        { key: 'pupils', title: 'Учеников' },
        { key: 'perPupils', title: 'Обращений на 1 000 учеников', format: '0.00' },
      ],
      rows: d.byOrganisation.map((r) => [r.name, ...figureCells(r), r.pupils, r.perThousandPupils]),
    },
  ];
}
