import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import type { RegionResponse } from '../../api/contracts';
import { useI18n } from '../../i18n/i18n-context';

export const regionQueryKey = ['region'] as const;

/** The region this installation serves: its name, municipalities, map tiles and demo logins. */
export function useRegion() {
  const { locale, t } = useI18n();
  const query = useQuery({
    queryKey: regionQueryKey,
    queryFn: ({ signal }) => api.get<RegionResponse>('/api/region', signal),
    staleTime: Infinity,
  });
  const region = query.data;
  const name = region ? (locale === 'en' ? region.nameEn : region.nameRu) : t('app.regionFallback');
  return { ...query, region, name };
}
