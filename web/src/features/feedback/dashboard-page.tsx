import type { FeedbackDashboard } from '@contracts/feedback';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { Table, type TableColumn } from '../../ui/table';
import { TextField } from '../../ui/text-field';
import { useRegion } from '../region/region';
import styles from './feedback.module.css';
import { fill, messages } from './messages';

const DAY = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
type Figures = Omit<FeedbackDashboard['byMonth'][number], 'month'>;

/** One view of the dashboard: a heading and its table (stacked into cards on a phone). */
function TableSection<Row>({
  id,
  title,
  empty,
  ...table
}: {
  id: string;
  title: string;
  empty: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  columns: readonly TableColumn<Row>[];
}) {
  return (
    <section aria-labelledby={id} className={styles.stack}>
      <h2 id={id}>{title}</h2>
      <Table caption={title} captionHidden stackOnMobile empty={empty} {...table} />
    </section>
  );
}

/** /staff/feedback/dashboard: the ЦУР's view of the appeals the caller covers, with the XLSX of it. */
export function DashboardPage() {
  const { locale, formatNumber, formatDate } = useI18n();
  const m = messages[locale];
  const { region } = useRegion();
  const [params, setParams] = useSearchParams();
  const to = params.get('to') ?? isoDay(new Date());
  const from = params.get('from') ?? isoDay(new Date(Date.now() - 89 * DAY));
  const municipalityId = params.get('municipalityId') ?? '';
  const query = new URLSearchParams({ from, to, ...(municipalityId ? { municipalityId } : {}) });
  const dashboard = useQuery({
    queryKey: ['feedback', 'staff', 'dashboard', query.toString()],
    queryFn: ({ signal }) => api.get<FeedbackDashboard>(`/api/staff/feedback/dashboard?${query}`, signal),
    placeholderData: (previous) => previous,
  });
  const set = (name: string, value: string) =>
    setParams((p) => {
      const next = new URLSearchParams(p);
      if (value) next.set(name, value);
      else next.delete(name);
      return next;
    });
  const n = (v: number | null, digits = 0) =>
    v === null ? '—' : formatNumber(v, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const figureColumns = <Row extends Figures>(): TableColumn<Row>[] => [
    { id: 'registered', header: m.dRegistered, align: 'end', cell: (r: Row) => n(r.registered) },
    { id: 'answered', header: m.dAnswered, align: 'end', cell: (r: Row) => n(r.answered) },
    { id: 'overdue', header: m.dOverdue, align: 'end', cell: (r: Row) => n(r.overdue) },
    {
      id: 'mean',
      header: m.dMeanDays,
      align: 'end',
      cell: (r: Row) => n(r.meanDaysToAnswer, 1),
    },
    { id: 'p90', header: m.dP90Days, align: 'end', cell: (r: Row) => n(r.p90DaysToAnswer, 1) },
    { id: 'rating', header: m.dRating, align: 'end', cell: (r: Row) => n(r.meanRating, 2) },
  ];
  const d = dashboard.data;
  const max = Math.max(1, ...(d?.byMonth.map((r) => r.registered) ?? []));
  const monthName = (month: string) => formatDate(`${month}-01`, { month: 'long', year: 'numeric' });
  return (
    <div className={styles.page}>
      <PageHeader
        title={m.dTitle}
        lead={m.dLead}
        actions={
          <a className={styles.download} href={`/api/staff/feedback/dashboard.xlsx?${query}`} download>
            {m.dXlsx}
          </a>
        }
      />
      <div className={styles.filters}>
        <TextField
          label={m.dFrom}
          type="date"
          value={from}
          max={to}
          onChange={(e) => set('from', e.target.value)}
        />
        <TextField
          label={m.dTo}
          type="date"
          value={to}
          min={from}
          onChange={(e) => set('to', e.target.value)}
        />
        <Select
          label={m.dMunicipality}
          value={municipalityId}
          onChange={(e) => set('municipalityId', e.target.value)}
          options={[
            { value: '', label: m.dAllMunicipalities },
            ...(region?.municipalities ?? []).map((mu) => ({
              value: String(mu.id),
              label: locale === 'en' ? mu.nameEn : mu.nameRu,
            })),
          ]}
        />
      </div>
      {dashboard.isPending && <Spinner label={m.loading} />}
      {dashboard.isError && <ProblemAlert error={dashboard.error} />}
      {d && (
        <>
          <ul className={styles.stats} aria-label={m.dSummary}>
            {(
              [
                [m.dRegistered, n(d.total.registered)],
                [m.dAnswered, n(d.total.answered)],
                [m.dOpenNow, n(d.now.open)],
                [m.dOverdueNow, n(d.now.overdue)],
                [m.dDueSoon, n(d.now.dueSoon)],
                [m.dMeanDays, n(d.total.meanDaysToAnswer, 1)],
                [m.dP90Days, n(d.total.p90DaysToAnswer, 1)],
                [m.dRating, n(d.total.meanRating, 2)],
              ] as const
            ).map(([label, value]) => (
              <li key={label} className={styles.stat}>
                <span className={styles.statValue}>{value}</span>
                <span className={styles.muted}>{label}</span>
              </li>
            ))}
          </ul>
          <p className={styles.muted}>
            {fill(m.dRatings, {
              rated: n(d.total.rated),
              ratings: d.total.ratings.map((c, i) => `${i + 1}: ${n(c)}`).join(' · '),
            })}
          </p>
          <TableSection
            id="d-months"
            title={m.dByMonth}
            empty={m.topicsEmpty}
            rows={d.byMonth}
            rowKey={(r) => r.month}
            columns={[
              {
                id: 'month',
                header: m.dMonth,
                rowHeader: true,
                cell: (r) => (
                  <span className={styles.row}>
                    {monthName(r.month)}
                    <span
                      className={styles.bar}
                      style={{ width: `${(5 * r.registered) / max}rem` }}
                      aria-hidden="true"
                    />
                  </span>
                ),
              },
              ...figureColumns(),
            ]}
          />
          <TableSection
            id="d-municipalities"
            title={m.dByMunicipality}
            empty={m.topicsEmpty}
            rows={d.byMunicipality}
            rowKey={(r) => String(r.municipalityId)}
            columns={[
              {
                id: 'name',
                header: m.dMunicipality,
                rowHeader: true,
                cell: (r) => (locale === 'en' ? r.nameEn : r.nameRu),
              },
              ...figureColumns(),
              {
                id: 'perPupils',
                header: m.dPerPupils,
                align: 'end',
                cell: (r) => n(r.perThousandPupils, 2),
              },
            ]}
          />
          <TableSection
            id="d-topics"
            title={m.dByTopic}
            empty={m.topicsEmpty}
            rows={d.byCategory}
            rowKey={(r) => r.categoryCode}
            columns={[
              {
                id: 'topic',
                header: m.topic,
                rowHeader: true,
                cell: (r) => (locale === 'en' ? r.titleEn : r.titleRu),
              },
              {
                id: 'share',
                header: m.share,
                align: 'end',
                cell: (r) => formatNumber(r.share, { style: 'percent', maximumFractionDigits: 1 }),
              },
              ...figureColumns(),
            ]}
          />
          <TableSection
            id="d-organisations"
            title={m.dByOrganisation}
            empty={m.topicsEmpty}
            rows={d.byOrganisation}
            rowKey={(r) => r.organisationId}
            columns={[
              { id: 'name', header: m.columnOrganisation, rowHeader: true, cell: (r) => r.name },
              ...figureColumns(),
              {
                id: 'perPupils',
                header: m.dPerPupils,
                align: 'end',
                cell: (r) => n(r.perThousandPupils, 2),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
