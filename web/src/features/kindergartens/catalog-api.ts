import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type {
  KindergartenDetail,
  KindergartenHistory,
  KindergartenList,
  MapPoint,
  MunicipalitySummary,
} from '@contracts/kindergarten-catalog';
import { api } from '../../api/api-client';

/** Query string of the list filters, without empty values (also the page's URL state). */
export type QueryParams = Record<string, string | number | boolean | undefined>;

export function filterQueryString(f: QueryParams): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) {
    if (v === undefined || v === null || v === '' || v === false) continue;
    params.set(k, String(v));
  }
  return params.toString();
}

export function useKindergartenList(f: QueryParams) {
  const qs = filterQueryString(f);
  return useQuery({
    queryKey: ['catalog', 'list', qs],
    queryFn: ({ signal }) => api.get<KindergartenList>(`/api/kindergartens?${qs}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useMapPoints(f: QueryParams, enabled: boolean) {
  const { page: _page, pageSize: _size, sort: _sort, ...rest } = f;
  const qs = filterQueryString(rest);
  return useQuery({
    queryKey: ['catalog', 'map', qs],
    queryFn: ({ signal }) => api.get<{ items: MapPoint[] }>(`/api/kindergartens/map?${qs}`, signal),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useMunicipalitySummary(enabled = true) {
  return useQuery({
    queryKey: ['catalog', 'summary'],
    queryFn: ({ signal }) => api.get<{ items: MunicipalitySummary[] }>('/api/kindergartens/summary', signal),
    enabled,
  });
}

export function useKindergarten(id: number) {
  return useQuery({
    queryKey: ['catalog', 'kindergarten', id],
    queryFn: ({ signal }) => api.get<KindergartenDetail>(`/api/kindergartens/${id}`, signal),
  });
}

export function useKindergartenHistory(id: number) {
  return useQuery({
    queryKey: ['catalog', 'history', id],
    queryFn: ({ signal }) =>
      api.get<KindergartenHistory>(`/api/kindergartens/${id}/history?months=24`, signal),
  });
}
