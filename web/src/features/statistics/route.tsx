import { useSearchState } from '../../app/search-state';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import styles from '../staff-analytics/analytics.module.css';
import { BandChart } from '../staff-analytics/band-chart';
import { Filters } from '../staff-analytics/filters';
import { IndicatorCards } from '../staff-analytics/indicator-cards';
import { messages } from '../staff-analytics/messages';
import { MunicipalityTable } from '../staff-analytics/municipality-table';
import {
  BAND_PRESETS,
  todayLocal,
  usePublicStatistics,
  type BandPreset,
} from '../staff-analytics/use-indicators';

/**
 * Статистика (/statistics): the public «objective statistics» — the same aggregates as the staff
 * dashboard and its exports (one API computes both), without kindergartens' lists or anything personal.
 */
export function Component() {
  const { locale } = useI18n();
  const m = messages[locale];
  const [params, setParams] = useSearchState();
  const ages = params.get('ages');
  const filter = {
    date: params.get('date') ?? todayLocal(),
    preset: (ages && ages in BAND_PRESETS ? ages : 'all') as BandPreset,
  };
  const stats = usePublicStatistics(filter);
  return (
    <>
      <PageHeader title={m.publicTitle} lead={m.publicLead} documentTitle={m.publicTitle} />
      <Filters
        m={m}
        date={filter.date}
        preset={filter.preset}
        onChange={(patch) =>
          setParams((prev) => {
            const next = new URLSearchParams(prev);
            for (const [k, v] of Object.entries(patch)) next.set(k, v);
            return next;
          })
        }
      />
      {stats.error && <ProblemAlert error={stats.error} />}
      {!stats.data && stats.isPending && <Spinner label={m.loading} />}
      {stats.data && (
        <>
          <IndicatorCards s={stats.data.region} m={m} locale={locale} />
          <div className={styles.grid}>
            <Card title={m.byAge} headingLevel={2}>
              <BandChart s={stats.data.region} m={m} locale={locale} />
            </Card>
          </div>
          <Card title={m.byMunicipality} headingLevel={2} className={styles.section}>
            <MunicipalityTable data={stats.data} m={m} locale={locale} />
          </Card>
        </>
      )}
    </>
  );
}
