import type {
  ForecastResponse,
  IndicatorsResponse,
  PublicStatistics,
  ReportFile,
  Scenario,
  SeriesResponse,
} from '@contracts/kindergarten-reporting';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';

/** Age-band presets of the filter: the half-year bands each one keeps. */
export const BAND_PRESETS = {
  all: null,
  '0-3': [0, 1, 2, 3, 4, 5],
  '1.5-3': [3, 4, 5],
  '3-7': [6, 7, 8, 9, 10, 11, 12, 13],
} as const;
export type BandPreset = keyof typeof BAND_PRESETS;

export interface IndicatorFilter {
  date: string;
  preset: BandPreset;
  municipalityId?: number;
}

/** The query string shared by the dashboard's request and its XLSX/CSV links: the same numbers. */
export function indicatorParams(f: IndicatorFilter): string {
  const p = new URLSearchParams({ date: f.date });
  const bands = BAND_PRESETS[f.preset];
  if (bands) p.set('bands', bands.join(','));
  if (f.municipalityId) p.set('municipalityId', String(f.municipalityId));
  return p.toString();
}

export function todayLocal(): string {
  // The region's day (UTC+3), as the server counts it.
  return new Date(Date.now() + 3 * 3600_000).toISOString().slice(0, 10);
}

export function useIndicators(f: IndicatorFilter) {
  return useQuery({
    queryKey: ['reporting', 'indicators', indicatorParams(f)],
    queryFn: ({ signal }) =>
      api.get<IndicatorsResponse>(`/api/reporting/indicators?${indicatorParams(f)}`, signal),
    // No placeholder: a drill-down must never show the previous area's numbers under the new name.
    staleTime: 60_000,
  });
}

export function usePublicStatistics(f: IndicatorFilter) {
  const params = indicatorParams({ ...f, municipalityId: undefined });
  return useQuery({
    queryKey: ['public', 'statistics', params],
    queryFn: ({ signal }) => api.get<PublicStatistics>(`/api/public/statistics?${params}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 300_000,
  });
}

export function useSeries(f: IndicatorFilter) {
  const [y, m, d] = f.date.split('-').map(Number) as [number, number, number];
  const from = new Date(Date.UTC(y - 1, m - 1, Math.min(d, 28))).toISOString().slice(0, 10);
  const p = new URLSearchParams({ from, to: f.date });
  const bands = BAND_PRESETS[f.preset];
  if (bands) p.set('bands', bands.join(','));
  if (f.municipalityId) p.set('municipalityId', String(f.municipalityId));
  return useQuery({
    queryKey: ['reporting', 'series', p.toString()],
    queryFn: ({ signal }) => api.get<SeriesResponse>(`/api/reporting/indicators/series?${p}`, signal),
    staleTime: 300_000,
  });
}

export function useReports() {
  return useQuery({
    queryKey: ['reporting', 'reports'],
    queryFn: ({ signal }) => api.get<{ items: ReportFile[] }>('/api/reporting/reports', signal),
  });
}

export function useScenarios() {
  return useQuery({
    queryKey: ['reporting', 'scenarios'],
    queryFn: ({ signal }) => api.get<{ items: Scenario[] }>('/api/reporting/scenarios', signal),
  });
}

/** scenario: 'with' | 'without' | a saved scenario id. */
export function useForecast(scenario: string) {
  const qs =
    scenario === 'with' ? '' : scenario === 'without' ? '?withoutPlanned=true' : `?scenarioId=${scenario}`;
  return useQuery({
    queryKey: ['reporting', 'forecast', scenario],
    queryFn: ({ signal }) => api.get<ForecastResponse>(`/api/reporting/forecast${qs}`, signal),
    placeholderData: keepPreviousData,
    staleTime: 300_000,
  });
}
