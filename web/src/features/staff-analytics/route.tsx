import type { IndicatorsResponse } from '@contracts/kindergarten-reporting';
import { useCallback, useMemo } from 'react';
import { useSearchState } from '../../app/search-state';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { Table } from '../../ui/table';
import { useRegion } from '../region/region';
import styles from './analytics.module.css';
import { BandChart } from './band-chart';
import { EChart } from './echart';
import { Filters } from './filters';
import { ForecastPanel } from './forecast-panel';
import { formatNumber, rankLabel } from './format';
import { IndicatorCards } from './indicator-cards';
import { messages, type AnalyticsMessages } from './messages';
import { MunicipalityTable } from './municipality-table';
import { ReportsList } from './reports-list';
import {
  BAND_PRESETS,
  indicatorParams,
  todayLocal,
  useIndicators,
  useSeries,
  type BandPreset,
  type IndicatorFilter,
} from './use-indicators';

/** Аналитика (/staff/analytics): region → municipality → kindergarten, with exports and the forecast. */
export function Component() {
  const { locale } = useI18n();
  const m = messages[locale];
  const { region } = useRegion();
  const [params, setParams] = useSearchState();
  const filter: IndicatorFilter = {
    date: params.get('date') ?? todayLocal(),
    preset:
      (params.get('ages') as BandPreset | null) && params.get('ages')! in BAND_PRESETS
        ? (params.get('ages') as BandPreset)
        : 'all',
    municipalityId: params.get('m') ? Number(params.get('m')) : undefined,
  };
  const set = useCallback(
    (patch: Record<string, string | null>, options?: { push?: boolean }) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(patch))
          if (v === null) next.delete(k);
          else next.set(k, v);
        return next;
      }, options),
    [setParams],
  );
  // Going into a municipality and back out are steps of the browser's history; filter changes are not.
  const open = useCallback((id: number) => set({ m: String(id) }, { push: true }), [set]);
  const indicators = useIndicators(filter);
  const regionWide = useIndicators({ ...filter, municipalityId: undefined });
  const series = useSeries(filter);
  const data = indicators.data;
  const focus = data ? (filter.municipalityId ? data.municipalities[0] : data.region) : undefined;
  const focusName =
    filter.municipalityId && data?.municipalities[0]
      ? locale === 'en' && data.municipalities[0].nameEn
        ? data.municipalities[0].nameEn
        : data.municipalities[0].nameRu
      : m.region;
  const muniList = useMemo(
    () =>
      (region?.municipalities ?? []).map((x) => ({
        id: x.id,
        name: locale === 'en' ? (x.nameEn ?? x.nameRu) : x.nameRu,
        lat: x.centerLat,
        lon: x.centerLon,
      })),
    [region, locale],
  );
  const qs = indicatorParams(filter);

  return (
    <>
      <PageHeader title={m.title} lead={m.lead} documentTitle={m.title} />
      <Filters m={m} date={filter.date} preset={filter.preset} onChange={(p) => set(p)} />
      <nav className={styles.breadcrumb} aria-label={m.municipality}>
        {filter.municipalityId ? (
          <>
            <button
              type="button"
              className={styles.linkButton}
              onClick={() => set({ m: null }, { push: true })}
            >
              {m.backToRegion}
            </button>
            <span aria-hidden="true">›</span>
            <strong data-testid="focus-name">{focusName}</strong>
          </>
        ) : (
          <strong data-testid="focus-name">{m.region}</strong>
        )}
      </nav>
      {indicators.error && <ProblemAlert error={indicators.error} />}
      {!data && indicators.isPending && <Spinner label={m.loading} />}
      {data && focus && (
        <>
          <IndicatorCards s={focus} m={m} locale={locale} />
          <div className={styles.actions} style={{ marginBlockEnd: 'var(--s-6)' }}>
            <a
              className={styles.linkButton}
              href={`/api/reporting/indicators.xlsx?${qs}`}
              download
              data-testid="download-xlsx"
            >
              {m.downloadXlsx}
            </a>
            <a className={styles.linkButton} href={`/api/reporting/indicators.csv?${qs}`} download>
              {m.downloadCsv}
            </a>
          </div>
          <div className={styles.grid}>
            {!filter.municipalityId && regionWide.data && (
              <Card title={m.byMunicipality} headingLevel={2}>
                <p className={styles.muted}>{m.byMunicipalityHint}</p>
                <MunicipalityChart data={regionWide.data} m={m} locale={locale} onOpen={open} />
              </Card>
            )}
            <Card title={m.byAge} headingLevel={2}>
              <BandChart s={focus} m={m} locale={locale} />
            </Card>
            <Card title={m.timeSeries} headingLevel={2}>
              {series.data ? (
                <EChart
                  label={m.timeSeries}
                  height={300}
                  option={{
                    tooltip: { trigger: 'axis' },
                    legend: { bottom: 0 },
                    grid: { left: 56, right: 12, top: 12, bottom: 48 },
                    xAxis: { type: 'category', data: series.data.points.map((p) => p.day) },
                    yAxis: { type: 'value' },
                    series: [
                      {
                        name: m.actualDemand,
                        type: 'line',
                        data: series.data.points.map((p) => p.actualDemand),
                        color: '#d9480f',
                      },
                      {
                        name: m.deferredDemand,
                        type: 'line',
                        data: series.data.points.map((p) => p.deferredDemand),
                        color: '#f59f00',
                      },
                      {
                        name: m.placed,
                        type: 'line',
                        data: series.data.points.map((p) => p.placed),
                        color: '#2b8a3e',
                      },
                    ],
                  }}
                />
              ) : (
                <Spinner label={m.loading} />
              )}
            </Card>
            <Card title={m.queueByClass} headingLevel={2}>
              <Table
                caption={m.queueByClass}
                captionHidden
                columns={[
                  { id: 'cls', header: m.category, rowHeader: true, cell: (r: [string, number]) => r[0] },
                  { id: 'n', header: m.count, align: 'end', cell: (r) => formatNumber(locale, r[1]) },
                ]}
                rows={[
                  [m.extraordinary, focus.queueByClass.extraordinary],
                  [m.first, focus.queueByClass.first],
                  [m.sibling, focus.queueByClass.sibling],
                  [m.general, focus.queueByClass.general],
                ]}
                rowKey={(r) => r[0]}
              />
              <h3>{m.ranks}</h3>
              <Table
                caption={m.ranks}
                captionHidden
                columns={[
                  {
                    id: 'rank',
                    header: m.rank,
                    rowHeader: true,
                    cell: (r: { rank: number | null; count: number }) => rankLabel(m, r.rank),
                  },
                  { id: 'n', header: m.count, align: 'end', cell: (r) => formatNumber(locale, r.count) },
                ]}
                rows={focus.placementsByRank}
                rowKey={(r) => String(r.rank)}
                empty={m.noData}
              />
              <p className={styles.muted}>
                {m.offersRefused}: {formatNumber(locale, focus.offersRefused)} · {m.serviceRefusals}:{' '}
                {formatNumber(locale, focus.serviceRefusals)} · {m.noShows}:{' '}
                {formatNumber(locale, focus.noShows)}
              </p>
            </Card>
          </div>
          {!filter.municipalityId && (
            <Card title={m.byMunicipality} headingLevel={2} className={styles.section}>
              <MunicipalityTable data={data} m={m} locale={locale} onOpen={open} />
            </Card>
          )}
          {filter.municipalityId && (
            <Card title={m.kindergartens} headingLevel={2} className={styles.section}>
              <Table
                caption={m.kindergartens}
                captionHidden
                stackOnMobile
                columns={[
                  {
                    id: 'name',
                    header: m.kindergarten,
                    rowHeader: true,
                    cell: (k: IndicatorsResponse['kindergartens'][number]) =>
                      locale === 'en' && k.nameEn ? k.nameEn : k.nameRu,
                  },
                  {
                    id: 'capacity',
                    header: m.capacity,
                    align: 'end',
                    cell: (k) => formatNumber(locale, k.capacity),
                  },
                  {
                    id: 'enrolled',
                    header: m.enrolled,
                    align: 'end',
                    cell: (k) => formatNumber(locale, k.enrolled),
                  },
                  {
                    id: 'directed',
                    header: m.directed,
                    align: 'end',
                    cell: (k) => formatNumber(locale, k.directed),
                  },
                  {
                    id: 'free',
                    header: m.freePlaces,
                    align: 'end',
                    cell: (k) => formatNumber(locale, k.freePlaces),
                  },
                ]}
                rows={data.kindergartens}
                rowKey={(k) => k.kindergartenId}
                empty={m.noData}
              />
            </Card>
          )}
        </>
      )}
      <div className={styles.section}>
        <ForecastPanel
          m={m}
          locale={locale}
          municipalityId={filter.municipalityId}
          municipalities={muniList}
          tileUrl={region?.tileUrl ?? ''}
          onOpen={open}
        />
      </div>
      <ReportsList m={m} />
    </>
  );
}

function MunicipalityChart({
  data,
  m,
  locale,
  onOpen,
}: {
  data: IndicatorsResponse;
  m: AnalyticsMessages;
  locale: 'ru' | 'en';
  onOpen: (id: number) => void;
}) {
  const rows = data.municipalities;
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 12, top: 12, bottom: 48, containLabel: true },
      yAxis: {
        type: 'category',
        data: rows.map((r) => (locale === 'en' && r.nameEn ? r.nameEn : r.nameRu)),
        inverse: true,
      },
      xAxis: { type: 'value' },
      series: [
        {
          name: m.actualDemand,
          type: 'bar',
          stack: 'q',
          data: rows.map((r) => r.actualDemand),
          color: '#d9480f',
        },
        {
          name: m.deferredDemand,
          type: 'bar',
          stack: 'q',
          data: rows.map((r) => r.deferredDemand),
          color: '#f59f00',
        },
      ],
    }),
    [rows, m, locale],
  );
  return (
    <EChart
      option={option}
      label={m.byMunicipality}
      height={Math.max(240, rows.length * 28 + 80)}
      testId="municipality-chart"
      onClick={(p) => {
        const row = rows[p.dataIndex];
        if (row) onOpen(row.municipalityId);
      }}
    />
  );
}
