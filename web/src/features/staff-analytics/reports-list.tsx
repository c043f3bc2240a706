import { Card } from '../../ui/card';
import { Table } from '../../ui/table';
import styles from './analytics.module.css';
import type { AnalyticsMessages } from './messages';
import { useReports } from './use-indicators';

/** Monthly report files made by the scheduled job, to download later. */
export function ReportsList({ m }: { m: AnalyticsMessages }) {
  const reports = useReports();
  return (
    <Card title={m.reports} headingLevel={2} className={styles.section}>
      <Table
        caption={m.reports}
        captionHidden
        columns={[
          {
            id: 'day',
            header: m.reportDay,
            rowHeader: true,
            cell: (r: { id: number; reportDay: string; fileName: string }) => r.reportDay,
          },
          {
            id: 'file',
            header: m.download,
            cell: (r) => (
              <a href={`/api/reporting/reports/${r.id}`} download>
                {r.fileName}
              </a>
            ),
          },
        ]}
        rows={reports.data?.items ?? []}
        rowKey={(r) => r.id}
        empty={m.reportsEmpty}
      />
    </Card>
  );
}
