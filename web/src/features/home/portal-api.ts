import { useQuery } from '@tanstack/react-query';
import type { MyRequests, PortalNews } from '@contracts/platform-portal';
import { api } from '../../api/api-client';
import { isApiError } from '../../api/api-error';

/** A route not there yet (an older server) is "nothing to show", not an error. */
async function orEmpty<T>(load: () => Promise<T>, empty: T): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isApiError(error) && error.status === 404) return empty;
    throw error;
  }
}

const EMPTY_PAGE = { items: [], total: 0, page: 1, pageSize: 0 };

export function useOpenRequests(enabled: boolean) {
  return useQuery({
    queryKey: ['portal', 'my-requests', 'open'],
    queryFn: ({ signal }) =>
      orEmpty(
        () => api.get<MyRequests>('/api/my/requests?state=open&pageSize=5', signal),
        EMPTY_PAGE as MyRequests,
      ),
    enabled,
  });
}

export function usePortalNews() {
  return useQuery({
    queryKey: ['portal', 'news'],
    queryFn: ({ signal }) =>
      orEmpty(() => api.get<PortalNews>('/api/portal/news?pageSize=5', signal), EMPTY_PAGE as PortalNews),
    staleTime: 5 * 60_000,
  });
}
