import type { IndicatorsResponse } from '@contracts/kindergarten-reporting';
import { Table, type TableColumn } from '../../ui/table';
import styles from './analytics.module.css';
import { formatNumber } from './format';
import type { AnalyticsMessages } from './messages';

type Row = IndicatorsResponse['municipalities'][number];

/** Municipalities with the indicators of the XLSX summary sheet; a name opens the municipality. */
export function MunicipalityTable({
  data,
  m,
  locale,
  onOpen,
}: {
  data: Pick<IndicatorsResponse, 'municipalities'>;
  m: AnalyticsMessages;
  locale: 'ru' | 'en';
  onOpen?: (id: number) => void;
}) {
  const n = (v: number | null, d = 0) => formatNumber(locale, v, d);
  const columns: TableColumn<Row>[] = [
    {
      id: 'name',
      header: m.municipality,
      rowHeader: true,
      cell: (r) => {
        const name = locale === 'en' && r.nameEn ? r.nameEn : r.nameRu;
        return onOpen ? (
          <button type="button" className={styles.linkButton} onClick={() => onOpen(r.municipalityId)}>
            {name}
          </button>
        ) : (
          name
        );
      },
    },
    { id: 'actual', header: m.actualDemand, align: 'end', cell: (r) => n(r.actualDemand) },
    { id: 'deferred', header: m.deferredDemand, align: 'end', cell: (r) => n(r.deferredDemand) },
    { id: 'placed', header: m.placed, align: 'end', cell: (r) => n(r.placed) },
    { id: 'availability', header: m.availability, align: 'end', cell: (r) => n(r.availability37, 2) },
    { id: 'free', header: m.freePlaces, align: 'end', cell: (r) => n(r.freePlaces) },
    { id: 'wait', header: m.waitingMedian, align: 'end', cell: (r) => n(r.waitingMedianDays, 1) },
  ];
  return (
    <Table
      caption={m.byMunicipality}
      captionHidden
      columns={columns}
      rows={data.municipalities}
      rowKey={(r) => r.municipalityId}
      stackOnMobile
    />
  );
}
