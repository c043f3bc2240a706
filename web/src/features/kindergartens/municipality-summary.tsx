import type { MunicipalitySummary } from '@contracts/kindergarten-catalog';
import { useI18n } from '../../i18n/i18n-context';
import { Badge } from '../../ui/badge';
import { Spinner } from '../../ui/spinner';
import { Table, type TableColumn } from '../../ui/table';
import { useMunicipalitySummary } from './catalog-api';
import { messages } from './messages';

const tone = { low: 'success', medium: 'warning', high: 'danger' } as const;

/** Summary by municipality: capacity, free places, applicants and the pressure colour. */
export function MunicipalitySummaryTable() {
  const { locale } = useI18n();
  const m = messages[locale];
  const query = useMunicipalitySummary();
  if (!query.data) return <Spinner label={m.summaryTitle} />;
  const columns: TableColumn<MunicipalitySummary>[] = [
    {
      id: 'name',
      header: m.municipality,
      rowHeader: true,
      cell: (r) => (locale === 'en' ? r.nameEn : r.nameRu),
    },
    { id: 'kgs', header: m.kindergartens, align: 'end', cell: (r) => r.kindergartens },
    { id: 'building', header: m.building, align: 'end', cell: (r) => r.underConstruction },
    { id: 'capacity', header: m.capacity, align: 'end', cell: (r) => r.capacity.toLocaleString(locale) },
    { id: 'enrolled', header: m.enrolled, align: 'end', cell: (r) => r.enrolled.toLocaleString(locale) },
    { id: 'free', header: m.freePlaces, align: 'end', cell: (r) => r.freePlaces.toLocaleString(locale) },
    {
      id: 'applicants',
      header: m.applicants,
      align: 'end',
      cell: (r) => r.applicants.toLocaleString(locale),
    },
    {
      id: 'pressure',
      header: m.pressure,
      cell: (r) => (
        <Badge tone={tone[r.pressureLevel]}>
          {r.pressure === null ? '∞' : r.pressure.toLocaleString(locale)} ·{' '}
          {m.pressureLevels[r.pressureLevel]}
        </Badge>
      ),
    },
    {
      id: 'ages',
      header: m.byAge,
      cell: (r) =>
        r.byAge
          .filter((a) => a.capacity > 0 || a.applicants > 0)
          .map((a) => `${a.age}: ${a.freePlaces}/${a.applicants}`)
          .join(', '),
    },
  ];
  return (
    <>
      <p>{m.summaryLead}</p>
      <Table
        caption={m.summaryTitle}
        columns={columns}
        rows={query.data.items}
        rowKey={(r) => r.municipalityId}
        stackOnMobile
      />
    </>
  );
}
