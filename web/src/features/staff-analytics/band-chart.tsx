import type { IndicatorSummary } from '@contracts/kindergarten-reporting';
import { useMemo } from 'react';
import { EChart } from './echart';
import { bandLabel } from './format';
import type { AnalyticsMessages } from './messages';

/** Demand and placed children by half-year age band (stacked bars). */
export function BandChart({
  s,
  m,
  locale,
}: {
  s: IndicatorSummary;
  m: AnalyticsMessages;
  locale: 'ru' | 'en';
}) {
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 48, right: 12, top: 12, bottom: 56 },
      xAxis: {
        type: 'category',
        data: s.bands.map((b) => bandLabel(locale, b.band)),
        axisLabel: { rotate: 45 },
      },
      yAxis: { type: 'value' },
      series: [
        {
          name: m.actualDemand,
          type: 'bar',
          stack: 'all',
          data: s.bands.map((b) => b.actual),
          color: '#d9480f',
        },
        {
          name: m.deferredDemand,
          type: 'bar',
          stack: 'all',
          data: s.bands.map((b) => b.deferred),
          color: '#f59f00',
        },
        { name: m.placed, type: 'bar', stack: 'all', data: s.bands.map((b) => b.placed), color: '#2b8a3e' },
      ],
    }),
    [s, m, locale],
  );
  return <EChart option={option} label={m.byAge} height={320} testId="band-chart" />;
}
